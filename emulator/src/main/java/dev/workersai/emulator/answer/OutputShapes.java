package dev.workersai.emulator.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads an output schema's non-standard {@code contentType}/{@code format: binary} markers, which
 * say whether a branch is a JSON envelope, raw bytes or an event stream (WIRE.md §2).
 */
final class OutputShapes {
  private OutputShapes() {}

  /** Whether a schema describes JSON rather than raw bytes or an event stream. */
  static boolean isJson(JsonNode schema) {
    String contentType = schema.path("contentType").asText("application/json");
    return contentType.equals("application/json") && !"binary".equals(schema.path("format").asText());
  }

  /** The first {@code oneOf}/{@code anyOf} branch that is JSON and not {@code null}, or null. */
  static JsonNode firstJsonBranch(JsonNode schema) {
    for (String keyword : new String[] {"oneOf", "anyOf"}) {
      for (JsonNode branch : schema.path(keyword)) {
        if (isJson(branch) && !"null".equals(branch.path("type").asText())) {
          return branch;
        }
      }
    }
    return null;
  }

  /**
   * The JSON part of an output schema: the schema itself, without the top-level union branches
   * that are binary or SSE (so a sampler cannot pick them), or its first JSON branch when the
   * schema itself is not JSON. Null when nothing in it is JSON.
   */
  static JsonNode jsonPart(JsonNode output) {
    if (!isJson(output)) {
      return firstJsonBranch(output);
    }
    ObjectNode copy = ((ObjectNode) output).deepCopy();
    for (String keyword : new String[] {"oneOf", "anyOf"}) {
      if (copy.path(keyword).isArray()) {
        ArrayNode json = copy.arrayNode();
        copy.get(keyword).forEach(branch -> {
          if (isJson(branch)) {
            json.add(branch);
          }
        });
        if (json.isEmpty()) {
          copy.remove(keyword);
        } else {
          copy.set(keyword, json);
        }
      }
    }
    return copy;
  }

  /** Whether the schema or one of its top-level branches declares {@code contentType}. */
  static boolean declares(JsonNode schema, String contentType) {
    if (contentType.equals(schema.path("contentType").asText())) {
      return true;
    }
    for (String keyword : new String[] {"oneOf", "anyOf"}) {
      for (JsonNode branch : schema.path(keyword)) {
        if (contentType.equals(branch.path("contentType").asText())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The media type of a binary output: its own {@code contentType}, else its first non-SSE branch's. */
  static String binaryContentType(JsonNode output) {
    if (output.hasNonNull("contentType")) {
      return output.get("contentType").asText();
    }
    for (String keyword : new String[] {"oneOf", "anyOf"}) {
      for (JsonNode branch : output.path(keyword)) {
        if (branch.hasNonNull("contentType") && !"text/event-stream".equals(branch.get("contentType").asText())) {
          return branch.get("contentType").asText();
        }
      }
    }
    return "application/octet-stream";
  }
}
