package dev.workersai.runtime;

/**
 * The request body was larger than the server accepts (HTTP 413 or error code 3006; batch payloads
 * must stay under 10 MB).
 */
public class RequestTooLargeException extends WorkersAiException {
  private static final long serialVersionUID = 1L;

  public RequestTooLargeException(String message, Throwable cause, Details details) {
    super(message, cause, details);
  }
}
