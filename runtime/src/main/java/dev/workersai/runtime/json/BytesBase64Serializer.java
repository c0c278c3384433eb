package dev.workersai.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.workersai.runtime.Bytes;
import java.io.IOException;

/**
 * Writes {@link Bytes} as a base64 string, exactly as Jackson writes a {@code byte[]} (its default
 * variant: standard alphabet, padded, no line feeds).
 */
public final class BytesBase64Serializer extends StdSerializer<Bytes> {
  private static final long serialVersionUID = 1L;

  /** Used by Jackson through {@code @JsonSerialize(using = ...)}. */
  public BytesBase64Serializer() {
    super(Bytes.class);
  }

  @Override
  public void serialize(Bytes value, JsonGenerator gen, SerializerProvider provider) throws IOException {
    gen.writeBinary(provider.getConfig().getBase64Variant(), value.toByteArray(), 0, value.size());
  }
}
