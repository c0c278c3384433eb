package dev.workersai.generator;

/**
 * A generation request that cannot be carried out as asked: an include glob or task that matches
 * no model, an invalid package name. The CLI reports it as bad usage (exit status 2); any other
 * failure is the snapshot's, the output folder's, or a bug.
 */
public class GenerationRequestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public GenerationRequestException(String message) {
    super(message);
  }
}
