package dev.workersai.runtime;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.workersai.runtime.json.BytesBase64Serializer;
import dev.workersai.runtime.json.BytesDeserializer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable run of bytes (an image, audio) inside a model's JSON input or answer. Unlike a
 * {@code byte[]} it compares by content, so records holding it are values, and it prints its size,
 * never its content.
 *
 * <p>On the wire it is a base64 string unless the property says otherwise (the properties the
 * catalog sends as a JSON array of integers 0..255 are annotated with {@link
 * dev.workersai.runtime.json.BytesUint8Serializer}); either form is read.
 */
@JsonSerialize(using = BytesBase64Serializer.class)
@JsonDeserialize(using = BytesDeserializer.class)
public final class Bytes {
  private static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] bytes;

  private Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A copy of {@code bytes}; changing the array afterwards does not change the value. */
  public static Bytes of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
  }

  /** The content of {@code file}, read now. */
  public static Bytes of(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      return new Bytes(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Decodes base64 leniently, as {@link Binary#decodeBase64} does (a data URI prefix is accepted). */
  public static Bytes fromBase64(String base64) {
    return new Bytes(Binary.decodeBase64(base64));
  }

  /** No bytes. */
  public static Bytes empty() {
    return EMPTY;
  }

  /** The number of bytes. */
  public int size() {
    return bytes.length;
  }

  /** Whether there are no bytes. */
  public boolean isEmpty() {
    return bytes.length == 0;
  }

  /** The byte at {@code index}, as stored (signed). */
  public byte byteAt(int index) {
    return bytes[index];
  }

  /** A copy of the bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** A new stream over the bytes. */
  public InputStream inputStream() {
    return new ByteArrayInputStream(bytes);
  }

  /** Standard base64 (RFC 4648, with padding). */
  public String base64() {
    return Binary.base64(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** {@code Bytes[1234 bytes]}: the size only, since the content may be large or private. */
  @Override
  public String toString() {
    return "Bytes[" + bytes.length + (bytes.length == 1 ? " byte]" : " bytes]");
  }
}
