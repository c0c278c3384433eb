package dev.workersai.generator.hostile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.generator.cli.GeneratorCli;
import dev.workersai.generator.write.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One CLI run over a snapshot folder of hand-made model files: its exit status, what it printed,
 * and the sources it wrote. Test support.
 */
record HostileRun(int status, String out, String err, List<SourceFile> written) {
  /** Keeps numbers exact both ways, as the catalog reader does: {@code 1e400} must reach the file as written. */
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  /** A small valid model file: a text input with an optional integer and a string answer. */
  static ObjectNode model(String id) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("name", id);
    root.putObject("task").put("name", "Text Generation");
    root.putArray("properties");
    ObjectNode schema = root.putObject("schema");
    ObjectNode input = schema.putObject("input");
    input.put("type", "object");
    ObjectNode props = input.putObject("properties");
    props.putObject("prompt").put("type", "string");
    props.putObject("max_tokens").put("type", "integer");
    input.putArray("required").add("prompt");
    ObjectNode output = schema.putObject("output");
    output.put("type", "object");
    output.putObject("properties").putObject("response").put("type", "string");
    return root;
  }

  /** Writes the models into {@code dir}/schemas (files m0.json, m1.json, ...) and runs the CLI into {@code dir}/out. */
  static HostileRun generate(Path dir, List<ObjectNode> models, String... extraArgs) {
    try {
      Path schemas = Files.createDirectories(dir.resolve("schemas"));
      for (int i = 0; i < models.size(); i++) {
        Files.write(schemas.resolve("m" + i + ".json"), MAPPER.writeValueAsBytes(models.get(i)));
      }
      return run(schemas, dir.resolve("out"), extraArgs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the CLI from {@code schemas} into {@code out}. */
  static HostileRun run(Path schemas, Path out, String... extraArgs) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    List<String> args = new ArrayList<>(List.of("--schemas", schemas.toString(), "--out", out.toString()));
    args.addAll(List.of(extraArgs));
    int status = GeneratorCli.run(args.toArray(String[]::new), new PrintStream(stdout, true, StandardCharsets.UTF_8),
        new PrintStream(stderr, true, StandardCharsets.UTF_8));
    return new HostileRun(status, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8),
        javaFiles(out));
  }

  private static List<SourceFile> javaFiles(Path out) {
    if (!Files.isDirectory(out)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(out)) {
      List<SourceFile> files = new ArrayList<>();
      for (Path p : all.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        files.add(new SourceFile(out.relativize(p).toString().replace('\\', '/'), Files.readString(p)));
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "exit " + status + "\nstdout: " + out + "\nstderr: " + err;
  }
}
