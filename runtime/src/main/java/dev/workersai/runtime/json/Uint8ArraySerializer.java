package dev.workersai.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes a {@code byte[]} as a JSON array of unsigned 8-bit integers ({@code [137, 80, 78]}), the
 * convention several Workers AI models use for images and audio inside a JSON body. Jackson's
 * default would write base64, which those models reject.
 */
public final class Uint8ArraySerializer extends StdSerializer<byte[]> {
  private static final long serialVersionUID = 1L;

  /** Used by Jackson through {@code @JsonSerialize(using = ...)}. */
  public Uint8ArraySerializer() {
    super(byte[].class);
  }

  @Override
  public void serialize(byte[] value, JsonGenerator gen, SerializerProvider provider) throws IOException {
    gen.writeStartArray(value, value.length);
    for (byte b : value) {
      gen.writeNumber(b & 0xFF);
    }
    gen.writeEndArray();
  }
}
