package dev.workersai.generator.print;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JavaPoet's {@code CodeWriter} for what the emitters use: code blocks and their placeholders
 * ({@code $L $N $S $T $$ $> $< $[ $] $W $Z}), type names, lazy indentation, Javadoc and comment
 * prefixes, multi-line statements. Text is split at line breaks by a scan (JavaPoet splits every piece
 * with the regular expression {@code \R}; the scan breaks at the same characters).
 *
 * <p>A collecting writer ({@code lines == null}) writes nothing: it walks the same pieces so that
 * {@link Scope} sees every class name in JavaPoet's order.
 */
final class Writer {
  /**
   * From this length on, text is first searched for the rarer line breaks, and when it has none it is
   * split at {@code \n} by {@code indexOf}, which the JDK has long compiled (and vectorised) when a
   * generation starts, rather than char by char in a loop of ours: in a fresh JVM that loop runs
   * interpreted for much of the printing. Half the text comes in pieces under 24 characters.
   */
  private static final int BULK = 4;

  private final Lines lines;
  private final String indent;
  final Scope scope;
  private int indentLevel;
  private boolean javadoc;
  private boolean comment;
  private boolean trailingNewline;
  /** -1 outside a statement ({@code $[ ... $]}); else the statement's line so far (its later lines are indented twice). */
  private int statementLine = -1;

  Writer(Lines lines, String indent, Scope scope) {
    this.lines = lines;
    this.indent = indent;
    this.scope = scope;
  }

  final void indent(int levels) {
    indentLevel += levels;
  }

  final void unindent(int levels) {
    if (indentLevel - levels < 0) {
      throw new Unsupported("unindent below zero");
    }
    indentLevel -= levels;
  }

  /** Enters a nested type: a statement around it does not continue inside it. Returns what to {@link #leaveType} with. */
  final int enterType() {
    int previous = statementLine;
    statementLine = -1;
    return previous;
  }

  final void leaveType(int previousStatementLine) {
    statementLine = previousStatementLine;
  }

  /** {@code emitComment}: each line of {@code block} behind {@code // }. */
  final void comment(CodeBlock block) {
    trailingNewline = true;
    comment = true;
    try {
      code(block, false);
      text("\n");
    } finally {
      comment = false;
    }
  }

  /** Enters or leaves Javadoc: while in it, lines get a {@code  * } prefix. */
  final void javadoc(boolean in) {
    javadoc = in;
  }

  final void code(CodeBlock block) {
    code(block, false);
  }

  /** {@code CodeWriter.emit(CodeBlock, boolean)} without static imports. */
  final void code(CodeBlock block, boolean ensureTrailingNewline) {
    List<String> parts = Hidden.formatParts(block);
    List<Object> args = Hidden.args(block);
    int arg = 0;
    for (int i = 0, n = parts.size(); i < n; i++) {
      String part = parts.get(i);
      if (part.length() == 2 && part.charAt(0) == '$') {
        switch (part.charAt(1)) {
          case 'L' -> literal(args.get(arg++));
          case 'N' -> text((String) args.get(arg++));
          case 'S' -> {
            String s = (String) args.get(arg++);
            text(s != null ? Literals.string(s, indent) : "null");
          }
          case 'T' -> type((TypeName) args.get(arg++));
          case '$' -> text("$");
          case '>' -> indent(1);
          case '<' -> unindent(1);
          case '[' -> {
            if (statementLine != -1) {
              throw new Unsupported("$[ inside a statement");
            }
            statementLine = 0;
          }
          case ']' -> {
            if (statementLine == -1) {
              throw new Unsupported("$] outside a statement");
            }
            if (statementLine > 0) {
              unindent(2);
            }
            statementLine = -1;
          }
          case 'W' -> {
            if (lines != null) {
              lines.wrappingSpace(indentLevel + 2);
            }
          }
          case 'Z' -> zeroWidthSpace();
          default -> text(part);
        }
      } else {
        text(part);
      }
    }
    if (ensureTrailingNewline) {
      endLine();
    }
  }

  /** A newline unless the last character written is one (text behind a soft break does not count, as in JavaPoet). */
  final void endLine() {
    if (lines != null && lines.lastChar() != '\n') {
      text("\n");
    }
  }

  final void zeroWidthSpace() {
    if (lines != null) {
      lines.zeroWidthSpace(indentLevel + 2);
    }
  }

  final void wrappingSpace() {
    if (lines != null) {
      lines.wrappingSpace(indentLevel + 2);
    }
  }

  private void literal(Object value) {
    if (value instanceof CodeBlock block) {
      code(block);
    } else if (value instanceof AnnotationSpec annotation) {
      annotation(annotation, true);
    } else if (value instanceof TypeSpec) {
      throw new Unsupported("an anonymous class");
    } else {
      text(String.valueOf(value));
    }
  }

  /** {@code AnnotationSpec.emit}: inline on one line, else one member per line. */
  void annotation(AnnotationSpec annotation, boolean inline) {
    Map<String, List<CodeBlock>> members = annotation.members();
    text("@");
    type(annotation.type());
    if (members.isEmpty()) {
      return;
    }
    String separator = inline ? ", " : ",\n";
    if (members.size() == 1 && members.containsKey("value")) {
      text("(");
      annotationValues(members.get("value"), inline, separator);
      text(")");
      return;
    }
    text(inline ? "(" : "(\n");
    indent(2);
    for (Iterator<Map.Entry<String, List<CodeBlock>>> i = members.entrySet().iterator(); i.hasNext(); ) {
      Map.Entry<String, List<CodeBlock>> member = i.next();
      text(member.getKey());
      text(" = ");
      annotationValues(member.getValue(), inline, separator);
      if (i.hasNext()) {
        text(separator);
      }
    }
    unindent(2);
    text(inline ? ")" : "\n)");
  }

  private void annotationValues(List<CodeBlock> values, boolean inline, String separator) {
    if (values.size() == 1) {
      indent(2);
      code(values.get(0));
      unindent(2);
      return;
    }
    text(inline ? "{" : "{\n");
    indent(2);
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        text(separator);
      }
      code(values.get(i));
    }
    unindent(2);
    text(inline ? "}" : "\n}");
  }

  /** {@code TypeName.emit} for class names, parameterized types, wildcards, arrays and keywords. */
  final void type(TypeName type) {
    if (type.isAnnotated()) {
      throw new Unsupported("a type annotation");
    }
    if (type instanceof ClassName c) {
      className(c);
    } else if (type instanceof ParameterizedTypeName p) {
      if (p.enclosingType() != null) {
        throw new Unsupported("a type nested in a parameterized type");
      }
      className(p.rawType());
      List<TypeName> arguments = p.typeArguments();
      if (!arguments.isEmpty()) {
        text("<");
        for (int i = 0; i < arguments.size(); i++) {
          if (i > 0) {
            text(", ");
          }
          type(arguments.get(i));
        }
        text(">");
      }
    } else if (type instanceof WildcardTypeName w) {
      if (w.lowerBounds().size() == 1) {
        text("? super ");
        type(w.lowerBounds().get(0));
      } else if (w.upperBounds().get(0).equals(ClassName.OBJECT)) {
        text("?");
      } else {
        text("? extends ");
        type(w.upperBounds().get(0));
      }
    } else if (type instanceof ArrayTypeName array) {
      int dimensions = 1;
      TypeName leaf = array.componentType();
      while (leaf instanceof ArrayTypeName inner) {
        if (inner.isAnnotated()) {
          throw new Unsupported("a type annotation");
        }
        leaf = inner.componentType();
        dimensions++;
      }
      type(leaf);
      for (int i = 0; i < dimensions; i++) {
        text("[]");
      }
    } else if (type.getClass() == TypeName.class) {
      text(type.toString()); // a keyword: void or a primitive
    } else {
      throw new Unsupported("type " + type.getClass().getSimpleName());
    }
  }

  /** {@code ClassName.emit}: the name {@link Scope} picks, written as JavaPoet does (qualifier, then simple name). */
  private void className(ClassName className) {
    for (ClassName c = className; c != null; c = c.enclosingClassName()) {
      if (c.isAnnotated()) {
        throw new Unsupported("a type annotation");
      }
    }
    int start = scope.start(className);
    if (lines == null) {
      return;
    }
    String canonical = className.canonicalName();
    int simpleStart = canonical.length() - className.simpleName().length();
    if (start < simpleStart) {
      piece(canonical, start, simpleStart);
    }
    piece(canonical, simpleStart, canonical.length());
  }

  /** {@code CodeWriter.emitAndIndent}: {@code s} line by line, indenting and prefixing lazily. */
  final void text(String s) {
    if (lines == null) {
      return;
    }
    int n = s.length();
    boolean newlinesOnly = n >= BULK && newlinesOnly(s);
    int start = 0;
    while (true) {
      int end = newlinesOnly ? newline(s, start) : lineEnd(s, start);
      if (end > start) {
        piece(s, start, end);
      }
      if (end == n) {
        return;
      }
      start = end + (s.charAt(end) == '\r' && end + 1 < n && s.charAt(end + 1) == '\n' ? 2 : 1);
      lineBreak();
    }
  }

  /** Whether {@code \n} is the only line break in {@code s}. */
  private static boolean newlinesOnly(String s) {
    return s.indexOf('\r') < 0 && s.indexOf('\u000B') < 0 && s.indexOf('\f') < 0 && s.indexOf('\u0085') < 0
        && s.indexOf('\u2028') < 0 && s.indexOf('\u2029') < 0;
  }

  private static int newline(String s, int start) {
    int end = s.indexOf('\n', start);
    return end < 0 ? s.length() : end;
  }

  /** The index of the first character {@code \R} matches from {@code start}, or the length. */
  private static int lineEnd(String s, int start) {
    int end = start;
    while (end < s.length() && !isLineBreak(s.charAt(end))) {
      end++;
    }
    return end;
  }

  /** The characters {@code \R} matches ({@code \r\n} counts once, see {@link #text}). */
  private static boolean isLineBreak(char c) {
    return (c <= '\r' && c >= '\n') || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  private void lineBreak() {
    if ((javadoc || comment) && trailingNewline) {
      lines.indentation(indentLevel);
      lines.text(javadoc ? " *" : "//");
    }
    lines.newline();
    trailingNewline = true;
    if (statementLine != -1) {
      if (statementLine == 0) {
        indent(2);
      }
      statementLine++;
    }
  }

  /** A non-empty piece of one line. */
  private void piece(String s, int start, int end) {
    if (trailingNewline) {
      lines.indentation(indentLevel);
      if (javadoc || comment) {
        lines.text(javadoc ? " * " : "// ");
      }
    }
    lines.text(s, start, end);
    trailingNewline = false;
  }
}
