package dev.workersai.generator.emit;

import dev.workersai.catalog.schema.ArrayType;
import dev.workersai.catalog.schema.BinaryType;
import dev.workersai.catalog.schema.EnumType;
import dev.workersai.catalog.schema.MapType;
import dev.workersai.catalog.schema.Property;
import dev.workersai.catalog.schema.ScalarType;
import dev.workersai.catalog.schema.SchemaType;
import dev.workersai.catalog.schema.UntypedType;

/** Our own one-line description of a property, from its schema's facts: wire name, need, default, limits. */
final class PropertyDocs {
  private PropertyDocs() {}

  /** Appends the line {@code @param <field> <description of p>} to {@code out}, a Javadoc being written. */
  static void param(String field, Property p, StringBuilder out) {
    out.append("@param ").append(field).append(' ').append(Docs.code(p.name()))
        .append(p.required() ? "; required" : "; optional (null: left out)");
    p.defaultValue().ifPresent(d -> out.append("; server default ").append(Docs.code(d)));
    addLimits(p.type(), out);
    out.append('\n');
  }

  /** Appends each of {@code type}'s limits to {@code out}, each after {@code "; "}. */
  static void addLimits(SchemaType type, StringBuilder out) {
    if (type instanceof ScalarType s) {
      s.minimum().ifPresent(m -> out.append(s.exclusiveMinimum() ? "; greater than " : "; at least ").append(m.toPlainString()));
      s.maximum().ifPresent(m -> out.append(s.exclusiveMaximum() ? "; less than " : "; at most ").append(m.toPlainString()));
      s.minLength().ifPresent(m -> out.append("; at least ").append(m).append(" characters"));
      s.maxLength().ifPresent(m -> out.append("; at most ").append(m).append(" characters"));
      s.pattern().ifPresent(m -> out.append("; matches ").append(Docs.code(m)));
    } else if (type instanceof EnumType e) {
      out.append("; one of ");
      for (int i = 0; i < e.values().size(); i++) {
        out.append(i == 0 ? "" : ", ").append(Docs.code(e.values().get(i)));
      }
    } else if (type instanceof ArrayType a) {
      a.minItems().ifPresent(m -> out.append("; at least ").append(m).append(" elements"));
      a.maxItems().ifPresent(m -> out.append("; at most ").append(m).append(" elements"));
    } else if (type instanceof MapType m) {
      m.minProperties().ifPresent(n -> out.append("; at least ").append(n).append(" entries"));
      m.maxProperties().ifPresent(n -> out.append("; at most ").append(n).append(" entries"));
    } else if (type instanceof BinaryType b) {
      out.append(switch (b.encoding()) {
        case UINT8_ARRAY -> "; bytes, sent as a JSON array of integers 0..255";
        case BASE64 -> "; bytes, sent as a base64 string";
        case BODY -> "; bytes sent as the request body";
      });
    } else if (type instanceof UntypedType) {
      out.append("; any JSON");
    }
  }
}
