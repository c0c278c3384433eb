package dev.workersai.generator.print;

import java.util.Arrays;

/**
 * JavaPoet's {@code LineWrapper} (100 columns) writing straight into the file's one
 * {@link Utf8Text}. A soft break ({@code $W}: a space or a newline; {@code $Z}: nothing or a
 * newline) is not buffered apart: the text after it goes into the buffer and the break is inserted
 * at its recorded offset once it is decided, which moves at most one line's tail.
 *
 * <p>Like {@code LineWrapper}, {@link #lastChar} is the last character actually written, not one
 * still waiting behind a soft break; and text is taken in the same pieces JavaPoet appends, since
 * whether a piece fits on the line decides a wrap.
 */
final class Lines {
  private static final int COLUMN_LIMIT = 100;
  private static final int NONE = 0;
  private static final int SPACE = 1;
  private static final int EMPTY = 2;

  /** Indents and wraps ("\n" plus indents) for JavaPoet's default two-space indent, shared by every file. */
  private static final String[] TWO_SPACE_INDENTS = new String[24];
  private static final String[] TWO_SPACE_WRAPS = new String[24];

  static {
    for (int i = 0; i < TWO_SPACE_INDENTS.length; i++) {
      TWO_SPACE_INDENTS[i] = "  ".repeat(i);
      TWO_SPACE_WRAPS[i] = "\n" + TWO_SPACE_INDENTS[i];
    }
  }

  private final Utf8Text out;
  private final String indent;
  private String[] indents;
  private String[] wraps;
  /** Characters since the last newline, text behind a soft break included. */
  private int column;
  private char lastChar = Character.MIN_VALUE;
  /** The soft break waiting to be decided ({@link #NONE}, {@link #SPACE}, {@link #EMPTY}). */
  private int pending = NONE;
  /**
   * Where the soft break goes, a byte offset in {@link #out}, and {@link #column} there: the text
   * behind the break is counted in characters, as columns are, not in bytes.
   */
  private int pendingAt;
  private int pendingColumn;
  private int pendingIndent;

  Lines(Utf8Text out, String indent) {
    for (int i = 0; i < indent.length(); i++) {
      if (indent.charAt(i) >= 0x80) {
        // A wrap is inserted as ASCII (Utf8Text.insert).
        throw new Unsupported("an indent that is not ASCII");
      }
    }
    this.out = out;
    this.indent = indent;
    boolean twoSpaces = indent.equals("  ");
    this.indents = twoSpaces ? TWO_SPACE_INDENTS : new String[8];
    this.wraps = twoSpaces ? TWO_SPACE_WRAPS : new String[8];
  }

  char lastChar() {
    return lastChar;
  }

  /** Text between {@code start} and {@code end} of {@code s}, which holds no line break. */
  void text(String s, int start, int end) {
    int length = end - start;
    // One append, not one per case: the JIT copies this method into each of its hot callers.
    boolean behindSoftBreak = pending != NONE && column + length <= COLUMN_LIMIT;
    if (pending != NONE && !behindSoftBreak) {
      flush(true);
    }
    out.append(s, start, end);
    if (!behindSoftBreak && length > 0) {
      lastChar = s.charAt(end - 1);
    }
    column += length;
  }

  void text(String s) {
    text(s, 0, s.length());
  }

  void newline() {
    if (pending != NONE) {
      flush(column > COLUMN_LIMIT);
    }
    out.append('\n');
    lastChar = '\n';
    column = 0;
  }

  /** {@code levels} indents, one piece each when a soft break waits (as JavaPoet appends them). */
  void indentation(int levels) {
    if (levels == 0) {
      return;
    }
    if (pending != NONE) {
      for (int i = 0; i < levels; i++) {
        text(indent);
      }
      return;
    }
    out.append(indents(levels));
    if (!indent.isEmpty()) {
      lastChar = indent.charAt(indent.length() - 1);
    }
    column += levels * indent.length();
  }

  /** {@code $W}: a space, or a newline and {@code indentLevel} indents if the line overflows. */
  void wrappingSpace(int indentLevel) {
    if (pending != NONE) {
      flush(false);
    }
    column++;
    softBreak(SPACE, indentLevel);
  }

  /** {@code $Z}: nothing, or a newline and {@code indentLevel} indents if the line overflows. */
  void zeroWidthSpace(int indentLevel) {
    if (column == 0) {
      return;
    }
    if (pending != NONE) {
      flush(false);
    }
    softBreak(EMPTY, indentLevel);
  }

  private void softBreak(int kind, int indentLevel) {
    pending = kind;
    pendingAt = out.length();
    pendingColumn = column;
    pendingIndent = indentLevel;
  }

  /** Decides the waiting soft break: a wrap, or what it was (a space, or nothing). */
  private void flush(boolean wrap) {
    int behind = column - pendingColumn;
    if (wrap) {
      out.insert(pendingAt, wrap(pendingIndent));
      column = pendingIndent * indent.length() + behind;
      if (behind == 0) {
        lastChar = pendingIndent > 0 && !indent.isEmpty() ? indent.charAt(indent.length() - 1) : '\n';
      }
    } else if (pending == SPACE) {
      out.insert(pendingAt, " ");
      if (behind == 0) {
        lastChar = ' ';
      }
    }
    if (behind > 0) {
      lastChar = out.lastChar();
    }
    pending = NONE;
  }

  private String indents(int levels) {
    if (levels >= indents.length) {
      indents = Arrays.copyOf(indents, levels * 2);
    }
    String known = indents[levels];
    if (known == null) {
      known = indent.repeat(levels);
      indents[levels] = known;
    }
    return known;
  }

  private String wrap(int levels) {
    if (levels >= wraps.length) {
      wraps = Arrays.copyOf(wraps, levels * 2);
    }
    String known = wraps[levels];
    if (known == null) {
      known = "\n" + indent.repeat(levels);
      wraps[levels] = known;
    }
    return known;
  }
}
