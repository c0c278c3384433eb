package dev.workersai.catalog.transport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The few reads of a raw schema node that transport decisions are made of. */
final class Schemas {
  private Schemas() {}

  /** The union keyword at the top of {@code root}: {@code oneOf}, else {@code anyOf}, as the schema reader reads them. */
  static Optional<String> unionKeyword(JsonNode root) {
    return root.path("oneOf").isArray() ? Optional.of("oneOf")
        : root.path("anyOf").isArray() ? Optional.of("anyOf") : Optional.empty();
  }

  /** The top-level forms of {@code root}: its non-null union branches, or the schema itself when it is no union. */
  static List<JsonNode> forms(JsonNode root) {
    Optional<String> keyword = unionKeyword(root);
    if (keyword.isEmpty()) {
      return List.of(root);
    }
    List<JsonNode> forms = new ArrayList<>();
    root.get(keyword.get()).forEach(branch -> {
      if (!isNull(branch)) {
        forms.add(branch);
      }
    });
    return forms.isEmpty() ? List.of(root) : forms;
  }

  static boolean isBinaryString(JsonNode node) {
    return node.path("type").asText().equals("string") && node.path("format").asText().equals("binary");
  }

  /** Whether {@code input} (or a branch of it) has a {@code stream} property. */
  static boolean declaresStream(JsonNode input) {
    if (input.path("properties").has("stream")) {
      return true;
    }
    for (String keyword : List.of("oneOf", "anyOf")) {
      for (JsonNode branch : input.path(keyword)) {
        if (declaresStream(branch)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The first property of {@code form} given as {@code {body, contentType}}: its bytes are the request body. */
  static Optional<String> bodyField(JsonNode form) {
    for (var property : form.path("properties").properties()) {
      JsonNode parts = property.getValue().path("properties");
      if (parts.size() == 2 && parts.has("body") && parts.has("contentType")) {
        return Optional.of(property.getKey());
      }
    }
    return Optional.empty();
  }

  /** A {@code {"type": "null"}} branch, which the schema reader drops from a union. */
  static boolean isNull(JsonNode branch) {
    return branch.isObject() && branch.path("type").asText().equals("null") && branch.size() <= 3
        && !branch.has("properties") && !branch.has("oneOf") && !branch.has("anyOf");
  }
}
