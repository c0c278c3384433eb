package dev.workersai.emulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Errors of the {@code /ai/v1} endpoints in OpenAI's shape, which OpenAI clients parse:
 * {@code {"error":{"message":..,"type":..,"param":null,"code":"3021"}}}. The Workers AI code is kept
 * as the {@code code} text, so a client can still tell a per-minute limit (3021) from the daily
 * allocation (3036).
 */
final class OpenAiErrors {
  private OpenAiErrors() {}

  static Reply.Whole error(ApiError error) {
    ObjectNode body = Envelopes.MAPPER.createObjectNode();
    body.putObject("error")
        .put("message", error.getMessage())
        .put("type", type(error.status))
        .putNull("param")
        .put("code", Integer.toString(error.code));
    return new Reply.Whole(error.status, Envelopes.JSON, Envelopes.bytes(body), error.headers);
  }

  private static String type(int status) {
    return switch (status) {
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 404 -> "not_found_error";
      case 429 -> "rate_limit_error";
      default -> status >= 500 ? "server_error" : "invalid_request_error";
    };
  }
}
