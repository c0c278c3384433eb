package dev.workersai.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Which keywords of a JSON Schema hold schemas, said once (the catalog's shape check, the
 * snapshot normalizer and the validator's preparation walk by it), and a walk over every schema
 * object of a document. Keywords that hold instances ({@code enum}, {@code const},
 * {@code default}) and unknown keywords are not entered.
 */
public final class SchemaWalker {
  /** Keywords whose value is an object of schemas. */
  public static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "$defs", "definitions");
  /** Keywords whose value is an array of schemas. */
  public static final Set<String> SCHEMA_LISTS = Set.of("oneOf", "anyOf", "allOf", "prefixItems");
  /** Keywords whose value is one schema ({@code items} may also be an array of them: draft 7 tuples). */
  public static final Set<String> SCHEMAS = Set.of(
      "items", "additionalProperties", "additionalItems", "not", "contains", "propertyNames", "if", "then", "else",
      "unevaluatedProperties", "unevaluatedItems");

  private SchemaWalker() {}

  /**
   * Calls {@code visit} on {@code schema} and then on every schema object below it, parents first.
   * {@code visit} may change the object it is given: its sub-schemas are looked up afterwards.
   */
  public static void walk(JsonNode schema, Consumer<ObjectNode> visit) {
    if (!(schema instanceof ObjectNode object)) {
      return;
    }
    visit.accept(object);
    for (JsonNode child : subschemas(object)) {
      walk(child, visit);
    }
  }

  /** The schemas directly below {@code schema}; members of a schema map that are not schemas are skipped. */
  public static List<JsonNode> subschemas(ObjectNode schema) {
    List<JsonNode> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> member : schema.properties()) {
      String keyword = member.getKey();
      JsonNode value = member.getValue();
      if (SCHEMA_MAPS.contains(keyword) && value.isObject()) {
        value.forEach(out::add);
      } else if ((SCHEMA_LISTS.contains(keyword) || SCHEMAS.contains(keyword)) && value.isArray()) {
        value.forEach(out::add);
      } else if (SCHEMAS.contains(keyword)) {
        out.add(value);
      }
    }
    out.removeIf(node -> !node.isObject() && !node.isBoolean());
    return out;
  }
}
