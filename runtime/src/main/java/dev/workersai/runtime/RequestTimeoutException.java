package dev.workersai.runtime;

/**
 * A call took too long: the server reported a timeout (HTTP 408, error codes 3007, 3008, 3046) or a
 * local connect/read/call timeout expired. {@link #isRetryable()} is true for the server's 408 and
 * false for a local timeout (sending it again would most likely wait as long again).
 */
public class RequestTimeoutException extends WorkersAiException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  public RequestTimeoutException(String message, Throwable cause, Details details, boolean retryable) {
    super(message, cause, details);
    this.retryable = retryable;
  }

  @Override
  public boolean isRetryable() {
    return retryable;
  }
}
