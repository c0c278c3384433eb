package dev.workersai.catalog.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.catalog.CatalogException;
import dev.workersai.catalog.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the schema combinators into plain schemas before they are read: the branches of a
 * {@code oneOf}/{@code anyOf} (with the parent's own keywords folded into each, and {@code null}
 * branches dropped), a {@code type} array split into one schema per type, and an {@code allOf}
 * merged into one object schema. The input is never changed: merged schemas are copies.
 */
final class Combinators {
  /** Keywords of a parent that do not carry over into its branches. */
  private static final Set<String> NOT_INHERITED = Set.of("oneOf", "anyOf", "allOf", "description", "title", "$ref");

  private Combinators() {}

  /**
   * A schema node with its location.
   *
   * @param node the schema
   * @param at where it is
   */
  record Located(JsonNode node, SourceLocation at) {}

  /** The non-null branches of {@code oneOf} (or else {@code anyOf}); empty when there is neither. */
  static List<Located> branches(JsonNode node, SourceLocation at) {
    String keyword = node.has("oneOf") ? "oneOf" : node.has("anyOf") ? "anyOf" : null;
    if (keyword == null) {
      return List.of();
    }
    List<JsonNode> raw = SchemaReader.elements(node, keyword, at);
    List<Located> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      JsonNode branch = raw.get(i);
      if (isNull(branch)) {
        continue;
      }
      out.add(new Located(inherit(node, branch), at.child(keyword).child(String.valueOf(i))));
    }
    return out;
  }

  /** {@code {"type": ["string", "integer", "null"], ...}} as one schema per non-null type. */
  static List<Located> splitTypeArray(JsonNode node, SourceLocation at) {
    List<Located> out = new ArrayList<>();
    for (JsonNode t : node.get("type")) {
      if (!t.isTextual()) {
        throw new CatalogException("bad-schema", at.child("type"), "\"type\" must list strings");
      }
      if (t.asText().equals("null")) {
        continue;
      }
      ObjectNode copy = ((ObjectNode) node).deepCopy();
      copy.put("type", t.asText());
      out.add(new Located(copy, at));
    }
    return out;
  }

  /**
   * An {@code allOf} folded into its parent: properties and required lists are merged, other
   * keywords of later schemas win. A {@code $ref} inside is kept for the reader to resolve only at
   * the top: the merge sees the referencing node as it is.
   */
  static JsonNode mergeAllOf(JsonNode node, SourceLocation at) {
    ObjectNode merged = ((ObjectNode) node).deepCopy();
    merged.remove("allOf");
    for (JsonNode part : SchemaReader.elements(node, "allOf", at)) {
      if (part.isObject()) {
        mergeInto(merged, part);
      }
    }
    return merged;
  }

  private static JsonNode inherit(JsonNode parent, JsonNode branch) {
    if (!branch.isObject()) {
      return branch;
    }
    ObjectNode merged = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : parent.properties()) {
      if (!NOT_INHERITED.contains(e.getKey())) {
        merged.set(e.getKey(), e.getValue());
      }
    }
    mergeInto(merged, branch);
    return merged;
  }

  private static void mergeInto(ObjectNode target, JsonNode part) {
    for (Map.Entry<String, JsonNode> e : part.properties()) {
      JsonNode existing = target.get(e.getKey());
      if (e.getKey().equals("properties") && existing != null && existing.isObject() && e.getValue().isObject()) {
        ObjectNode props = existing.deepCopy();
        props.setAll((ObjectNode) e.getValue());
        target.set("properties", props);
      } else if (e.getKey().equals("required") && existing != null && existing.isArray() && e.getValue().isArray()) {
        ArrayNode req = existing.deepCopy();
        e.getValue().forEach(v -> {
          if (!contains(req, v)) {
            req.add(v);
          }
        });
        target.set("required", req);
      } else {
        target.set(e.getKey(), e.getValue());
      }
    }
  }

  private static boolean contains(ArrayNode array, JsonNode value) {
    for (JsonNode v : array) {
      if (v.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNull(JsonNode branch) {
    return branch.isObject() && branch.path("type").asText().equals("null") && branch.size() <= 3
        && !branch.has("properties") && !branch.has("oneOf") && !branch.has("anyOf");
  }
}
