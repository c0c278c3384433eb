package dev.workersai.runtime.internal.sse;

import java.io.IOException;

/**
 * The event stream broke a limit the reader enforces to keep its memory bounded (a line or an event
 * larger than the configured maximum). It is an {@link IOException} because it is a property of the
 * bytes received, handled where transport failures are.
 */
public final class SseFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  SseFormatException(String message) {
    super(message);
  }
}
