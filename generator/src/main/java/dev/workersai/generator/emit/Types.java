package dev.workersai.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.workersai.generator.naming.TypeNames;
import dev.workersai.catalog.schema.ArrayType;
import dev.workersai.catalog.schema.BinaryType;
import dev.workersai.catalog.schema.EnumType;
import dev.workersai.catalog.schema.MapType;
import dev.workersai.catalog.schema.ObjectType;
import dev.workersai.catalog.schema.ScalarType;
import dev.workersai.catalog.schema.SchemaType;
import dev.workersai.catalog.schema.UnionType;
import dev.workersai.catalog.schema.UntypedType;
import java.util.Set;

/**
 * The Java type of a schema, as seen from one scope (a model's class, or the shared package).
 * Integers are {@code Long} and numbers {@code Double} (a schema's bounds may exceed {@code int},
 * and answers are read whatever their size); enums stay {@code String}; bytes are {@code Bytes} (a
 * value, unlike {@code byte[]}), or {@code BinaryBody} when they are the request body.
 */
final class Types {
  private final TypeNames names;
  private final String modelIdOrNull;

  /**
   * @param names every named type
   * @param modelIdOrNull the model whose class is the scope; null for the shared package
   */
  Types(TypeNames names, String modelIdOrNull) {
    this.names = names;
    this.modelIdOrNull = modelIdOrNull;
  }

  /** The Java type of {@code type}. */
  TypeName of(SchemaType type) {
    if (type instanceof ObjectType || type instanceof UnionType) {
      return names.resolve(modelIdOrNull, type)
          .orElseThrow(() -> new IllegalStateException("no class planned for " + type));
    }
    if (type instanceof ArrayType a) {
      return ParameterizedTypeName.get(Refs.LIST, of(a.items()));
    }
    if (type instanceof MapType m) {
      return ParameterizedTypeName.get(Refs.MAP, Refs.STRING, of(m.values()));
    }
    if (type instanceof ScalarType s) {
      return scalar(s.kind());
    }
    if (type instanceof EnumType e) {
      return scalar(e.kind());
    }
    if (type instanceof BinaryType b) {
      return b.encoding() == BinaryType.Encoding.BODY ? Refs.BINARY_BODY : Refs.BYTES;
    }
    if (type instanceof UntypedType) {
      return Refs.JSON_NODE;
    }
    throw new IllegalStateException("unknown schema type " + type);
  }

  /** Adds the simple names {@code type} is written with (its class, and its type arguments') to {@code out}. */
  static void simpleNames(TypeName type, Set<String> out) {
    if (type instanceof ClassName c) {
      out.add(c.simpleName());
    } else if (type instanceof ParameterizedTypeName p) {
      out.add(p.rawType().simpleName());
      p.typeArguments().forEach(a -> simpleNames(a, out));
    }
  }

  private static TypeName scalar(ScalarType.Kind kind) {
    return switch (kind) {
      case STRING -> Refs.STRING;
      case INTEGER -> Refs.LONG;
      case NUMBER -> Refs.DOUBLE;
      case BOOLEAN -> Refs.BOOLEAN;
    };
  }
}
