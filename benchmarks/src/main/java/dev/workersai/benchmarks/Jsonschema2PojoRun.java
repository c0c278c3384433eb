package dev.workersai.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.codemodel.JCodeModel;
import com.sun.codemodel.JDefinedClass;
import com.sun.codemodel.JType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsonschema2pojo.AnnotationStyle;
import org.jsonschema2pojo.DefaultGenerationConfig;
import org.jsonschema2pojo.FileCodeWriterWithEncoding;
import org.jsonschema2pojo.GenerationConfig;
import org.jsonschema2pojo.Jackson2Annotator;
import org.jsonschema2pojo.SchemaGenerator;
import org.jsonschema2pojo.SchemaMapper;
import org.jsonschema2pojo.SchemaStore;
import org.jsonschema2pojo.rules.RuleFactory;

/**
 * The comparison point for {@link GeneratorBenchmark}: the same catalog snapshot's schemas
 * ({@code schema.input} and {@code schema.output} of every model file) turned into Java source files
 * by jsonschema2pojo, in-process, the way its Maven plugin drives it (one {@link SchemaMapper} and one
 * {@link JCodeModel} per run, then {@link JCodeModel#build} into a folder).
 *
 * <p>Configuration: jsonschema2pojo's defaults except the target version, which is Java 17 like our
 * generator's output. Stated explicitly because the comparison depends on them: Jackson 2
 * annotations, no builders. The defaults that matter for the amount of code: getters and setters,
 * {@code equals}/{@code hashCode}/{@code toString}, an {@code additionalProperties} map, boxed
 * types, no validation annotations, no {@code @Generated}.
 *
 * <p>Each model gets its own package ({@code bench.jsonschema2pojo.<file name>}) with classes
 * {@code Input} and {@code Output}, so names from different models never clash. A schema that
 * jsonschema2pojo cannot handle is counted in {@link Outcome#failures()} and skipped; the rest of
 * the run goes on.
 */
final class Jsonschema2PojoRun {
  /**
   * What {@link #generate} produced: schemas attempted, source files written, the existing type each
   * schema without a class of its own was mapped to (a root {@code oneOf} becomes {@code Object}, a
   * root {@code string} {@code String}), and the schemas that failed.
   */
  record Outcome(int schemas, int filesWritten, List<String> mappedToExistingTypes, List<String> failures) {
    String summary() {
      Map<String, Long> existing = mappedToExistingTypes.stream()
          .collect(Collectors.groupingBy(name -> name, TreeMap::new, Collectors.counting()));
      return schemas + " schemas, " + filesWritten + " source files, " + failures.size() + " failed, "
          + mappedToExistingTypes.size() + " without a class of their own " + existing;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final GenerationConfig CONFIG = new DefaultGenerationConfig() {
    @Override
    public String getTargetVersion() {
      return "17";
    }

    @Override
    public AnnotationStyle getAnnotationStyle() {
      return AnnotationStyle.JACKSON2;
    }

    @Override
    public boolean isGenerateBuilders() {
      return false;
    }
  };

  private Jsonschema2PojoRun() {}

  /**
   * Reads every {@code models/*.json} under {@code snapshot} and writes the classes for its input and
   * output schemas below {@code output} (created if missing).
   */
  static Outcome generate(Path snapshot, Path output) throws IOException {
    SchemaMapper mapper = new SchemaMapper(
        new RuleFactory(CONFIG, new Jackson2Annotator(CONFIG), new SchemaStore()), new SchemaGenerator());
    JCodeModel code = new JCodeModel();
    int schemas = 0;
    List<String> existingTypes = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Path file : modelFiles(snapshot.resolve("models"))) {
      JsonNode model = JSON.readTree(file.toFile());
      String packageName = "bench.jsonschema2pojo." + packageSegment(file);
      for (String side : List.of("input", "output")) {
        JsonNode schema = model.path("schema").path(side);
        if (!schema.isObject()) {
          continue;
        }
        schemas++;
        try {
          JType type = mapper.generate(code, side.equals("input") ? "Input" : "Output", packageName, schema.toString());
          if (!(type instanceof JDefinedClass)) {
            existingTypes.add(type.fullName());
          }
        } catch (RuntimeException | IOException | StackOverflowError e) {
          failures.add(file.getFileName() + "#/schema/" + side + ": " + e);
        }
      }
    }
    Files.createDirectories(output);
    FileCodeWriterWithEncoding writer = new FileCodeWriterWithEncoding(output.toFile(), "UTF-8");
    code.build(writer, writer);
    return new Outcome(schemas, code.countArtifacts(), List.copyOf(existingTypes), List.copyOf(failures));
  }

  private static List<Path> modelFiles(Path models) throws IOException {
    try (Stream<Path> files = Files.list(models)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
    }
  }

  /** {@code aura-2-en.json} becomes {@code aura_2_en}; a leading digit gets an {@code m} in front. */
  private static String packageSegment(Path file) {
    String name = file.getFileName().toString().replaceFirst("\\.json$", "");
    String segment = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    return Character.isDigit(segment.charAt(0)) ? "m" + segment : segment;
  }
}
