package dev.workersai.emulator.answer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * A run request as received, in whichever of the three body forms it came.
 *
 * @param json the JSON body, for JSON requests
 * @param rawBytes the body bytes of a raw binary request (empty array otherwise)
 * @param rawContentType the {@code Content-Type} of a raw binary request
 * @param fields the text fields of a multipart request, or the query of a raw request
 */
public record RunInput(Optional<JsonNode> json, byte[] rawBytes, String rawContentType, Map<String, String> fields) {

  /** Whether the request asked for an SSE stream. */
  public boolean wantsStream() {
    return json.map(body -> body.path("stream").asBoolean(false)).orElse(false);
  }

  /**
   * The text this request is about, used to make answers depend on the input: the prompt, the
   * last message's text, the text to embed or translate, or a description of a binary body.
   */
  public String subject() {
    if (json.isPresent()) {
      JsonNode body = json.get();
      for (String field : new String[] {"prompt", "text", "input", "input_text", "query"}) {
        String text = textOf(body.path(field));
        if (!text.isEmpty()) {
          return text;
        }
      }
      JsonNode messages = body.path("messages");
      if (messages.isArray() && !messages.isEmpty()) {
        return textOf(messages.get(messages.size() - 1).path("content"));
      }
      return body.toString();
    }
    if (fields.containsKey("prompt")) {
      return fields.get("prompt");
    }
    return rawBytes.length + " bytes of " + rawContentType;
  }

  private static String textOf(JsonNode node) {
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isArray()) {
      StringBuilder text = new StringBuilder();
      for (JsonNode item : node) {
        String part = item.isTextual() ? item.asText() : item.path("text").asText("");
        if (!part.isEmpty()) {
          text.append(text.length() == 0 ? "" : " ").append(part);
        }
      }
      return text.toString();
    }
    return "";
  }
}
