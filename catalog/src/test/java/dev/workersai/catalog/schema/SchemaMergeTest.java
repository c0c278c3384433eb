package dev.workersai.catalog.schema;

import static dev.workersai.catalog.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class SchemaMergeTest {
  @Test
  void allOfPartsAreMergedPropertyByPropertyWithTheTighterBoundAndFollowedReferences() {
    JsonNode doc = json("{'definitions': {'base': {'type': 'object', 'properties': {'a': {'type': 'integer', 'minimum': 1}},"
        + " 'required': ['a']}}, 'allOf': [{'$ref': '#/definitions/base'},"
        + " {'properties': {'a': {'minimum': 3, 'maximum': 9}, 'b': {'type': 'string'}}, 'required': ['b']}]}");
    String before = doc.toString();

    JsonNode merged = SchemaMerge.mergeAllOf(doc, new LocalRefs(doc));

    assertThat(merged.get("properties")).isEqualTo(json("{'a': {'type': 'integer', 'minimum': 3, 'maximum': 9}, 'b': {'type': 'string'}}"));
    assertThat(merged.get("required")).isEqualTo(json("['a', 'b']"));
    assertThat(merged.has("allOf")).isFalse();
    assertThat(doc.toString()).as("inputs are not changed").isEqualTo(before);
  }

  @Test
  void aBranchInheritsItsParentsKeywordsButNotItsUnionTitleOrDescription() {
    JsonNode parent = json("{'type': ['object', 'null'], 'title': 'Input', 'description': 'd',"
        + " 'properties': {'prompt': {'type': 'string', 'maxLength': 5}}, 'oneOf': [{}]}");
    JsonNode branch = json("{'type': 'object', 'properties': {'prompt': {'minLength': 1}}, 'required': ['prompt']}");

    JsonNode inherited = SchemaMerge.inherit(parent, branch);

    assertThat(inherited).isEqualTo(json("{'type': 'object', 'properties': {'prompt': {'type': 'string', 'maxLength': 5,"
        + " 'minLength': 1}}, 'required': ['prompt']}"));
    assertThat(SchemaMerge.inherit(parent, json("true")).booleanValue()).isTrue();
  }
}
