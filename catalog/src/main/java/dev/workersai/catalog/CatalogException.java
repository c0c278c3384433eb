package dev.workersai.catalog;

/**
 * A catalog file that cannot be used: malformed JSON, a missing {@code name}, a schema shape the
 * generator cannot make sense of. The message starts with a short stable id in brackets and names
 * the file and JSON pointer, e.g.
 * {@code [bad-schema] models/x.json#/schema/input/properties/n: "type" must be a string or array}.
 */
public class CatalogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient SourceLocation location;

  public CatalogException(String errorId, SourceLocation location, String problem) {
    super("[" + errorId + "] " + location + ": " + problem);
    this.location = location;
  }

  public CatalogException(String errorId, SourceLocation location, String problem, Throwable cause) {
    super("[" + errorId + "] " + location + ": " + problem, cause);
    this.location = location;
  }

  /** The file and pointer at fault. */
  public SourceLocation location() {
    return location;
  }
}
