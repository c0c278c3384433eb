package dev.workersai.catalog.schema;

/**
 * One node of the intermediate model a JSON Schema is read into. Values are immutable records that
 * compare structurally: two schemas that differ only in {@code description} or {@code title} read
 * into equal values, which is what lets the generator share one Java type between models.
 */
public sealed interface SchemaType
    permits ObjectType, UnionType, ArrayType, MapType, ScalarType, EnumType, BinaryType, UntypedType {}
