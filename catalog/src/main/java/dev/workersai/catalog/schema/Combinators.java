package dev.workersai.catalog.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.catalog.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the schema combinators into plain schemas before they are read: the branches of a
 * {@code oneOf}/{@code anyOf} (with the parent's own keywords folded into each, and {@code null}
 * branches dropped) and a {@code type} array split into one schema per type. Merging is
 * {@link SchemaMerge}'s. The input is never changed.
 */
final class Combinators {
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
    List<JsonNode> raw = SchemaReader.elements(node, keyword);
    List<Located> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      JsonNode branch = raw.get(i);
      if (isNull(branch)) {
        continue;
      }
      out.add(new Located(SchemaMerge.inherit(node, branch), at.child(keyword).child(String.valueOf(i))));
    }
    return out;
  }

  /** {@code {"type": ["string", "integer", "null"], ...}} as one schema per non-null type. */
  static List<Located> splitTypeArray(JsonNode node, SourceLocation at) {
    List<Located> out = new ArrayList<>();
    for (JsonNode t : node.get("type")) {
      if (t.asText().equals("null")) {
        continue;
      }
      ObjectNode copy = ((ObjectNode) node).deepCopy();
      copy.put("type", t.asText());
      out.add(new Located(copy, at));
    }
    return out;
  }

  private static boolean isNull(JsonNode branch) {
    return branch.isObject() && branch.path("type").asText().equals("null") && branch.size() <= 3
        && !branch.has("properties") && !branch.has("oneOf") && !branch.has("anyOf");
  }
}
