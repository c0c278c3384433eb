package dev.workersai.catalog;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a piece of the catalog came from: a file and a JSON pointer into it. Rendered as
 * {@code file#/pointer}, the form every error message uses.
 *
 * <p>A value with the equality of a record over {@code (file, pointer)}. It is not one because a
 * child's pointer is built only when asked for: the reader makes a location for every member it
 * visits, and almost none of them ends up in a message.
 */
public final class SourceLocation {
  private final Path file;
  /** With {@link #token}, the pointer still to build; null when it was given. */
  private final SourceLocation parent;
  private final String token;
  /** Built on first use; a racing thread builds the same string. */
  private String pointer;

  /**
   * @param file the catalog file as given to the reader
   * @param pointer an RFC 6901 JSON pointer, {@code ""} for the whole document
   */
  public SourceLocation(Path file, String pointer) {
    this(file, null, null, pointer);
  }

  private SourceLocation(Path file, SourceLocation parent, String token, String pointer) {
    this.file = file;
    this.parent = parent;
    this.token = token;
    this.pointer = pointer;
  }

  /** The location of a child member or index. */
  public SourceLocation child(String token) {
    return new SourceLocation(file, this, token, null);
  }

  /** The catalog file as given to the reader. */
  public Path file() {
    return file;
  }

  /** An RFC 6901 JSON pointer, {@code ""} for the whole document. */
  public String pointer() {
    String built = pointer;
    if (built == null && parent != null) {
      built = parent.pointer() + "/" + token.replace("~", "~0").replace("/", "~1");
      pointer = built;
    }
    return built;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceLocation other && Objects.equals(file, other.file)
        && Objects.equals(pointer(), other.pointer());
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(file) + Objects.hashCode(pointer());
  }

  @Override
  public String toString() {
    return file + "#" + pointer();
  }
}
