package dev.workersai.catalog;

import java.nio.file.Path;

/**
 * Where a piece of the catalog came from: a file and a JSON pointer into it. Rendered as
 * {@code file#/pointer}, the form every error message uses.
 *
 * @param file the catalog file as given to the reader
 * @param pointer an RFC 6901 JSON pointer, {@code ""} for the whole document
 */
public record SourceLocation(Path file, String pointer) {
  /** The location of a child member or index. */
  public SourceLocation child(String token) {
    return new SourceLocation(file, pointer + "/" + token.replace("~", "~0").replace("/", "~1"));
  }

  @Override
  public String toString() {
    return file + "#" + pointer;
  }
}
