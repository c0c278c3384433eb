package dev.workersai.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * The emulator's reading of a {@code oneOf} whose branches overlap: Workers AI accepts a request that
 * more than one branch accepts (a chat request also matches llama-3.3's "Async Batch" branch, which
 * requires nothing; a tool may fit two tool shapes), so every {@code oneOf} of an input schema is
 * checked as {@code anyOf}: a body is valid when at least one branch accepts it. A body no branch
 * accepts is still refused.
 */
final class OverlappingUnions {
  /** Keywords whose value is one schema. */
  private static final Set<String> SCHEMA = Set.of(
      "additionalProperties", "additionalItems", "items", "contains", "not", "if", "then", "else", "propertyNames");
  /** Keywords whose value is an array of schemas. */
  private static final Set<String> SCHEMA_ARRAY = Set.of("oneOf", "anyOf", "allOf", "items");
  /** Keywords whose value maps names to schemas. */
  private static final Set<String> SCHEMA_MAP = Set.of("properties", "patternProperties", "definitions", "$defs", "dependencies");

  private OverlappingUnions() {}

  /** A copy of {@code schema} with every {@code oneOf} read as {@code anyOf}; {@code schema} is not changed. */
  static JsonNode readAsAnyOf(JsonNode schema) {
    JsonNode copy = schema.deepCopy();
    rewrite(copy);
    return copy;
  }

  private static void rewrite(JsonNode schema) {
    if (!(schema instanceof ObjectNode object)) {
      return;
    }
    if (object.has("oneOf")) {
      JsonNode branches = object.remove("oneOf");
      if (object.has("anyOf")) {
        object.withArray("allOf").addObject().set("anyOf", branches); // both must hold, as before
      } else {
        object.set("anyOf", branches);
      }
    }
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      String keyword = entry.getKey();
      JsonNode value = entry.getValue();
      if (SCHEMA.contains(keyword) && value.isObject()) {
        rewrite(value);
      } else if (SCHEMA_ARRAY.contains(keyword) && value.isArray()) {
        value.forEach(OverlappingUnions::rewrite);
      } else if (SCHEMA_MAP.contains(keyword) && value.isObject()) {
        value.forEach(OverlappingUnions::rewrite); // the names are data, the values schemas
      }
    }
  }
}
