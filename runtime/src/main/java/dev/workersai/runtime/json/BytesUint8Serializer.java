package dev.workersai.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.workersai.runtime.Bytes;
import java.io.IOException;

/**
 * Writes {@link Bytes} as a JSON array of unsigned 8-bit integers ({@code [137, 80, 78]}), as
 * {@link Uint8ArraySerializer} writes a {@code byte[]}: the convention several Workers AI models use
 * for images and audio inside a JSON body.
 */
public final class BytesUint8Serializer extends StdSerializer<Bytes> {
  private static final long serialVersionUID = 1L;

  /** Used by Jackson through {@code @JsonSerialize(using = ...)}. */
  public BytesUint8Serializer() {
    super(Bytes.class);
  }

  @Override
  public void serialize(Bytes value, JsonGenerator gen, SerializerProvider provider) throws IOException {
    int size = value.size();
    gen.writeStartArray(value, size);
    for (int i = 0; i < size; i++) {
      gen.writeNumber(value.byteAt(i) & 0xFF);
    }
    gen.writeEndArray();
  }
}
