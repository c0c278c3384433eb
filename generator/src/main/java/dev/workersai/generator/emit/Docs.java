package dev.workersai.generator.emit;

import java.util.List;

/**
 * Makes catalog text safe inside generated code: the one place it becomes Javadoc text or a string
 * literal. Catalog prose is never copied; what reaches a comment is a fact such as a model id, a
 * property name or a URL, and it is written with every character that could end the comment
 * ({@code *}), start a tag ({@code @}, braces), open HTML or form a unicode escape ({@code \})
 * replaced by an HTML entity.
 */
final class Docs {
  private Docs() {}

  /** {@code text} as inert Javadoc text. */
  static String text(String text) {
    StringBuilder out = null; // made at the first character to replace: most text (names, ids) has none
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      String replacement = replacement(cp);
      if (replacement != null) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(replacement);
      } else if (out != null) {
        out.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return out == null ? text : out.toString();
  }

  /** What stands for {@code cp} in Javadoc text, or null when it stays as it is. */
  private static String replacement(int cp) {
    return switch (cp) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '@' -> "&#64;";
      case '*' -> "&#42;";
      case '\\' -> "&#92;";
      case '{' -> "&#123;";
      case '}' -> "&#125;";
      case '$' -> "&#36;";
      default -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT || cp == 0x2028 || cp == 0x2029
          ? " " : null;
    };
  }

  /**
   * {@code text} as a Java string literal, to emit with {@code $L}; every literal holding catalog
   * text goes through here. Not JavaPoet's {@code $S}: it leaves U+2028 and U+2029 raw, and then
   * breaks the emitted line on them (it splits on {@code \R}), which javac reads as an unclosed
   * literal. Invisible characters (controls, format characters such as a bidi override, lone
   * surrogates, which UTF-8 cannot carry) are escaped too, so the source shows what the value is.
   */
  static String literal(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (needsEscape(text, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** {@code texts} as string literals ({@link #literal}) separated by commas: the arguments of a {@code List.of}. */
  static String literals(List<String> texts) {
    StringBuilder out = new StringBuilder();
    for (String text : texts) {
      out.append(out.isEmpty() ? "" : ", ").append(literal(text));
    }
    return out.toString();
  }

  private static boolean needsEscape(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    int type = Character.getType(c);
    return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /** {@code text} in code font, escaped (entities are not decoded inside a code tag, so no code tag). */
  static String code(String text) {
    return "<code>" + text(text) + "</code>";
  }
}
