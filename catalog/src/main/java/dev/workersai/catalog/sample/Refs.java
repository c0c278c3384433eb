package dev.workersai.catalog.sample;

import com.fasterxml.jackson.databind.JsonNode;

/** Follows local {@code $ref}s ({@code #/...}, JSON pointers into the root schema). */
final class Refs {
  private static final int MAX_HOPS = 32;

  private Refs() {}

  /**
   * The schema a node stands for: the node itself, or the target of its local {@code $ref}. A
   * reference that cannot be followed (remote, dangling, cyclic) leaves the node as it is.
   */
  static JsonNode resolve(JsonNode root, JsonNode schema) {
    JsonNode current = schema;
    for (int hops = 0; hops < MAX_HOPS && current.isObject(); hops++) {
      JsonNode ref = current.get("$ref");
      if (ref == null || !ref.isTextual() || !ref.textValue().startsWith("#")) {
        return current;
      }
      JsonNode target = root.at(ref.textValue().substring(1));
      if (target.isMissingNode()) {
        return current;
      }
      current = target;
    }
    return current;
  }
}
