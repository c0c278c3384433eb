package dev.workersai.generator.naming;

import dev.workersai.catalog.schema.ArrayType;
import dev.workersai.catalog.schema.BinaryType;
import dev.workersai.catalog.schema.EnumType;
import dev.workersai.catalog.schema.MapType;
import dev.workersai.catalog.schema.ObjectType;
import dev.workersai.catalog.schema.Property;
import dev.workersai.catalog.schema.ScalarType;
import dev.workersai.catalog.schema.SchemaType;
import dev.workersai.catalog.schema.UnionType;
import dev.workersai.catalog.schema.UntypedType;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The text and {@link NameLock#fingerprint} of each shape, worked out once per plan: planning asks
 * for them over and over (per model, per scope, per comparison when ranking names).
 *
 * <p>The text is the shape's {@code toString}, which fingerprints in name locks are taken over, but
 * built here: a record's {@code toString} formats every level below it again on each call (through
 * {@code String.format} on this JDK), so the text of every object and union is built once and
 * copied into the text of the shapes that hold it.
 */
final class ShapeKeys {
  private final Map<SchemaType, String> text = new HashMap<>();
  private final Map<SchemaType, String> fingerprints = new HashMap<>();
  /** A digest per thread, reused: looking one up costs more than hashing a short text. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(NameLock::sha256);

  /** The shape's {@code toString}. */
  String text(SchemaType type) {
    String known = text.get(type);
    if (known == null) {
      StringBuilder out = new StringBuilder();
      write(out, type);
      known = out.toString();
      text.put(type, known);
    }
    return known;
  }

  /** The shape's {@link NameLock#fingerprint}. */
  String fingerprint(SchemaType type) {
    String known = fingerprints.get(type);
    if (known == null) {
      known = NameLock.fingerprintOf(text(type), SHA_256.get());
      fingerprints.put(type, known);
    }
    return known;
  }

  /**
   * Works out the fingerprints of {@code shapes} at once: their texts here (the memo is not
   * thread-safe), the hashes on every core (each shape's is its own, so the result does not depend
   * on which thread hashed it).
   */
  void fingerprintAll(Collection<SchemaType> shapes) {
    List<SchemaType> todo = new ArrayList<>();
    for (SchemaType type : shapes) {
      if (!fingerprints.containsKey(type)) {
        text(type);
        todo.add(type);
      }
    }
    List<String> hashed = todo.parallelStream().map(t -> NameLock.fingerprintOf(text.get(t), SHA_256.get())).toList();
    for (int i = 0; i < todo.size(); i++) {
      fingerprints.put(todo.get(i), hashed.get(i));
    }
  }

  /** Appends what {@code type.toString()} gives (a record's: {@code Name[component=value, ...]}). */
  private void write(StringBuilder out, SchemaType type) {
    if (type instanceof ObjectType o) {
      out.append("ObjectType[properties=[");
      for (int i = 0; i < o.properties().size(); i++) {
        Property p = o.properties().get(i);
        out.append(i == 0 ? "" : ", ").append("Property[name=").append(p.name()).append(", type=");
        child(out, p.type());
        out.append(", required=").append(p.required()).append(", defaultValue=").append(p.defaultValue()).append(']');
      }
      out.append("]]");
    } else if (type instanceof UnionType u) {
      out.append("UnionType[branches=[");
      for (int i = 0; i < u.branches().size(); i++) {
        UnionType.Branch b = u.branches().get(i);
        out.append(i == 0 ? "" : ", ").append("Branch[type=");
        child(out, b.type());
        out.append(", title=").append(b.title()).append(']');
      }
      out.append("], discriminator=").append(u.discriminator()).append(']');
    } else if (type instanceof ArrayType a) {
      out.append("ArrayType[items=");
      child(out, a.items());
      out.append(", minItems=").append(a.minItems()).append(", maxItems=").append(a.maxItems()).append(']');
    } else if (type instanceof MapType m) {
      out.append("MapType[values=");
      child(out, m.values());
      out.append(", minProperties=").append(m.minProperties()).append(", maxProperties=").append(m.maxProperties())
          .append(']');
    } else if (type instanceof ScalarType s) {
      out.append("ScalarType[kind=").append(s.kind()).append(", minimum=").append(s.minimum())
          .append(", exclusiveMinimum=").append(s.exclusiveMinimum()).append(", maximum=").append(s.maximum())
          .append(", exclusiveMaximum=").append(s.exclusiveMaximum()).append(", minLength=").append(s.minLength())
          .append(", maxLength=").append(s.maxLength()).append(", pattern=").append(s.pattern()).append(']');
    } else if (type instanceof EnumType e) {
      out.append("EnumType[kind=").append(e.kind()).append(", values=").append(e.values()).append(']');
    } else if (type instanceof BinaryType b) {
      out.append("BinaryType[encoding=").append(b.encoding()).append(']');
    } else {
      out.append("UntypedType[reason=").append(((UntypedType) type).reason()).append(']');
    }
  }

  /** A child shape: an object's or a union's text from the memo (it is a named type of its own), others inline. */
  private void child(StringBuilder out, SchemaType type) {
    if (type instanceof ObjectType || type instanceof UnionType) {
      out.append(text(type));
    } else {
      write(out, type);
    }
  }
}
