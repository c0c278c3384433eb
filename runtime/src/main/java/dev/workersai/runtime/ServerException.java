package dev.workersai.runtime;

/**
 * Workers AI failed on its side (HTTP 5xx). Retryable.
 */
public class ServerException extends WorkersAiException {
  private static final long serialVersionUID = 1L;

  public ServerException(String message, Throwable cause, Details details) {
    super(message, cause, details);
  }

  /** Always true: the same request may succeed when sent again after a pause. */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
