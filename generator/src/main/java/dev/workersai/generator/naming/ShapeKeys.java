package dev.workersai.generator.naming;

import dev.workersai.catalog.schema.SchemaType;
import java.util.HashMap;
import java.util.Map;

/**
 * The text and {@link NameLock#fingerprint} of each shape, worked out once per plan. Both walk the
 * whole shape (a record's {@code toString} is rebuilt on every call), and planning asks for them
 * over and over: per model, per scope, per comparison when ranking names.
 */
final class ShapeKeys {
  private final Map<SchemaType, String> text = new HashMap<>();
  private final Map<SchemaType, String> fingerprints = new HashMap<>();

  /** The shape's {@code toString}. */
  String text(SchemaType type) {
    return text.computeIfAbsent(type, SchemaType::toString);
  }

  /** The shape's {@link NameLock#fingerprint}. */
  String fingerprint(SchemaType type) {
    return fingerprints.computeIfAbsent(type, t -> NameLock.fingerprintOf(text(t)));
  }
}
