package dev.workersai.runtime;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;

/** A binary model answer (an image, audio) with the content type the server declared. */
public final class BinaryOutput {
  private final String contentType;
  private final byte[] bytes;

  /** A binary answer; {@code bytes} is kept, not copied. */
  public BinaryOutput(String contentType, byte[] bytes) {
    this.contentType = Objects.requireNonNull(contentType, "contentType");
    this.bytes = Objects.requireNonNull(bytes, "bytes");
  }

  /** The media type, such as {@code image/png}, from the response's {@code Content-Type}. */
  public String contentType() {
    return contentType;
  }

  /** The bytes; the array is shared, not copied. */
  public byte[] bytes() {
    return bytes;
  }

  /** A new stream over the bytes. */
  public InputStream inputStream() {
    return new ByteArrayInputStream(bytes);
  }

  @Override
  public String toString() {
    return "BinaryOutput[" + contentType + ", " + bytes.length + " bytes]";
  }
}
