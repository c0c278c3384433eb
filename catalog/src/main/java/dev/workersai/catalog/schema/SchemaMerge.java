package dev.workersai.catalog.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The one merge of schema objects, for the reader, the sampler and the change report: the parts of
 * an {@code allOf} into their parent, or a union's parent keywords into each of its branches.
 * Properties are merged member by member, required lists united, types intersected, the tighter
 * of two bounds kept, and otherwise the later schema wins. Not a general schema intersection; what
 * an instance of both schemas looks like. Inputs are never changed; results are new objects that
 * share unchanged members with them, so treat both as read-only.
 */
public final class SchemaMerge {
  /** Keywords of a union's parent that do not carry over into its branches. */
  private static final Set<String> NOT_INHERITED = Set.of("oneOf", "anyOf", "allOf", "description", "title", "$ref");

  private static final Set<String> LOWER = Set.of("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties");
  private static final Set<String> UPPER = Set.of("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties");

  private SchemaMerge() {}

  /**
   * An {@code allOf} folded into its parent: {@code node} without {@code allOf}, merged with each
   * part in turn; a part that is a reference is followed first.
   */
  public static ObjectNode mergeAllOf(JsonNode node, LocalRefs refs) {
    ObjectNode merged = without(node, "allOf");
    for (JsonNode part : node.get("allOf")) {
      merged = merge(merged, refs.follow(part));
    }
    return merged;
  }

  /**
   * A union's branch with its parent's own keywords folded in (the parent's {@code properties} and
   * a branch's {@code required} is common): a branch describes the parent's instance. A branch
   * that is not an object is returned as it is.
   */
  public static JsonNode inherit(JsonNode parent, JsonNode branch) {
    if (!branch.isObject()) {
      return branch;
    }
    ObjectNode inherited = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> keyword : parent.properties()) {
      if (!NOT_INHERITED.contains(keyword.getKey())) {
        inherited.set(keyword.getKey(), keyword.getValue());
      }
    }
    return merge(inherited, branch);
  }

  /** {@code base} without the given keyword. */
  public static ObjectNode without(JsonNode base, String keyword) {
    ObjectNode copy = shallowCopy(base);
    copy.remove(keyword);
    return copy;
  }

  /** {@code extra} merged into a copy of {@code base}. */
  public static ObjectNode merge(ObjectNode base, JsonNode extra) {
    ObjectNode merged = shallowCopy(base);
    if (!extra.isObject()) {
      return merged;
    }
    for (Map.Entry<String, JsonNode> member : extra.properties()) {
      String keyword = member.getKey();
      JsonNode value = member.getValue();
      JsonNode existing = merged.get(keyword);
      if (existing == null) {
        merged.set(keyword, value);
      } else if (keyword.equals("properties") && existing.isObject() && value.isObject()) {
        ObjectNode properties = shallowCopy(existing);
        for (Map.Entry<String, JsonNode> property : value.properties()) {
          JsonNode earlier = properties.get(property.getKey());
          properties.set(property.getKey(),
              earlier != null && earlier.isObject() ? merge((ObjectNode) earlier, property.getValue()) : property.getValue());
        }
        merged.set(keyword, properties);
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
        merged.set(keyword, value);
      }
    }
    return merged;
  }

  /** A new object with the same members: members are shared, never changed in place. */
  private static ObjectNode shallowCopy(JsonNode node) {
    ObjectNode copy = JsonNodeFactory.instance.objectNode();
    copy.setAll((ObjectNode) node);
    return copy;
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
