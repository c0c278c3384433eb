package dev.workersai.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Cloudflare's v4 response envelope, as JSON bytes ready to send. */
final class Envelopes {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String JSON = "application/json";

  private Envelopes() {}

  /** {@code {"result":result,"success":true,"errors":[],"messages":[]}}. */
  static Reply.Whole success(JsonNode result, Map<String, String> headers) {
    return new Reply.Whole(200, JSON, bytes(successEnvelope(result)), headers);
  }

  /** The success envelope as a tree, for endpoints that add members such as {@code result_info}. */
  static ObjectNode successEnvelope(JsonNode result) {
    ObjectNode envelope = MAPPER.createObjectNode();
    envelope.set("result", result);
    envelope.put("success", true);
    envelope.putArray("errors");
    envelope.putArray("messages");
    return envelope;
  }

  /** The error envelope for {@code error}. */
  static Reply.Whole error(ApiError error) {
    ObjectNode envelope = MAPPER.createObjectNode();
    if (error.emptyObjectResult) {
      envelope.putObject("result");
    } else {
      envelope.putNull("result");
    }
    envelope.put("success", false);
    envelope.putArray("errors").addObject().put("code", error.code).put("message", error.getMessage());
    envelope.putArray("messages");
    return new Reply.Whole(error.status, JSON, bytes(envelope), error.headers);
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a JsonNode", e);
    }
  }
}
