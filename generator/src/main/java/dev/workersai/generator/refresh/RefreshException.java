package dev.workersai.generator.refresh;

/**
 * A refresh that could not finish: the API could not be reached, refused the request, or answered
 * something that is not a catalog. The message names the request (never the token) and the model
 * when one is involved. When this is thrown the snapshot folder is as it was before the refresh.
 */
public class RefreshException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RefreshException(String message) {
    super(message);
  }

  public RefreshException(String message, Throwable cause) {
    super(message, cause);
  }
}
