package dev.workersai.generator.emit;

import dev.workersai.catalog.schema.ArrayType;
import dev.workersai.catalog.schema.BinaryType;
import dev.workersai.catalog.schema.EnumType;
import dev.workersai.catalog.schema.MapType;
import dev.workersai.catalog.schema.Property;
import dev.workersai.catalog.schema.ScalarType;
import dev.workersai.catalog.schema.SchemaType;
import dev.workersai.catalog.schema.UntypedType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Our own one-line description of a property, from its schema's facts: wire name, need, default, limits. */
final class PropertyDocs {
  private PropertyDocs() {}

  static String describe(Property p) {
    List<String> parts = new ArrayList<>();
    parts.add(Docs.code(p.name()));
    parts.add(p.required() ? "required" : "optional (null: left out)");
    p.defaultValue().ifPresent(d -> parts.add("server default " + Docs.code(d)));
    parts.addAll(limits(p.type()));
    return String.join("; ", parts);
  }

  static List<String> limits(SchemaType type) {
    List<String> parts = new ArrayList<>();
    if (type instanceof ScalarType s) {
      s.minimum().ifPresent(m -> parts.add((s.exclusiveMinimum() ? "greater than " : "at least ") + m.toPlainString()));
      s.maximum().ifPresent(m -> parts.add((s.exclusiveMaximum() ? "less than " : "at most ") + m.toPlainString()));
      s.minLength().ifPresent(m -> parts.add("at least " + m + " characters"));
      s.maxLength().ifPresent(m -> parts.add("at most " + m + " characters"));
      s.pattern().ifPresent(m -> parts.add("matches " + Docs.code(m)));
    } else if (type instanceof EnumType e) {
      parts.add("one of " + e.values().stream().map(Docs::code).collect(Collectors.joining(", ")));
    } else if (type instanceof ArrayType a) {
      a.minItems().ifPresent(m -> parts.add("at least " + m + " elements"));
      a.maxItems().ifPresent(m -> parts.add("at most " + m + " elements"));
    } else if (type instanceof MapType m) {
      m.minProperties().ifPresent(n -> parts.add("at least " + n + " entries"));
      m.maxProperties().ifPresent(n -> parts.add("at most " + n + " entries"));
    } else if (type instanceof BinaryType b) {
      parts.add(switch (b.encoding()) {
        case UINT8_ARRAY -> "bytes, sent as a JSON array of integers 0..255";
        case BASE64 -> "bytes, sent as a base64 string";
        case BODY -> "bytes sent as the request body";
      });
    } else if (type instanceof UntypedType) {
      parts.add("any JSON");
    }
    return parts;
  }
}
