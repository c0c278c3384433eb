package dev.workersai.runtime.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;

/**
 * Reads a {@code byte[]} from a JSON array of integers 0..255 (the counterpart of
 * {@link Uint8ArraySerializer}); a base64 string is accepted too, so an answer in either convention
 * reads. Any other value, or a number outside 0..255, is an input mismatch naming the value.
 */
public final class Uint8ArrayDeserializer extends StdDeserializer<byte[]> {
  private static final long serialVersionUID = 1L;

  /** Used by Jackson through {@code @JsonDeserialize(using = ...)}. */
  public Uint8ArrayDeserializer() {
    super(byte[].class);
  }

  @Override
  public byte[] deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      try {
        return Base64.getDecoder().decode(p.getText());
      } catch (IllegalArgumentException e) {
        return (byte[]) ctxt.handleWeirdStringValue(byte[].class, p.getText(), "not base64: %s", e.getMessage());
      }
    }
    if (p.currentToken() != JsonToken.START_ARRAY) {
      return (byte[]) ctxt.handleUnexpectedToken(byte[].class, p);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (!t.isNumeric()) {
        return (byte[]) ctxt.handleUnexpectedToken(byte[].class, p);
      }
      double v = p.getDoubleValue();
      if (v < 0 || v > 255 || v != Math.rint(v)) {
        return (byte[]) ctxt.handleWeirdNumberValue(byte[].class, p.getNumberValue(), "not an unsigned 8-bit integer");
      }
      out.write((int) v);
    }
    return out.toByteArray();
  }
}
