package dev.workersai.runtime.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * Finds the Cloudflare envelope saying {@code "success": false} in a 2xx answer (the API answers
 * some failures, such as a busy model, with 200), cheaply enough to run on every answer: a byte scan
 * rules out almost every success before a parser is made, and only small bodies are looked at.
 */
final class FailureEnvelopeScanner {
  private static final ByteString SUCCESS_KEY = ByteString.encodeUtf8("\"success\"");

  private FailureEnvelopeScanner() {}

  /**
   * The envelope of {@code response} if it is a JSON body of at most {@code maxBytes} whose top-level
   * {@code success} is {@code false}, else null. Peeks at the buffered body: unlike
   * {@link Response#peekBody}, nothing is copied, and the body stays unread for the caller.
   */
  static JsonNode failureEnvelope(Response response, ObjectMapper mapper, long maxBytes) {
    if (!ResponseReader.isJson(ResponseReader.mediaType(response)) || response.body().contentLength() > maxBytes) {
      return null;
    }
    BufferedSource source = response.body().source();
    try {
      if (source.request(maxBytes + 1)) {
        return null; // larger than any error envelope
      }
      if (!mentionsSuccessFalse(source.getBuffer()) || !saysNoSuccess(mapper.getFactory(), source.peek().inputStream())) {
        return null;
      }
      return mapper.readTree(source.peek().inputStream());
    } catch (IOException e) {
      return null; // the reader meets the same failure and reports it
    }
  }

  /**
   * A scan with no allocation: whether any {@code "success"} key in the bytes is followed by
   * {@code false}. True for a nested {@code "success": false} too; {@link #saysNoSuccess} decides.
   */
  static boolean mentionsSuccessFalse(Buffer body) throws IOException {
    for (long at = body.indexOf(SUCCESS_KEY); at != -1; at = body.indexOf(SUCCESS_KEY, at + 1)) {
      long i = skipBlanks(body, at + SUCCESS_KEY.size());
      if (i < body.size() && body.getByte(i) == ':') {
        i = skipBlanks(body, i + 1);
        if (i < body.size() && body.getByte(i) == 'f') {
          return true;
        }
      }
    }
    return false;
  }

  private static long skipBlanks(Buffer body, long i) {
    while (i < body.size() && isBlank(body.getByte(i))) {
      i++;
    }
    return i;
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  /** Whether a JSON body is an object whose top-level {@code success} is {@code false}; skips the rest unparsed. */
  static boolean saysNoSuccess(JsonFactory json, InputStream body) {
    try (JsonParser parser = json.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("success".equals(name)) {
          return value == JsonToken.VALUE_FALSE;
        }
        parser.skipChildren();
      }
      return false;
    } catch (IOException e) {
      return false; // not JSON after all: the reader reports it
    }
  }
}
