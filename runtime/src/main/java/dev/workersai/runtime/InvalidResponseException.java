package dev.workersai.runtime;

/**
 * The server answered something the runtime cannot read: JSON that does not parse (a truncated
 * body), an envelope without {@code result}, or a content type the call cannot use. The message names
 * the model and the problem.
 */
public class InvalidResponseException extends WorkersAiException {
  private static final long serialVersionUID = 1L;

  public InvalidResponseException(String message, Throwable cause, Details details) {
    super(message, cause, details);
  }
}
