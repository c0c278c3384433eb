package dev.workersai.catalog;

import static dev.workersai.catalog.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaWalkerTest {
  @Test
  void everySchemaObjectIsVisitedParentsFirstButNotInstancesOrNonSchemaMembers() throws Exception {
    JsonNode schema = json("{'title': 'root', 'properties': {'a': {'title': 'a', 'items': [{'title': 't0'}, true]},"
        + " 'required': ['a']}, 'oneOf': [{'title': 'b0'}], 'definitions': {'d': {'title': 'd',"
        + " 'additionalProperties': {'title': 'ap'}}}, 'const': {'title': 'not a schema'},"
        + " 'default': {'properties': {'x': {'title': 'nor this'}}}, 'x-unknown': {'title': 'unknown'}}");
    List<String> titles = new ArrayList<>();

    SchemaWalker.walk(schema, s -> titles.add(s.path("title").asText()));

    assertThat(titles).containsExactly("root", "a", "t0", "b0", "d", "ap");
  }

  @Test
  void aVisitorThatEmptiesASchemaIsNotWalkedBelowIt() throws Exception {
    JsonNode schema = json("{'properties': {'a': {'$ref': '#/x', 'properties': {'b': {}}}}}");
    List<String> seen = new ArrayList<>();

    SchemaWalker.walk(schema, s -> {
      seen.add(s.toString());
      if (s.has("$ref")) {
        s.removeAll();
      }
    });

    assertThat(seen).hasSize(2);
  }
}
