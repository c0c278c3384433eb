package dev.workersai.runtime;

/**
 * The root of every exception the runtime throws. Messages name the model and what went wrong and
 * never contain the API token.
 */
public class WorkersAiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WorkersAiException(String message) {
    super(message);
  }

  public WorkersAiException(String message, Throwable cause) {
    super(message, cause);
  }
}
