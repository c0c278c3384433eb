package dev.workersai.generator.build;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of what a forked generation ({@link ChildGeneration}) reports on its standard output, in
 * UTF-8: a tag, one space, and the text with {@code \} written {@code \\}, line feed {@code \n} and
 * carriage return {@code \r}, so that a multi-line message (a catalog failure lists every bad file)
 * stays one line. The tags:
 *
 * <pre>
 * info TEXT             a line for the build log at info level
 * warn TEXT             ... at warning level
 * debug TEXT            ... at debug level
 * fail-bad-input TEXT   the generation failed on a bad catalog or request; TEXT is the message
 * fail-io TEXT          it failed reading or writing files
 * fail-internal TEXT    it failed on a bug (the stack trace went to standard error)
 * </pre>
 *
 * A failure line is the last line, and the exit status is then {@value ChildGeneration#FAILED}; a run
 * that succeeded exits with 0 and reports no failure.
 *
 * @param type what the line is
 * @param text the message, any characters
 */
public record ChildLine(Type type, String text) {
  /** The tag of each kind of line. */
  public enum Type {
    INFO("info"), WARN("warn"), DEBUG("debug"),
    FAIL_BAD_INPUT("fail-bad-input"), FAIL_IO("fail-io"), FAIL_INTERNAL("fail-internal");

    private final String tag;

    Type(String tag) {
      this.tag = tag;
    }

    /** The failure line type of a kind of failure. */
    public static Type failure(FailureKind kind) {
      return switch (kind) {
        case BAD_INPUT -> FAIL_BAD_INPUT;
        case IO -> FAIL_IO;
        case INTERNAL -> FAIL_INTERNAL;
      };
    }

    /** The kind of failure this line reports; empty for a log line. */
    public Optional<FailureKind> failureKind() {
      return switch (this) {
        case FAIL_BAD_INPUT -> Optional.of(FailureKind.BAD_INPUT);
        case FAIL_IO -> Optional.of(FailureKind.IO);
        case FAIL_INTERNAL -> Optional.of(FailureKind.INTERNAL);
        default -> Optional.empty();
      };
    }
  }

  public ChildLine {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
  }

  /** The line as written, without its line end. */
  public String encode() {
    StringBuilder line = new StringBuilder(type.tag.length() + 1 + text.length()).append(type.tag).append(' ');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> line.append("\\\\");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        default -> line.append(c);
      }
    }
    return line.toString();
  }

  /**
   * The line {@link #encode} wrote; empty for anything else (output of the JVM itself, or of a library
   * that wrote to standard output), which the reader shows as it is.
   */
  public static Optional<ChildLine> decode(String line) {
    int space = line.indexOf(' ');
    if (space < 0) {
      return Optional.empty();
    }
    Type type = null;
    for (Type candidate : Type.values()) {
      if (line.regionMatches(0, candidate.tag, 0, space) && candidate.tag.length() == space) {
        type = candidate;
      }
    }
    StringBuilder text = new StringBuilder(line.length() - space);
    for (int i = space + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        char escaped = ++i < line.length() ? line.charAt(i) : ' ';
        switch (escaped) {
          case '\\' -> text.append('\\');
          case 'n' -> text.append('\n');
          case 'r' -> text.append('\r');
          default -> {
            return Optional.empty();
          }
        }
      } else if (c == '\n' || c == '\r') {
        return Optional.empty();
      } else {
        text.append(c);
      }
    }
    return type == null ? Optional.empty() : Optional.of(new ChildLine(type, text.toString()));
  }
}
