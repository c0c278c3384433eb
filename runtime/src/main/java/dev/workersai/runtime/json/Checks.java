package dev.workersai.runtime.json;

import dev.workersai.runtime.InputValidationException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The constraint checks behind generated {@code validate()} methods. Each takes the path of the
 * value (such as {@code messages[2].content}) and throws {@link InputValidationException} naming it.
 * A null value passes every check except {@link #required}: optional fields are checked only when set.
 */
public final class Checks {
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private Checks() {}

  /** The path of a property below {@code parent}. */
  public static String path(String parent, String property) {
    return parent.isEmpty() ? property : parent + "." + property;
  }

  /** The path of a list element below {@code parent}. */
  public static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** The path of a map entry below {@code parent}. */
  public static String key(String parent, String key) {
    return parent + "[\"" + key + "\"]";
  }

  /** Fails when a required value is missing. */
  public static void required(String path, Object value) {
    if (value == null) {
      throw new InputValidationException(path, "is required");
    }
  }

  /** Fails when {@code value} is below {@code minimum} (or equal to it, if exclusive). */
  public static void minimum(String path, Number value, double minimum, boolean exclusive) {
    if (value != null && (exclusive ? value.doubleValue() <= minimum : value.doubleValue() < minimum)) {
      throw new InputValidationException(
          path, "must be " + (exclusive ? "greater than " : "at least ") + format(minimum) + ", was " + value);
    }
  }

  /** Fails when {@code value} is above {@code maximum} (or equal to it, if exclusive). */
  public static void maximum(String path, Number value, double maximum, boolean exclusive) {
    if (value != null && (exclusive ? value.doubleValue() >= maximum : value.doubleValue() > maximum)) {
      throw new InputValidationException(
          path, "must be " + (exclusive ? "less than " : "at most ") + format(maximum) + ", was " + value);
    }
  }

  /** Fails when a string has fewer than {@code min} or more than {@code max} code points ({@code -1}: no bound). */
  public static void length(String path, String value, int min, int max) {
    if (value == null) {
      return;
    }
    int length = value.codePointCount(0, value.length());
    if (min >= 0 && length < min) {
      throw new InputValidationException(path, "must have at least " + min + " characters, had " + length);
    }
    if (max >= 0 && length > max) {
      throw new InputValidationException(path, "must have at most " + max + " characters, had " + length);
    }
  }

  /** Fails when a list or map has fewer than {@code min} or more than {@code max} entries ({@code -1}: no bound). */
  public static void size(String path, Object value, int min, int max) {
    int size;
    if (value instanceof Collection<?> c) {
      size = c.size();
    } else if (value instanceof Map<?, ?> m) {
      size = m.size();
    } else if (value instanceof byte[] b) {
      size = b.length;
    } else {
      return;
    }
    if (min >= 0 && size < min) {
      throw new InputValidationException(path, "must have at least " + min + " entries, had " + size);
    }
    if (max >= 0 && size > max) {
      throw new InputValidationException(path, "must have at most " + max + " entries, had " + size);
    }
  }

  /** Fails when {@code value} is not one of {@code allowed}. */
  public static void oneOf(String path, Object value, List<String> allowed) {
    if (value != null && !allowed.contains(String.valueOf(value))) {
      throw new InputValidationException(path, "must be one of " + allowed + ", was \"" + value + "\"");
    }
  }

  /**
   * Fails when {@code value} does not contain a match of {@code regex} (JSON Schema patterns are not
   * anchored). A pattern Java cannot compile is not checked: the server still checks it.
   */
  public static void pattern(String path, String value, String regex) {
    if (value == null) {
      return;
    }
    Pattern compiled = PATTERNS.computeIfAbsent(regex, Checks::compileOrMatchAnything);
    if (!compiled.matcher(value).find()) {
      throw new InputValidationException(path, "must match the pattern " + regex);
    }
  }

  private static Pattern compileOrMatchAnything(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      return Pattern.compile("");
    }
  }

  private static String format(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
  }
}
