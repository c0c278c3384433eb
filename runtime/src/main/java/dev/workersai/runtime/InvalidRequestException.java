package dev.workersai.runtime;

/**
 * The server rejected the input (HTTP 400 or another 4xx not covered by a more specific type). The
 * message and {@link #errors()} say what was wrong. Not retryable.
 */
public class InvalidRequestException extends WorkersAiException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message, Throwable cause, Details details) {
    super(message, cause, details);
  }
}
