package dev.workersai.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.workersai.catalog.schema.ArrayType;
import dev.workersai.catalog.schema.EnumType;
import dev.workersai.catalog.schema.MapType;
import dev.workersai.catalog.schema.ObjectType;
import dev.workersai.catalog.schema.ScalarType;
import dev.workersai.catalog.schema.SchemaType;
import dev.workersai.catalog.schema.UnionType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The statements of a generated {@code validate(String path)}: one {@code Checks} call per
 * constraint, recursing into nested records, list elements and map values with the path extended.
 * Loop variables contain {@code _} followed by a digit, which no generated field name does.
 */
final class Validation {
  /**
   * The opening of each {@code Checks} call (with the {@code $[} that starts its statement) and the
   * end of one, built once: a generation emits thousands of checks, and JavaPoet parses a statement's
   * format anew each time, a string per piece and per placeholder.
   */
  private static final CodeBlock REQUIRED = call("required");
  private static final CodeBlock MINIMUM = call("minimum");
  private static final CodeBlock MAXIMUM = call("maximum");
  private static final CodeBlock LENGTH = call("length");
  private static final CodeBlock PATTERN = call("pattern");
  private static final CodeBlock SIZE = call("size");
  private static final CodeBlock END = CodeBlock.of(");\n$]");

  private final Types types;

  Validation(Types types) {
    this.types = types;
  }

  /** Whether values of {@code type} have anything to check. */
  static boolean needed(SchemaType type) {
    if (type instanceof ObjectType || type instanceof UnionType || type instanceof EnumType) {
      return true;
    }
    if (type instanceof ScalarType s) {
      return s.minimum().isPresent() || s.maximum().isPresent() || s.minLength().isPresent()
          || s.maxLength().isPresent() || s.pattern().isPresent();
    }
    if (type instanceof ArrayType a) {
      return a.minItems().isPresent() || a.maxItems().isPresent() || needed(a.items());
    }
    if (type instanceof MapType m) {
      return m.minProperties().isPresent() || m.maxProperties().isPresent() || needed(m.values());
    }
    return false;
  }

  /** Checks of the value in variable {@code var}, whose path is the expression {@code path}. */
  CodeBlock checks(String var, SchemaType type, CodeBlock path) {
    CodeBlock.Builder code = CodeBlock.builder();
    addChecks(code, var, type, path, 0);
    return code.build();
  }

  /** Appends {@code Checks.required(path, var);}. */
  static void required(CodeBlock.Builder code, CodeBlock path, String var) {
    check(code, REQUIRED, path, var);
  }

  /** Appends to {@code code} the checks of {@link #checks}, at loop depth {@code depth}. */
  void addChecks(CodeBlock.Builder code, String var, SchemaType type, CodeBlock path, int depth) {
    if (type instanceof ObjectType || type instanceof UnionType) {
      code.beginControlFlow("if ($L != null)", var).addStatement("$L.validate($L)", var, path).endControlFlow();
    } else if (type instanceof ScalarType s) {
      if (s.minimum().isPresent()) {
        check(code, MINIMUM, path, var, literal(s.minimum().get()), String.valueOf(s.exclusiveMinimum()));
      }
      if (s.maximum().isPresent()) {
        check(code, MAXIMUM, path, var, literal(s.maximum().get()), String.valueOf(s.exclusiveMaximum()));
      }
      if (s.minLength().isPresent() || s.maxLength().isPresent()) {
        check(code, LENGTH, path, var, bound(s.minLength()), bound(s.maxLength()));
      }
      if (s.pattern().isPresent()) {
        check(code, PATTERN, path, var, Docs.literal(s.pattern().get()));
      }
    } else if (type instanceof EnumType e) {
      // A format still: the allowed values are a code block (List is imported), and no snapshot model has one.
      code.addStatement("$T.oneOf($L, $L, $L)", Refs.CHECKS, path, var, allowed(e.values()));
    } else if (type instanceof ArrayType a) {
      if (a.minItems().isPresent() || a.maxItems().isPresent()) {
        check(code, SIZE, path, var, bound(a.minItems()), bound(a.maxItems()));
      }
      if (needed(a.items())) {
        String i = "i_" + depth;
        String element = "element_" + depth;
        code.beginControlFlow("if ($L != null)", var)
            .beginControlFlow("for (int $L = 0; $L < $L.size(); $L++)", i, i, var, i)
            .addStatement("$T $L = $L.get($L)", types.of(a.items()), element, var, i);
        addChecks(code, element, a.items(), CodeBlock.of("$T.index($L, $L)", Refs.CHECKS, path, i), depth + 1);
        code.endControlFlow()
            .endControlFlow();
      }
    } else if (type instanceof MapType m) {
      if (m.minProperties().isPresent() || m.maxProperties().isPresent()) {
        check(code, SIZE, path, var, bound(m.minProperties()), bound(m.maxProperties()));
      }
      if (needed(m.values())) {
        String entry = "entry_" + depth;
        String value = "value_" + depth;
        TypeName entryType = ParameterizedTypeName.get(ClassName.get(Map.Entry.class), ClassName.get(String.class),
            types.of(m.values()));
        code.beginControlFlow("if ($L != null)", var)
            .beginControlFlow("for ($T $L : $L.entrySet())", entryType, entry, var)
            .addStatement("$T $L = $L.getValue()", types.of(m.values()), value, entry);
        addChecks(code, value, m.values(), CodeBlock.of("$T.key($L, $L.getKey())", Refs.CHECKS, path, entry), depth + 1);
        code.endControlFlow()
            .endControlFlow();
      }
    }
  }

  /** Appends {@code Checks.<call>(path, arguments...);}, parsing one {@code $L} where a whole format was parsed. */
  private static void check(CodeBlock.Builder code, CodeBlock call, CodeBlock path, String... arguments) {
    StringBuilder rest = new StringBuilder();
    for (String argument : arguments) {
      rest.append(", ").append(argument);
    }
    code.add(call).add(path).add("$L", rest.toString()).add(END);
  }

  private static CodeBlock call(String method) {
    return CodeBlock.of("$[$T.$L(", Refs.CHECKS, method);
  }

  private static CodeBlock allowed(List<String> values) {
    return CodeBlock.of("$T.of($L)", List.class, Docs.literals(values));
  }

  private static String literal(BigDecimal value) {
    return value.toPlainString() + "d";
  }

  private static String bound(OptionalInt bound) {
    return bound.isPresent() ? String.valueOf(bound.getAsInt()) : "-1";
  }
}
