package dev.workersai.catalog.schema;

import java.util.OptionalInt;

/**
 * An object schema without declared properties: string keys, values of one schema
 * ({@code additionalProperties}, or {@link UntypedType} for a free-form object).
 *
 * @param values the value schema
 * @param minProperties {@code minProperties}
 * @param maxProperties {@code maxProperties}
 */
public record MapType(SchemaType values, OptionalInt minProperties, OptionalInt maxProperties) implements SchemaType {
  /** Shallow: see {@link ShapeHash}. */
  @Override
  public int hashCode() {
    return (ShapeHash.tag(values) * 31 + minProperties.hashCode()) * 31 + maxProperties.hashCode();
  }
}
