package dev.workersai.generator.emit;

/**
 * Makes catalog text safe inside generated Javadoc. Catalog prose is never copied; what reaches a
 * comment is a fact such as a model id, a property name or a URL, and it is written with every
 * character that could end the comment ({@code *}), start a tag ({@code @}, braces),
 * open HTML or form a unicode escape ({@code \}) replaced by an HTML entity.
 */
final class Docs {
  private Docs() {}

  /** {@code text} as inert Javadoc text. */
  static String text(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(cp -> {
      switch (cp) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '@' -> out.append("&#64;");
        case '*' -> out.append("&#42;");
        case '\\' -> out.append("&#92;");
        case '{' -> out.append("&#123;");
        case '}' -> out.append("&#125;");
        case '$' -> out.append("&#36;");
        default -> {
          if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
              || cp == 0x2028 || cp == 0x2029) {
            out.append(' ');
          } else {
            out.appendCodePoint(cp);
          }
        }
      }
    });
    return out.toString();
  }

  /** {@code text} in code font, escaped (entities are not decoded inside a code tag, so no code tag). */
  static String code(String text) {
    return "<code>" + text(text) + "</code>";
  }
}
