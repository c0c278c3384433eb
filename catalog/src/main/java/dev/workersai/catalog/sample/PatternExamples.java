package dev.workersai.catalog.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Makes a string a regular expression matches, for the common subset of syntax schemas use:
 * anchors, literals, escapes ({@code \d \w \s} and their negations), {@code .}, character classes
 * (ranges, negation), groups ({@code (...)}, {@code (?:...)}), alternation (the first alternative
 * is taken) and quantifiers ({@code * + ?} and braces, lazy or not). Every result is checked with
 * {@link Pattern}; when the expression uses anything else, or the result does not fit the length
 * limits, {@link #example} returns empty and the caller falls back.
 */
final class PatternExamples {
  private final String regex;
  private final int extra;
  private int pos;

  private PatternExamples(String regex, int extra) {
    this.regex = regex;
    this.extra = extra;
  }

  /**
   * A string of {@code minLength..maxLength} code points (max {@code -1}: unbounded) that the
   * pattern finds a match in; empty when none could be made.
   */
  static Optional<String> example(String regex, int minLength, int maxLength, List<String> fallbacks) {
    Pattern compiled;
    try {
      compiled = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      return Optional.empty();
    }
    List<String> candidates = new ArrayList<>();
    for (int extra = 0; extra <= Math.max(8, minLength); extra++) {
      try {
        candidates.add(new PatternExamples(regex, extra).alternation());
      } catch (IllegalArgumentException unsupported) {
        break;
      }
    }
    candidates.addAll(fallbacks);
    for (String candidate : candidates) {
      int length = candidate.codePointCount(0, candidate.length());
      if (length >= minLength && (maxLength < 0 || length <= maxLength) && compiled.matcher(candidate).find()) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private String alternation() {
    String first = sequence();
    while (pos < regex.length() && regex.charAt(pos) == '|') {
      pos++;
      sequence();
    }
    return first;
  }

  private String sequence() {
    StringBuilder out = new StringBuilder();
    while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
      char c = regex.charAt(pos);
      if (c == '^' || c == '$') {
        pos++;
        continue;
      }
      String atom = atom();
      int[] range = quantifier();
      int times = range[1] < 0 ? range[0] + extra : Math.min(range[1], range[0] + extra);
      out.append(atom.repeat(times));
    }
    return out.toString();
  }

  private String atom() {
    char c = regex.charAt(pos++);
    switch (c) {
      case '(' -> {
        if (regex.startsWith("?:", pos)) {
          pos += 2;
        } else if (pos < regex.length() && regex.charAt(pos) == '?') {
          throw new IllegalArgumentException("lookaround");
        }
        String inner = alternation();
        expect(')');
        return inner;
      }
      case '[' -> {
        return characterClass();
      }
      case '.' -> {
        return "a";
      }
      case '\\' -> {
        return escape(regex.charAt(pos++));
      }
      case '*', '+', '?', '{' -> throw new IllegalArgumentException("dangling quantifier");
      default -> {
        return String.valueOf(c);
      }
    }
  }

  private static String escape(char c) {
    return switch (c) {
      case 'd' -> "0";
      case 'w', 'D', 'S' -> "a";
      case 's' -> " ";
      case 'W' -> "-";
      case 'b', 'B', 'A', 'z', 'Z', 'p', 'P', 'u', 'x', 'k', 'Q', 'E' -> throw new IllegalArgumentException("escape \\" + c);
      case 't' -> "\t";
      case 'n' -> "\n";
      default -> Character.isLetterOrDigit(c) ? illegal(c) : String.valueOf(c);
    };
  }

  private static String illegal(char c) {
    throw new IllegalArgumentException("escape \\" + c);
  }

  /** The first character of a class; for a negated class, a common character outside it. */
  private String characterClass() {
    boolean negated = pos < regex.length() && regex.charAt(pos) == '^';
    if (negated) {
      pos++;
    }
    StringBuilder members = new StringBuilder();
    boolean first = true;
    while (pos < regex.length() && (regex.charAt(pos) != ']' || first)) {
      first = false;
      char c = regex.charAt(pos++);
      if (c == '\\') {
        members.append(escape(regex.charAt(pos++)));
      } else if (c == '[') {
        throw new IllegalArgumentException("nested class");
      } else if (pos + 1 < regex.length() && regex.charAt(pos) == '-' && regex.charAt(pos + 1) != ']') {
        char to = regex.charAt(pos + 1);
        pos += 2;
        for (char r = c; r <= to && r - c < 128; r++) {
          members.append(r);
        }
      } else {
        members.append(c);
      }
    }
    expect(']');
    if (!negated) {
      if (members.isEmpty()) {
        throw new IllegalArgumentException("empty class");
      }
      return members.substring(0, 1);
    }
    for (char candidate : "a0A_- .".toCharArray()) {
      if (members.indexOf(String.valueOf(candidate)) < 0) {
        return String.valueOf(candidate);
      }
    }
    throw new IllegalArgumentException("negated class too wide");
  }

  /** {min, max}; max {@code -1} means unbounded. */
  private int[] quantifier() {
    if (pos >= regex.length()) {
      return new int[] {1, 1};
    }
    int[] range;
    char c = regex.charAt(pos);
    if (c == '*') {
      range = new int[] {0, -1};
      pos++;
    } else if (c == '+') {
      range = new int[] {1, -1};
      pos++;
    } else if (c == '?') {
      range = new int[] {0, 1};
      pos++;
    } else if (c == '{' && regex.indexOf('}', pos) > pos) {
      String body = regex.substring(pos + 1, regex.indexOf('}', pos));
      pos = regex.indexOf('}', pos) + 1;
      String[] parts = body.split(",", -1);
      try {
        int min = Integer.parseInt(parts[0].trim());
        int max = parts.length == 1 ? min : parts[1].isBlank() ? -1 : Integer.parseInt(parts[1].trim());
        range = new int[] {min, max};
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("quantifier {" + body + "}");
      }
    } else {
      return new int[] {1, 1};
    }
    if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
      pos++;
    }
    return range;
  }

  private void expect(char c) {
    if (pos >= regex.length() || regex.charAt(pos) != c) {
      throw new IllegalArgumentException("expected " + c);
    }
    pos++;
  }
}
