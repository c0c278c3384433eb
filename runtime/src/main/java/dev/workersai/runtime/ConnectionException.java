package dev.workersai.runtime;

/**
 * The HTTP exchange failed below the API: the connection was refused or reset, DNS failed, or the
 * body ended early. The cause is the {@link java.io.IOException}. Retryable.
 */
public class ConnectionException extends WorkersAiException {
  private static final long serialVersionUID = 1L;

  public ConnectionException(String message, Throwable cause, Details details) {
    super(message, cause, details);
  }

  /** Always true: connection failures are usually transient. */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
