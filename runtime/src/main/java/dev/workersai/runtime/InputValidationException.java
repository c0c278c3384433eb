package dev.workersai.runtime;

/**
 * An input failed a constraint of the model's schema before it was sent: a required field is
 * missing, a number is out of range, a string or list is too long or short, a value is not one of
 * the allowed values. {@link #path()} names the field, such as {@code messages[2].content}.
 */
public class InputValidationException extends WorkersAiException {
  private static final long serialVersionUID = 1L;

  private final String path;

  public InputValidationException(String path, String problem) {
    super(path.isEmpty() ? problem : path + ": " + problem);
    this.path = path;
  }

  /** The path of the offending field from the root of the input; empty for the input itself. */
  public String path() {
    return path;
  }
}
