package dev.workersai.catalog.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * A property of an object schema.
 *
 * @param name the exact name on the wire
 * @param type its schema
 * @param required whether the schema lists it in {@code required}
 * @param defaultValue the schema's {@code default}, as compact JSON text
 */
public record Property(String name, SchemaType type, boolean required, Optional<String> defaultValue) {
  public Property {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
  }

  /** Shallow: see {@link ShapeHash}. */
  @Override
  public int hashCode() {
    return ((name.hashCode() * 31 + ShapeHash.tag(type)) * 31 + Boolean.hashCode(required)) * 31 + defaultValue.hashCode();
  }
}
