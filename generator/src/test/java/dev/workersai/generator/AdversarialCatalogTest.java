package dev.workersai.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workersai.catalog.CatalogException;
import dev.workersai.generator.compile.GeneratedCode;
import dev.workersai.generator.write.SourceFile;
import dev.workersai.runtime.InputValidationException;
import dev.workersai.runtime.ModelInput;
import dev.workersai.runtime.internal.Json;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile catalog files (under {@code src/test/resources/adversarial/}) give safe, compiling code or
 * a clear error that names the file and pointer, with nothing written.
 */
class AdversarialCatalogTest {
  private static final Path CASES = Paths.get("src", "test", "resources", "adversarial");
  private final ObjectMapper mapper = Json.newMapper();

  @Test
  void commentEndingsKeywordsAndOddPropertyNamesStayInsideLiteralsAndCompile(@TempDir Path tmp) throws Exception {
    ClassLoader classes = GeneratedCode.compile(render("injection").files(), tmp);
    Class<?> model = classes.loadClass("dev.workersai.models.evil.Model");
    assertThat(model.getField("MODEL_ID").get(null)).isEqualTo("@cf/evil/x*/ class Pwned {} /*");
    assertThat(Files.walk(tmp.resolve("classes")).map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("Pwned"));
    Class<?> input = classes.loadClass("dev.workersai.models.evil.Model$Input");
    assertThat(Arrays.stream(input.getRecordComponents()).map(RecordComponent::getName))
        .contains("class_", "default_", "_2x", "topK", "path_", "validate_", "hashCode_");

    ModelInput ok = (ModelInput) mapper.readValue("{\"class\":\"c\",\"a\\\"b\\\\c\":\"ab\",\"mode\":\"*/\"}", input);
    ok.validate();
    assertThat(mapper.writeValueAsString(ok.toPayload().getClass().getMethod("value").invoke(ok.toPayload())))
        .isEqualTo("{\"class\":\"c\",\"a\\\"b\\\\c\":\"ab\",\"mode\":\"*/\"}");
    ModelInput outOfRange = (ModelInput) mapper.readValue("{\"class\":\"c\",\"a\\\"b\\\\c\":\"ab\",\"default\":11}", input);
    assertThatThrownBy(outOfRange::validate).isInstanceOf(InputValidationException.class)
        .hasMessage("default: must be at most 10, was 11");
    ModelInput badPattern = (ModelInput) mapper.readValue("{\"class\":\"c\",\"a\\\"b\\\\c\":\"AB\"}", input);
    assertThatThrownBy(badPattern::validate).isInstanceOf(InputValidationException.class)
        .hasMessageStartingWith("a\"b\\c: must match the pattern");
    ModelInput missing = (ModelInput) mapper.readValue("{\"a\\\"b\\\\c\":\"ab\"}", input);
    assertThatThrownBy(missing::validate).hasMessage("class: is required");
  }

  @Test
  void modelIdsWithDotDotNeverLeaveTheOutputFolder(@TempDir Path tmp) throws Exception {
    Rendering rendering = render("traversal");
    assertThat(rendering.files()).extracting(SourceFile::relativePath).allSatisfy(p -> {
      assertThat(Path.of(p).normalize().toString().replace('\\', '/')).isEqualTo(p);
      assertThat(p).doesNotContain("..").startsWith("dev/workersai/models/");
    });
    Path out = tmp.resolve("out");
    Generator.generate(request("traversal", out));
    try (Stream<Path> all = Files.walk(tmp)) {
      assertThat(all.filter(Files::isRegularFile)).allMatch(p -> p.startsWith(out));
    }
    GeneratedCode.compile(rendering.files(), tmp.resolve("compiled"));
  }

  @Test
  void idsThatMapToTheSameClassGetDistinctNamesInSortedIdOrder(@TempDir Path tmp) throws Exception {
    Rendering rendering = render("collisions");
    assertThat(rendering.files()).extracting(SourceFile::relativePath).containsExactly(
        "dev/workersai/models/acme/InputModel.java",
        "dev/workersai/models/acme/Model1_0.java",
        "dev/workersai/models/acme/Model1_0_2.java",
        "dev/workersai/models/acme/Model1_0_3.java");
    ClassLoader classes = GeneratedCode.compile(rendering.files(), tmp);
    assertThat(classes.loadClass("dev.workersai.models.acme.Model1_0").getField("MODEL_ID").get(null))
        .isEqualTo("@cf/acme/model-1.0");
    assertThat(classes.loadClass("dev.workersai.models.acme.Model1_0_2").getField("MODEL_ID").get(null))
        .isEqualTo("@cf/acme/model_1.0");
    assertThat(classes.loadClass("dev.workersai.models.acme.Model1_0_3").getField("MODEL_ID").get(null))
        .isEqualTo("@hf/Acme/Model-1.0");
  }

  @Test
  void malformedJsonIsAnErrorNamingTheFileAndNothingIsWritten(@TempDir Path tmp) {
    Path out = tmp.resolve("out");
    assertThatThrownBy(() -> Generator.generate(request("malformed", out)))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("broken.json");
    assertThat(out).doesNotExist();
  }

  @Test
  void aKeywordOfTheWrongKindIsAnErrorNamingTheJsonPointer(@TempDir Path tmp) {
    assertThatThrownBy(() -> Generator.generate(request("bad-schema", tmp.resolve("out"))))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("bad.json#/schema/input/properties/n/maxLength");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void refsAllOfAndConstAreUnderstoodAndRecursionFallsBackToJsonNode(@TempDir Path tmp) throws Exception {
    Rendering rendering = render("refs");
    assertThat(rendering.untypedNodes()).isEqualTo(2);
    assertThat(rendering.notes()).anyMatch(n -> n.contains("recursive $ref #/definitions/Node"))
        .anyMatch(n -> n.contains("unresolved $ref #/definitions/Nope"));
    ClassLoader classes = GeneratedCode.compile(rendering.files(), tmp);
    Class<?> input = classes.loadClass("dev.workersai.models.x.Refs$Input");
    assertThat(Arrays.stream(input.getRecordComponents()).map(RecordComponent::getName))
        .containsExactly("messages", "tree", "missing", "kind");
    ModelInput wrongConst = (ModelInput) mapper.readValue("{\"messages\":[{\"role\":\"system\"}],\"kind\":\"a\"}", input);
    assertThatThrownBy(wrongConst::validate).hasMessage("messages[0].role: must be one of [user], was \"system\"");
  }

  @Test
  void twentyLevelsOfNestingGenerateAndValidateWithTheFullPath(@TempDir Path tmp) throws Exception {
    ClassLoader classes = GeneratedCode.compile(render("deep").files(), tmp);
    Class<?> input = classes.loadClass("dev.workersai.models.x.Deep$Input");
    StringBuilder json = new StringBuilder("{\"root\":");
    StringBuilder path = new StringBuilder("root");
    for (int level = 1; level <= 20; level++) {
      json.append("{\"level").append(level).append("\":");
      path.append(".level").append(level);
    }
    json.append("\"too long\"").append("}".repeat(20)).append("}");
    ModelInput deep = (ModelInput) mapper.readValue(json.toString(), input);
    assertThatThrownBy(deep::validate).hasMessage(path + ": must have at most 5 characters, had 8");
  }

  private static Rendering render(String folder) {
    return Generator.render(request(folder, Path.of("unused")));
  }

  private static GenerationRequest request(String folder, Path out) {
    return new GenerationRequest(CASES.resolve(folder), out, GenerationRequest.DEFAULT_PACKAGE,
        List.of(), List.of(), List.of(), Optional.empty());
  }
}
