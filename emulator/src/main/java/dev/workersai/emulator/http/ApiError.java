package dev.workersai.emulator.http;

import java.util.Map;

/**
 * An error answer in Cloudflare's envelope, thrown by an endpoint and written by the router:
 * {@code {"result":null,"success":false,"errors":[{"code":..,"message":..}],"messages":[]}}.
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final int code;
  final transient Map<String, String> headers;
  /** The schema endpoint answers errors with {@code "result":{}} rather than null. */
  final boolean emptyObjectResult;

  ApiError(int status, int code, String message) {
    this(status, code, message, Map.of(), false);
  }

  ApiError(int status, int code, String message, Map<String, String> headers, boolean emptyObjectResult) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = Map.copyOf(headers);
    this.emptyObjectResult = emptyObjectResult;
  }

  static ApiError badInput(String modelId, String problem) {
    return new ApiError(400, ErrorCodes.BAD_INPUT, "AiError: Bad input for " + modelId + ": " + problem);
  }
}
