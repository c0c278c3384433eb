package dev.workersai.runtime;

/**
 * No model with this id exists for the account (HTTP 404, or error codes 3042 / 5007). Check the id
 * or refresh the catalog.
 */
public class ModelNotFoundException extends WorkersAiException {
  private static final long serialVersionUID = 1L;

  public ModelNotFoundException(String message, Throwable cause, Details details) {
    super(message, cause, details);
  }
}
