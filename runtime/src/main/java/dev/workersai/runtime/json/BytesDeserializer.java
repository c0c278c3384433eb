package dev.workersai.runtime.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.workersai.runtime.Bytes;
import java.io.IOException;

/**
 * Reads {@link Bytes} from either convention the catalog uses: a JSON array of integers 0..255 or a
 * base64 string, and from bytes Jackson already holds (a
 * tree built from Java values). Anything else is an input mismatch naming the value.
 */
public final class BytesDeserializer extends StdDeserializer<Bytes> {
  private static final long serialVersionUID = 1L;

  private final Uint8ArrayDeserializer bytes = new Uint8ArrayDeserializer();

  /** Used by Jackson through {@code @JsonDeserialize(using = ...)}. */
  public BytesDeserializer() {
    super(Bytes.class);
  }

  @Override
  public Bytes deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_EMBEDDED_OBJECT && p.getEmbeddedObject() instanceof byte[] b) {
      return Bytes.of(b);
    }
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      // As Jackson reads a byte[] property, so base64 answers read exactly as before.
      String text = p.getText();
      try {
        return Bytes.of(ctxt.getBase64Variant().decode(text));
      } catch (IllegalArgumentException e) {
        return (Bytes) ctxt.handleWeirdStringValue(Bytes.class, text, "not base64: %s", e.getMessage());
      }
    }
    return Bytes.of(bytes.deserialize(p, ctxt));
  }
}
