package dev.workersai.runtime.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workersai.runtime.BinaryBody;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/** Builds OkHttp request bodies from the runtime's payload types. */
public final class RequestBodies {
  /** {@code application/json; charset=utf-8}. */
  public static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private RequestBodies() {}

  /** Serialised JSON bytes; can be sent any number of times. */
  public static RequestBody json(byte[] json) {
    return RequestBody.create(json, JSON);
  }

  /** A raw binary body with the body's content type; one-shot when the body is a stream. */
  public static RequestBody binary(BinaryBody body) {
    MediaType type = MediaType.get(body.contentType());
    if (body.bytesOrNull() != null) {
      return RequestBody.create(body.bytesOrNull(), type);
    }
    return new StreamingBody(body, type);
  }

  /**
   * A {@code multipart/form-data} body: {@link BinaryBody} values become file parts (named after the
   * field), {@link CharSequence}/{@link Number}/{@link Boolean} values their string form, anything
   * else its JSON.
   */
  public static RequestBody multipart(Map<String, Object> fields, ObjectMapper mapper) throws IOException {
    MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      Object value = field.getValue();
      if (value instanceof BinaryBody file) {
        String filename = file.fileOrNull() != null ? file.fileOrNull().getFileName().toString() : field.getKey();
        form.addFormDataPart(field.getKey(), filename, binary(file));
      } else if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
        form.addFormDataPart(field.getKey(), value.toString());
      } else {
        form.addFormDataPart(field.getKey(), mapper.writeValueAsString(value));
      }
    }
    return form.build();
  }

  /** A file (re-read on every send) or a one-shot stream. */
  private static final class StreamingBody extends RequestBody {
    private final BinaryBody body;
    private final MediaType type;

    StreamingBody(BinaryBody body, MediaType type) {
      this.body = body;
      this.type = type;
    }

    @Override
    public MediaType contentType() {
      return type;
    }

    @Override
    public long contentLength() throws IOException {
      return body.fileOrNull() != null ? Files.size(body.fileOrNull()) : -1;
    }

    @Override
    public boolean isOneShot() {
      return body.isOneShot();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      InputStream in = body.open();
      if (body.isOneShot()) {
        // The caller owns the stream it gave us; read it without closing it.
        sink.writeAll(Okio.source(in));
        return;
      }
      try (Source source = Okio.source(in)) {
        sink.writeAll(source);
      }
    }
  }
}
