package dev.workersai.generator.sample;

import dev.workersai.catalog.sample.SchemaSampler;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.CatalogReader;
import dev.workersai.catalog.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every input and output schema of the published corpus, sampled in both modes, validates with
 * networknt json-schema-validator (draft 2020-12, the default dialect for schemas without
 * {@code $schema}); and the package's own check agrees.
 */
class SchemaSamplerCorpusTest {
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  @Test
  void samplesOfEverySchemaInTheCorpusAreValid() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(SharedCorpus.modelsDirectory())) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    List<String> failures = new ArrayList<>();
    Set<String> ambiguous = new TreeSet<>();
    int validated = 0;
    for (Path file : files) {
      CatalogModel model = CatalogReader.readModel(file);
      for (String side : List.of("input", "output")) {
        Optional<JsonNode> schema = side.equals("input") ? model.inputSchema() : model.outputSchema();
        if (schema.isEmpty()) {
          continue;
        }
        JsonNode checkable = withoutMisplacedRequired(schema.get());
        Schema strict = REGISTRY.getSchema(checkable);
        for (SchemaSampler sampler : List.of(SchemaSampler.requiredOnly(), SchemaSampler.full().withText("echo: hello"))) {
          JsonNode instance = sampler.sample(schema.get());
          validated++;
          String what = file.getFileName() + " " + side + " " + sampler.mode();
          List<Error> errors = strict.validate(instance);
          if (errors.isEmpty()) {
            continue;
          }
          List<Error> relaxed = REGISTRY.getSchema(oneOfAsAnyOf(checkable)).validate(instance);
          if (side.equals("output") && relaxed.isEmpty()) {
            ambiguous.add(file.getFileName().toString());
          } else {
            failures.add(what + ": " + errors.subList(0, Math.min(3, errors.size())));
          }
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(validated).isEqualTo(96 * 2 * 2);
    // These outputs are a oneOf of object branches with no required members and open additional
    // properties (embedding result | async response): every real answer matches two branches, so a
    // strict oneOf cannot hold. Their samples match one branch as a whole (checked relaxed above).
    assertThat(ambiguous)
        .containsExactly(
            "bge-base-en-v1.5.json", "bge-large-en-v1.5.json", "bge-m3.json", "bge-small-en-v1.5.json",
            "omni-bge-base-en-v1.5.json");
  }

  @Test
  void ownCheckAgreesWithNetworkntOnEveryCorpusSample() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(SharedCorpus.modelsDirectory())) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    List<String> disagreements = new ArrayList<>();
    for (Path file : files) {
      CatalogModel model = CatalogReader.readModel(file);
      for (Optional<JsonNode> schema : List.of(model.inputSchema(), model.outputSchema())) {
        if (schema.isEmpty()) {
          continue;
        }
        JsonNode checkable = withoutMisplacedRequired(schema.get());
        for (SchemaSampler sampler : List.of(SchemaSampler.requiredOnly(), SchemaSampler.full())) {
          JsonNode instance = sampler.sample(schema.get());
          boolean networknt = REGISTRY.getSchema(checkable).validate(instance).isEmpty();
          if (networknt != SchemaSampler.isValid(checkable, instance)) {
            disagreements.add(file.getFileName() + " " + sampler.mode());
          }
        }
      }
    }
    assertThat(disagreements).isEmpty();
  }

  /** The schema with every {@code oneOf} read as {@code anyOf}. */
  private static JsonNode oneOfAsAnyOf(JsonNode schema) {
    JsonNode copy = schema.deepCopy();
    renameOneOf(copy);
    return copy;
  }

  private static void renameOneOf(JsonNode node) {
    if (node instanceof ObjectNode object && object.has("oneOf") && !object.has("anyOf")) {
      object.set("anyOf", object.remove("oneOf"));
    }
    node.forEach(SchemaSamplerCorpusTest::renameOneOf);
  }

  /**
   * networknt refuses a schema whose {@code properties} hold a non-schema; one published file
   * (flux-2-dev) puts its {@code required} list there. Validate against the schema without it.
   */
  static JsonNode withoutMisplacedRequired(JsonNode schema) {
    JsonNode copy = schema.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node.isObject()) {
      JsonNode properties = node.get("properties");
      if (properties instanceof ObjectNode map && map.has("required") && map.get("required").isArray()) {
        map.remove("required");
      }
      node.forEach(SchemaSamplerCorpusTest::strip);
    } else if (node.isArray()) {
      node.forEach(SchemaSamplerCorpusTest::strip);
    }
  }
}
