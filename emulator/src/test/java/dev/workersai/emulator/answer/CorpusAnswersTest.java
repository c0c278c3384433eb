package dev.workersai.emulator.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.workersai.catalog.SharedCorpus;
import dev.workersai.catalog.schema.ModelSchemas;
import dev.workersai.catalog.transport.JsonForms;
import dev.workersai.emulator.catalog.EmulatedModel;
import dev.workersai.emulator.catalog.SnapshotLoader;
import dev.workersai.emulator.validation.InputValidator;
import dev.workersai.catalog.sample.SchemaSampler;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every model of the real catalog gets an answer that its own output schema accepts. */
class CorpusAnswersTest {
  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

  @Test
  void everyAnswerIsValidAgainstTheModelsOutputSchema(@TempDir Path temp) throws Exception {
    List<EmulatedModel> models = SnapshotLoader.load(SharedCorpus.snapshotIn(temp), Optional.empty(), Map.of()).models();
    AnswerFactory answers = new AnswerFactory();
    InputValidator validator = new InputValidator();
    List<String> checked = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (EmulatedModel model : models) {
      if (model.schemas().isEmpty()) {
        continue;
      }
      ModelSchemas schemas = model.schemas().get();
      JsonNode input = SchemaSampler.requiredOnly().withText("a short prompt").sample(schemas.input());
      if (validator.problem(model.id(), schemas.input(), input, "").isPresent()) {
        // Inputs that are not plain JSON (raw audio, multipart) are checked over HTTP elsewhere.
        continue;
      }
      Answer answer = answers.answer(model, new RunInput(Optional.of(input), new byte[0], "", Map.of()));
      checked.add(model.id());
      if (answer instanceof Answer.Json json) {
        JsonNode schema = JsonForms.ofOutput(schemas.input(), schemas.output()).orElseThrow();
        Schema compiled = registry.getSchema(oneOfAsAnyOf(schema.deepCopy()));
        compiled.validate(json.result()).forEach(e -> problems.add(model.id() + " " + e));
      } else if (answer instanceof Answer.Binary binary && binary.contentType().startsWith("image/")) {
        if (ImageIO.read(new ByteArrayInputStream(binary.bytes())) == null) {
          problems.add(model.id() + ": " + binary.contentType() + " does not decode");
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(checked).contains("@cf/openai/gpt-oss-20b", "@cf/meta/llama-3.1-8b-instruct", "@cf/baai/bge-m3");
    // Most of the catalog takes plain JSON; a sampler regression would shrink this sharply.
    assertThat(checked.size()).isGreaterThan(80);
  }

  /**
   * Catalog output schemas put overlapping branches under {@code oneOf} (an embedding result and
   * an async {@code {request_id}} reply, neither with {@code required}), which no value can match
   * exactly once; the emulator promises a value that matches at least one branch.
   */
  private static JsonNode oneOfAsAnyOf(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.has("oneOf")) {
        object.set("anyOf", object.remove("oneOf"));
      }
      object.forEach(CorpusAnswersTest::oneOfAsAnyOf);
    } else if (node.isArray()) {
      node.forEach(CorpusAnswersTest::oneOfAsAnyOf);
    }
    return node;
  }
}
