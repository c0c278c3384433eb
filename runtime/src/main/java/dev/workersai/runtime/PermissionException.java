package dev.workersai.runtime;

/**
 * The token is valid but the account may not use this model (HTTP 403): a model agreement not
 * accepted (5016), a private model (5018, 3041), a blocked account (3023), or a model that needs
 * Workers Paid (5035). Not retryable.
 */
public class PermissionException extends WorkersAiException {
  private static final long serialVersionUID = 1L;

  public PermissionException(String message, Throwable cause, Details details) {
    super(message, cause, details);
  }
}
