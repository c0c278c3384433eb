package dev.workersai.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The body of a request to a model, in one of the three forms Workers AI accepts. */
public sealed interface RequestPayload {

  /** A JSON body: {@code value} serialised with the runtime's Jackson mapper. */
  record Json(Object value) implements RequestPayload {
    public Json {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * Raw bytes as the body (audio for speech recognition, an image for classification), with any
   * other inputs as query parameters.
   */
  record Binary(BinaryBody body, Map<String, String> query) implements RequestPayload {
    public Binary {
      Objects.requireNonNull(body, "body");
      query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }
  }

  /**
   * A {@code multipart/form-data} body. Values are {@link BinaryBody} for file parts, anything else
   * is sent as its string form; null values are left out.
   */
  record Multipart(Map<String, Object> fields) implements RequestPayload {
    public Multipart {
      Map<String, Object> copy = new LinkedHashMap<>();
      fields.forEach((k, v) -> {
        if (v != null) {
          copy.put(k, v);
        }
      });
      fields = Collections.unmodifiableMap(copy);
    }
  }

  static RequestPayload json(Object value) {
    return new Json(value);
  }

  static RequestPayload binary(BinaryBody body, Map<String, String> query) {
    return new Binary(body, query);
  }

  static RequestPayload multipart(Map<String, Object> fields) {
    return new Multipart(fields);
  }
}
