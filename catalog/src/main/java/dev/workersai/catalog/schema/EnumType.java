package dev.workersai.catalog.schema;

import java.util.List;

/**
 * A string or integer schema restricted to listed values ({@code enum} or {@code const}). Stays a
 * {@code String}/{@code Long} in Java so that a value the server adds later still reads; inputs are
 * checked against the list.
 *
 * @param kind {@link ScalarType.Kind#STRING} or {@link ScalarType.Kind#INTEGER}
 * @param values the allowed values, as their JSON text without quotes, in schema order
 */
public record EnumType(ScalarType.Kind kind, List<String> values) implements SchemaType {
  public EnumType {
    values = List.copyOf(values);
  }

  /** By the kind's ordinal: an enum's own hash differs from one JVM to the next. */
  @Override
  public int hashCode() {
    return kind.ordinal() * 31 + values.hashCode();
  }
}
