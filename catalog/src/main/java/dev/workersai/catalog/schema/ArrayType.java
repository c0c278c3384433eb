package dev.workersai.catalog.schema;

import java.util.OptionalInt;

/**
 * An array schema.
 *
 * @param items the element schema
 * @param minItems {@code minItems}
 * @param maxItems {@code maxItems}
 */
public record ArrayType(SchemaType items, OptionalInt minItems, OptionalInt maxItems) implements SchemaType {}
