package dev.workersai.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class OverlappingUnionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyOneOfIsReadAsAnyOfButPropertyNamesStay() throws Exception {
    JsonNode schema = JSON.readTree("""
        {"oneOf": [{"properties": {"oneOf": {"type": "string"}, "tools": {"items": {"oneOf": [{}, {}]}}}}],
         "definitions": {"d": {"oneOf": [{}]}}}""");

    JsonNode read = OverlappingUnions.readAsAnyOf(schema);

    assertThat(read.has("oneOf")).isFalse();
    JsonNode branch = read.path("anyOf").get(0);
    assertThat(branch.path("properties").has("oneOf")).isTrue(); // a property named oneOf, not the keyword
    assertThat(branch.path("properties").path("tools").path("items").has("anyOf")).isTrue();
    assertThat(read.path("definitions").path("d").has("anyOf")).isTrue();
    assertThat(schema.has("oneOf")).isTrue(); // the given schema is not changed
  }

  @Test
  void aOneOfNextToAnAnyOfStaysASecondCondition() throws Exception {
    JsonNode read = OverlappingUnions.readAsAnyOf(JSON.readTree("{\"anyOf\": [{\"a\": 1}], \"oneOf\": [{\"b\": 2}]}"));

    assertThat(read.path("anyOf").toString()).isEqualTo("[{\"a\":1}]");
    assertThat(read.path("allOf").get(0).path("anyOf").toString()).isEqualTo("[{\"b\":2}]");
  }
}
