package dev.workersai.generator.print;

/** JavaPoet's string literal for {@code $S} ({@code Util.stringLiteralWithDoubleQuotes}). */
final class Literals {
  private Literals() {}

  /**
   * {@code value} in double quotes, escaped as JavaPoet escapes it; after each newline that is not
   * the last character, the literal is closed and continued on the next line ({@code + "}, two indents).
   */
  static String string(String value, String indent) {
    StringBuilder result = new StringBuilder(value.length() + 2);
    result.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\'' -> result.append('\'');
        case '"' -> result.append("\\\"");
        case '\b' -> result.append("\\b");
        case '\t' -> result.append("\\t");
        case '\n' -> result.append("\\n");
        case '\f' -> result.append("\\f");
        case '\r' -> result.append("\\r");
        case '\\' -> result.append("\\\\");
        default -> {
          if (Character.isISOControl(c)) {
            result.append(String.format("\\u%04x", (int) c));
          } else {
            result.append(c);
          }
        }
      }
      if (c == '\n' && i + 1 < value.length()) {
        result.append("\"\n").append(indent).append(indent).append("+ \"");
      }
    }
    return result.append('"').toString();
  }
}
