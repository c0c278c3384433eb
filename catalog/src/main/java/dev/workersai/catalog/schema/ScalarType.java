package dev.workersai.catalog.schema;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A string, integer, number or boolean with its constraints.
 *
 * @param kind which scalar
 * @param minimum {@code minimum} or {@code exclusiveMinimum}
 * @param exclusiveMinimum whether {@code minimum} is exclusive
 * @param maximum {@code maximum} or {@code exclusiveMaximum}
 * @param exclusiveMaximum whether {@code maximum} is exclusive
 * @param minLength {@code minLength}
 * @param maxLength {@code maxLength}
 * @param pattern {@code pattern}
 */
public record ScalarType(
    Kind kind,
    Optional<BigDecimal> minimum,
    boolean exclusiveMinimum,
    Optional<BigDecimal> maximum,
    boolean exclusiveMaximum,
    OptionalInt minLength,
    OptionalInt maxLength,
    Optional<String> pattern)
    implements SchemaType {

  /** The JSON scalar kinds. */
  public enum Kind { STRING, INTEGER, NUMBER, BOOLEAN }

  /** By the kind's ordinal: an enum's own hash differs from one JVM to the next. */
  @Override
  public int hashCode() {
    int h = kind.ordinal();
    h = 31 * h + minimum.hashCode() + Boolean.hashCode(exclusiveMinimum);
    h = 31 * h + maximum.hashCode() + Boolean.hashCode(exclusiveMaximum);
    h = 31 * h + minLength.hashCode();
    h = 31 * h + maxLength.hashCode();
    return 31 * h + pattern.hashCode();
  }

  /** A scalar without constraints. */
  public static ScalarType of(Kind kind) {
    return new ScalarType(kind, Optional.empty(), false, Optional.empty(), false,
        OptionalInt.empty(), OptionalInt.empty(), Optional.empty());
  }
}
