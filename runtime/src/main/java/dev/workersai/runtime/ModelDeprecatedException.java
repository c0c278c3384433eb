package dev.workersai.runtime;

/**
 * The model has been retired (HTTP 410 or error code 5028). Move to its successor; not retryable.
 */
public class ModelDeprecatedException extends WorkersAiException {
  private static final long serialVersionUID = 1L;

  public ModelDeprecatedException(String message, Throwable cause, Details details) {
    super(message, cause, details);
  }
}
