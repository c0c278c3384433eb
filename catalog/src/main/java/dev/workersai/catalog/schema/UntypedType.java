package dev.workersai.catalog.schema;

/**
 * A schema node the generator does not type: it becomes {@code JsonNode} and is counted in the
 * generator's report.
 *
 * @param reason why, in a few words (such as {@code "free-form object"})
 */
public record UntypedType(String reason) implements SchemaType {}
