package dev.workersai.runtime;

import java.io.Closeable;
import java.io.InputStream;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A binary model answer (audio, an image) read straight from the connection, without buffering it in
 * memory. Read {@link #inputStream()} once, then close this (try-with-resources); closing early
 * releases the connection.
 *
 * <pre>{@code
 * try (BinaryStream audio = ai.runForStream(AURA, payload, CallOptions.defaults())) {
 *   Files.copy(audio.inputStream(), Path.of("out.mp3"));
 * }
 * }</pre>
 */
public final class BinaryStream implements Closeable {
  private final String contentType;
  private final long contentLength;
  private final InputStream stream;
  private final ResponseMetadata metadata;
  private final Closeable onClose;

  BinaryStream(String contentType, long contentLength, InputStream stream, ResponseMetadata metadata, Closeable onClose) {
    this.contentType = Objects.requireNonNull(contentType, "contentType");
    this.contentLength = contentLength;
    this.stream = Objects.requireNonNull(stream, "stream");
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.onClose = Objects.requireNonNull(onClose, "onClose");
  }

  /** The media type from the response's {@code Content-Type}, such as {@code audio/mpeg}. */
  public String contentType() {
    return contentType;
  }

  /** The body's length when the server declared it. */
  public OptionalLong contentLength() {
    return contentLength >= 0 ? OptionalLong.of(contentLength) : OptionalLong.empty();
  }

  /** The body; a transport failure while reading surfaces as an {@link java.io.IOException}. */
  public InputStream inputStream() {
    return stream;
  }

  /** Status, request id and AI Gateway headers of the response. */
  public ResponseMetadata metadata() {
    return metadata;
  }

  /** Releases the connection; idempotent. */
  @Override
  public void close() {
    try {
      onClose.close();
    } catch (java.io.IOException e) {
      // Releasing a response we are done with; nothing the caller could do about a failure here.
    }
  }

  @Override
  public String toString() {
    return "BinaryStream[" + contentType + (contentLength >= 0 ? ", " + contentLength + " bytes" : "") + "]";
  }
}
