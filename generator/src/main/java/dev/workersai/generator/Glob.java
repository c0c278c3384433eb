package dev.workersai.generator;

import java.util.Arrays;

/**
 * A model id glob: {@code *} matches within one id segment, {@code **} across segments, {@code ?}
 * one character (not {@code /}), everything else itself. Matching follows every position of the
 * glob at once, so it takes time proportional to the id's length times the glob's, whatever the
 * glob; a backtracking regex takes exponential time on {@code **a**a**a...b}.
 *
 * <p>Immutable and thread-safe.
 */
final class Glob {
  private enum Kind { LITERAL, ANY, SEGMENT, ONE }

  private final String text;
  private final Kind[] kinds;
  private final char[] literals;

  private Glob(String text, Kind[] kinds, char[] literals) {
    this.text = text;
    this.kinds = kinds;
    this.literals = literals;
  }

  static Glob of(String text) {
    Kind[] kinds = new Kind[text.length()];
    char[] literals = new char[text.length()];
    int n = 0;
    for (int i = 0; i < text.length(); i++, n++) {
      char c = text.charAt(i);
      if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
        kinds[n] = Kind.ANY;
        i++;
      } else if (c == '*') {
        kinds[n] = Kind.SEGMENT;
      } else if (c == '?') {
        kinds[n] = Kind.ONE;
      } else {
        kinds[n] = Kind.LITERAL;
        literals[n] = c;
      }
    }
    return new Glob(text, Arrays.copyOf(kinds, n), Arrays.copyOf(literals, n));
  }

  boolean matches(String id) {
    int n = kinds.length;
    // reached[i]: the part of the id read so far can end just before token i.
    boolean[] reached = new boolean[n + 1];
    reached[0] = true;
    skipStars(reached);
    boolean alive = true;
    for (int k = 0; k < id.length() && alive; k++) {
      char c = id.charAt(k);
      boolean[] next = new boolean[n + 1];
      alive = false;
      for (int i = 0; i < n; i++) {
        if (reached[i]) {
          switch (kinds[i]) {
            case LITERAL -> next[i + 1] |= literals[i] == c;
            case ANY -> next[i] = true;
            case SEGMENT -> next[i] |= c != '/';
            case ONE -> next[i + 1] |= c != '/';
          }
        }
      }
      skipStars(next);
      for (boolean r : next) {
        alive |= r;
      }
      reached = next;
    }
    return alive && reached[n];
  }

  /** A star may match nothing: reaching it reaches what follows it. */
  private void skipStars(boolean[] reached) {
    for (int i = 0; i < kinds.length; i++) {
      if (reached[i] && (kinds[i] == Kind.ANY || kinds[i] == Kind.SEGMENT)) {
        reached[i + 1] = true;
      }
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
