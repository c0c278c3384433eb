package dev.workersai.emulator.http;

import java.util.Map;

/**
 * The parts of an HTTP request the endpoints look at.
 *
 * @param contentType the media type without parameters, lower case, {@code ""} when absent
 * @param contentTypeHeader the whole {@code Content-Type} header (multipart needs its boundary)
 * @param body the body bytes
 * @param query the decoded query parameters (last value wins)
 */
record RequestData(String contentType, String contentTypeHeader, byte[] body, Map<String, String> query) {

  /**
   * Whether to read the body as JSON: a JSON media type, no media type, or curl's default
   * {@code application/x-www-form-urlencoded} (Cloudflare's own curl examples send JSON with
   * {@code -d} and no {@code Content-Type}) when the body starts like a JSON object or array.
   */
  boolean isJson() {
    if (contentType.isEmpty() || contentType.equals("application/json") || contentType.endsWith("+json")) {
      return true;
    }
    if (contentType.equals("application/x-www-form-urlencoded") || contentType.equals("text/plain")) {
      for (byte b : body) {
        if (!Character.isWhitespace(b)) {
          return b == '{' || b == '[';
        }
      }
    }
    return false;
  }

  boolean isMultipart() {
    return contentType.equals("multipart/form-data");
  }
}
