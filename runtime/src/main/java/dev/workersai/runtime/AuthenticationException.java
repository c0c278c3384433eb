package dev.workersai.runtime;

/**
 * The API token was missing, malformed, revoked or not valid for the account (HTTP 401, or 403 with
 * an authentication error code such as 10000). Not retryable: fix the token.
 */
public class AuthenticationException extends WorkersAiException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String message, Throwable cause, Details details) {
    super(message, cause, details);
  }
}
