package dev.workersai.catalog.schema;

import java.util.OptionalInt;

/**
 * An array schema.
 *
 * @param items the element schema
 * @param minItems {@code minItems}
 * @param maxItems {@code maxItems}
 */
public record ArrayType(SchemaType items, OptionalInt minItems, OptionalInt maxItems) implements SchemaType {
  /** Shallow: see {@link ShapeHash}. */
  @Override
  public int hashCode() {
    return (ShapeHash.tag(items) * 31 + minItems.hashCode()) * 31 + maxItems.hashCode();
  }
}
