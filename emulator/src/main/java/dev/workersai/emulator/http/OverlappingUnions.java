package dev.workersai.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workersai.catalog.SchemaWalker;

/**
 * The emulator's reading of a {@code oneOf} whose branches overlap: Workers AI accepts a request that
 * more than one branch accepts (a chat request also matches llama-3.3's "Async Batch" branch, which
 * requires nothing; a tool may fit two tool shapes), so every {@code oneOf} of an input schema is
 * checked as {@code anyOf}: a body is valid when at least one branch accepts it. A body no branch
 * accepts is still refused.
 */
final class OverlappingUnions {
  private OverlappingUnions() {}

  /** A copy of {@code schema} with every {@code oneOf} read as {@code anyOf}; {@code schema} is not changed. */
  static JsonNode readAsAnyOf(JsonNode schema) {
    JsonNode copy = schema.deepCopy();
    SchemaWalker.walk(copy, object -> {
      if (object.has("oneOf")) {
        JsonNode branches = object.remove("oneOf");
        if (object.has("anyOf")) {
          object.withArray("allOf").addObject().set("anyOf", branches); // both must hold, as before
        } else {
          object.set("anyOf", branches);
        }
      }
    });
    return copy;
  }
}
