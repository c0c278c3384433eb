package dev.workersai.generator.state;

import java.util.Map;
import java.util.SortedMap;

/**
 * The text of a properties file as {@link java.util.Properties#load(java.io.Reader)} reads it, written
 * without {@code Properties.store}: that writes the time of day as a comment, and formatting a
 * {@code Date} loads the JDK's locale and time-zone names, tens of milliseconds at the end of a
 * short-lived generation JVM, for a line no one reads. Entries come in key order, so equal states
 * are equal files.
 */
final class PropertiesText {
  private PropertiesText() {}

  /** {@code comment} (one line) as a {@code #} line, then one {@code key=value} line per entry. */
  static String of(String comment, SortedMap<String, String> entries) {
    StringBuilder text = new StringBuilder("#").append(comment).append('\n');
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      escaped(text, entry.getKey(), true);
      text.append('=');
      escaped(text, entry.getValue(), false);
      text.append('\n');
    }
    return text.toString();
  }

  /**
   * {@code s} as the reader takes it back: a backslash before what would end or split the entry,
   * control characters as {@code \\uXXXX}; a key's spaces escaped, a value's leading one (the reader
   * trims spaces before a value). Other characters as they are (the file is UTF-8).
   */
  private static void escaped(StringBuilder text, String s, boolean key) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case ' ' -> text.append(key || i == 0 ? "\\ " : " ");
        case '\t' -> text.append("\\t");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\f' -> text.append("\\f");
        case '\\', '=', ':', '#', '!' -> text.append('\\').append(c);
        default -> {
          if (c < 0x20) {
            text.append(String.format("\\u%04x", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
  }
}
