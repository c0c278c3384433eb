package dev.workersai.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Bytes to send (audio, an image), with their content type. Built from a byte array or a file it can
 * be sent again on retry; built from an {@link InputStream} it is one-shot and never retried.
 */
public final class BinaryBody {
  private final byte[] bytes;
  private final Path file;
  private final InputStream stream;
  private final String contentType;

  private BinaryBody(byte[] bytes, Path file, InputStream stream, String contentType) {
    this.bytes = bytes;
    this.file = file;
    this.stream = stream;
    this.contentType = Objects.requireNonNull(contentType, "contentType");
  }

  /** Bytes held in memory; not copied, so do not change the array after passing it. */
  public static BinaryBody of(byte[] bytes, String contentType) {
    return new BinaryBody(Objects.requireNonNull(bytes, "bytes"), null, null, contentType);
  }

  /** A file read when the request is sent (and again on a retry). */
  public static BinaryBody of(Path file, String contentType) {
    return new BinaryBody(null, Objects.requireNonNull(file, "file"), null, contentType);
  }

  /** A stream read once, when the request is sent; such a request is never retried. */
  public static BinaryBody oneShot(InputStream stream, String contentType) {
    return new BinaryBody(null, null, Objects.requireNonNull(stream, "stream"), contentType);
  }

  /** The media type sent as {@code Content-Type}, such as {@code audio/mpeg}. */
  public String contentType() {
    return contentType;
  }

  /** Whether the body can be sent only once. */
  public boolean isOneShot() {
    return stream != null;
  }

  /** The bytes in memory, or null when the body is a file or a stream. */
  public byte[] bytesOrNull() {
    return bytes;
  }

  /** The file, or null when the body is bytes or a stream. */
  public Path fileOrNull() {
    return file;
  }

  /** The bytes, reading a file or the one-shot stream if needed. */
  public byte[] readAllBytes() {
    try {
      if (bytes != null) {
        return bytes;
      }
      if (file != null) {
        return Files.readAllBytes(file);
      }
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read binary body (" + contentType + ")", e);
    }
  }

  /** Opens the content: a fresh stream for bytes and files, the one-shot stream otherwise. */
  public InputStream open() throws IOException {
    if (bytes != null) {
      return new java.io.ByteArrayInputStream(bytes);
    }
    if (file != null) {
      return Files.newInputStream(file);
    }
    return stream;
  }

  @Override
  public String toString() {
    String size = bytes != null ? bytes.length + " bytes" : file != null ? "file " + file.getFileName() : "stream";
    return "BinaryBody[" + contentType + ", " + size + "]";
  }
}
