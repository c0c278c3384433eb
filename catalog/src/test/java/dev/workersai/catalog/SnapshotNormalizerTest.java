package dev.workersai.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The facts-only form: what is dropped, what stays, and the exact bytes written. */
class SnapshotNormalizerTest {
  private static JsonNode json(String text) throws IOException {
    return JsonFiles.parse(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void dropsProseAndKeepsFactsInADeterministicLayout() throws IOException {
    JsonNode published =
        json(
            "{'id': 'uuid', 'source': 1, 'name': '@cf/acme/chat-1', 'description': 'A fine model.',"
                + " 'task': {'id': 't', 'name': 'Text Generation', 'description': 'Generates.'},"
                + " 'created_at': '2025-01-01 00:00:00.000', 'tags': [],"
                + " 'properties': [{'property_id': 'price', 'value': [{'unit': 'per step', 'price': 0.10, 'currency': 'USD'}]},"
                + " {'property_id': 'beta', 'value': 'true'}],"
                + " 'schema': {'input': {'type': 'object', 'description': 'Input prose.', 'examples': [{'prompt': 'hi'}],"
                + " 'properties': {'tools': {'type': 'array', 'items': {'type': 'object', 'title': 'Tool',"
                + " 'properties': {'name': {'type': 'string', 'description': 'The name.'},"
                + " 'description': {'type': 'string', 'description': 'What the function does.'}},"
                + " 'required': ['name', 'description']}},"
                + " 'mode': {'type': 'string', 'enum': ['a', 'b'], 'default': 'a', '$comment': 'internal'}},"
                + " 'required': ['tools']},"
                + " 'output': {'type': 'string', 'format': 'binary', 'contentType': 'image/png', 'description': 'A picture.'}}}");

    SnapshotNormalizer.Entry entry = SnapshotNormalizer.normalize(published);

    assertThat(entry.modelId()).isEqualTo("@cf/acme/chat-1");
    assertThat(entry.fileName()).isEqualTo("chat-1.json");
    assertThat(new String(entry.bytes(), StandardCharsets.UTF_8))
        .isEqualTo(
            """
            {
              "name": "@cf/acme/chat-1",
              "task": "Text Generation",
              "properties": [
                {
                  "property_id": "beta",
                  "value": "true"
                },
                {
                  "property_id": "price",
                  "value": [
                    {
                      "unit": "per step",
                      "price": 0.10,
                      "currency": "USD"
                    }
                  ]
                }
              ],
              "schema": {
                "input": {
                  "properties": {
                    "tools": {
                      "items": {
                        "properties": {
                          "name": {
                            "type": "string"
                          },
                          "description": {
                            "type": "string"
                          }
                        },
                        "required": [
                          "name",
                          "description"
                        ],
                        "title": "Tool",
                        "type": "object"
                      },
                      "type": "array"
                    },
                    "mode": {
                      "default": "a",
                      "enum": [
                        "a",
                        "b"
                      ],
                      "type": "string"
                    }
                  },
                  "required": [
                    "tools"
                  ],
                  "type": "object"
                },
                "output": {
                  "contentType": "image/png",
                  "format": "binary",
                  "type": "string"
                }
              }
            }
            """);
  }

  @Test
  void keepsDeprecatedWhereGivenAndOmitsWhatIsAbsent() throws IOException {
    SnapshotNormalizer.Entry withFlag =
        SnapshotNormalizer.normalize(json("{'name': '@cf/a/b', 'task': 'Translation', 'deprecated': false, 'schema': {}}"));
    SnapshotNormalizer.Entry bare = SnapshotNormalizer.normalize(json("{'name': '@cf/a/c', 'task': null}"));

    assertThat(withFlag.document().toString()).isEqualTo("{\"name\":\"@cf/a/b\",\"task\":\"Translation\",\"deprecated\":false}");
    assertThat(bare.document().toString()).isEqualTo("{\"name\":\"@cf/a/c\"}");
  }

  @Test
  void keepsDataValuesThatLookLikeKeywords() throws IOException {
    JsonNode entry =
        json(
            "{'name': '@cf/a/d', 'schema': {'input': {'type': 'object', 'default': {'description': 'data, not prose'},"
                + " 'enum': [{'description': 'x'}], 'properties': {'description': {'type': 'string'}}}, 'output': {}}}");

    JsonNode input = SnapshotNormalizer.normalize(entry).document().at("/schema/input");

    assertThat(input.at("/default/description").asText()).isEqualTo("data, not prose");
    assertThat(input.at("/enum/0/description").asText()).isEqualTo("x");
    assertThat(input.at("/properties/description/type").asText()).isEqualTo("string");
  }

  @Test
  void fileNamesCannotLeaveTheFolder() {
    assertThat(SnapshotNormalizer.fileName("@cf/meta/llama-3.1-8b-instruct")).isEqualTo("llama-3.1-8b-instruct.json");
    assertThat(SnapshotNormalizer.fileName("@cf/evil/..")).isEqualTo("_...json");
    assertThat(SnapshotNormalizer.fileName("@cf/evil/a\\b:c")).isEqualTo("a_b_c.json");
    assertThat(SnapshotNormalizer.fileName("@cf/evil/")).isEqualTo("_.json");
  }

  @Test
  void aModelNamedLikeTheRateLimitTableGetsAnotherFileName() {
    assertThat(SnapshotNormalizer.fileName("@cf/x/rate-limits")).isEqualTo("_rate-limits.json");
    assertThat(SnapshotNormalizer.fileName("@cf/x/Rate-Limits")).isEqualTo("_Rate-Limits.json");
    assertThat(SnapshotNormalizer.fileName("@cf/x/rate-limits-2")).isEqualTo("rate-limits-2.json");
  }

  @Test
  void refusesAnEntryTheReaderCouldNotRead() throws IOException {
    assertThatThrownBy(() -> SnapshotNormalizer.normalize(json("{'task': 'x'}")))
        .isInstanceOf(CatalogException.class)
        .hasMessage("[missing-name] catalog entry#/name: a catalog entry needs a \"name\", the model id");
    assertThatThrownBy(() -> SnapshotNormalizer.normalize(json("{'name': '@cf/a/e', 'schema': {'input': {'type': 1}, 'output': {}}}")))
        .isInstanceOf(CatalogException.class)
        .hasMessage("[bad-schema] e.json#/schema/input/type: \"type\" must be a string or an array of strings, found a number");
  }

  @Test
  void normalizingIsIdempotentAndKeepsWhatTheReaderSeesForTheWholeCorpus() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(SharedCorpus.modelsDirectory())) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      JsonNode published = JsonFiles.parse(Files.readAllBytes(file));
      SnapshotNormalizer.Entry entry = SnapshotNormalizer.normalize(published);
      assertThat(SnapshotNormalizer.normalize(entry.document()).bytes()).as(file.toString()).isEqualTo(entry.bytes());

      CatalogModel source = CatalogReader.readModel(file);
      CatalogModel facts = ModelFileParser.parse(Path.of(entry.fileName()), JsonFiles.parse(entry.bytes()));
      assertThat(facts.id()).isEqualTo(source.id());
      assertThat(facts.task()).isEqualTo(source.task());
      assertThat(facts.deprecated()).isEqualTo(source.deprecated());
      assertThat(facts.properties()).isEqualTo(source.properties());
      assertThat(facts.hasSchema()).isEqualTo(source.hasSchema());
      String text = new String(entry.bytes(), StandardCharsets.UTF_8);
      assertThat(text).as(file.toString()).doesNotContain("\"description\": \"");
    }
  }
}
