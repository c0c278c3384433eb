package dev.workersai.catalog.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Merges schema objects into one, for sampling: the branches of an {@code allOf}, or a schema's own
 * keywords with one of its {@code oneOf}/{@code anyOf} branches. Properties are merged member by
 * member, required lists united, the tighter of two bounds kept, and otherwise the later schema
 * wins. Not a general schema intersection; good enough to make an instance that both describe.
 */
final class SchemaMerge {
  private static final Set<String> LOWER = Set.of("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties");
  private static final Set<String> UPPER = Set.of("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties");

  private SchemaMerge() {}

  /** {@code base} without the given keyword. */
  static ObjectNode without(JsonNode base, String keyword) {
    ObjectNode copy = ((ObjectNode) base).deepCopy();
    copy.remove(keyword);
    return copy;
  }

  /** {@code extra} merged into a copy of {@code base}. */
  static ObjectNode merge(ObjectNode base, JsonNode extra) {
    ObjectNode merged = base.deepCopy();
    if (!extra.isObject()) {
      return merged;
    }
    for (Map.Entry<String, JsonNode> member : extra.properties()) {
      String keyword = member.getKey();
      JsonNode value = member.getValue();
      JsonNode existing = merged.get(keyword);
      if (existing == null) {
        merged.set(keyword, value.deepCopy());
      } else if (keyword.equals("properties") && existing.isObject() && value.isObject()) {
        ObjectNode properties = (ObjectNode) existing;
        for (Map.Entry<String, JsonNode> property : value.properties()) {
          JsonNode earlier = properties.get(property.getKey());
          properties.set(
              property.getKey(),
              earlier != null && earlier.isObject() ? merge((ObjectNode) earlier, property.getValue()) : property.getValue().deepCopy());
        }
      } else if (keyword.equals("required") && existing.isArray() && value.isArray()) {
        Set<String> names = new LinkedHashSet<>();
        existing.forEach(n -> names.add(n.asText()));
        value.forEach(n -> names.add(n.asText()));
        ArrayNode union = merged.arrayNode();
        names.forEach(union::add);
        merged.set(keyword, union);
      } else if (keyword.equals("type")) {
        merged.set(keyword, intersectTypes(existing, value, merged));
      } else if (LOWER.contains(keyword) && existing.isNumber() && value.isNumber()) {
        merged.set(keyword, existing.decimalValue().compareTo(value.decimalValue()) >= 0 ? existing : value);
      } else if (UPPER.contains(keyword) && existing.isNumber() && value.isNumber()) {
        merged.set(keyword, existing.decimalValue().compareTo(value.decimalValue()) <= 0 ? existing : value);
      } else {
        merged.set(keyword, value.deepCopy());
      }
    }
    return merged;
  }

  private static JsonNode intersectTypes(JsonNode a, JsonNode b, ObjectNode factory) {
    Set<String> left = types(a);
    Set<String> right = types(b);
    Set<String> both = new LinkedHashSet<>();
    for (String type : right) {
      if (left.contains(type) || type.equals("integer") && left.contains("number")) {
        both.add(type);
      } else if (type.equals("number") && left.contains("integer")) {
        both.add("integer");
      }
    }
    if (both.isEmpty()) {
      return b;
    }
    if (both.size() == 1) {
      return factory.textNode(both.iterator().next());
    }
    ArrayNode list = factory.arrayNode();
    both.forEach(list::add);
    return list;
  }

  private static Set<String> types(JsonNode type) {
    Set<String> types = new LinkedHashSet<>();
    if (type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else {
      types.add(type.asText());
    }
    return types;
  }
}
