package dev.workersai.catalog.schema;

import java.util.List;

/**
 * An object schema with declared properties, in schema order. Becomes a record.
 *
 * @param properties the properties, never empty (an object without properties is a {@link MapType})
 */
public record ObjectType(List<Property> properties) implements SchemaType {
  public ObjectType {
    properties = List.copyOf(properties);
  }
}
