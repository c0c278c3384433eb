package dev.workersai.catalog.sample;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The numeric constraints of a schema: {@code minimum}/{@code maximum}, {@code exclusiveMinimum}/
 * {@code exclusiveMaximum} (as numbers, or as draft 4 booleans modifying the inclusive ones) and
 * {@code multipleOf}.
 */
record NumericBounds(BigDecimal lower, boolean lowerExclusive, BigDecimal upper, boolean upperExclusive, BigDecimal multipleOf) {

  static NumericBounds of(JsonNode s) {
    BigDecimal lower = number(s.get("minimum"));
    boolean lowerExclusive = false;
    JsonNode exclusiveMin = s.get("exclusiveMinimum");
    if (exclusiveMin != null && exclusiveMin.isBoolean()) {
      lowerExclusive = exclusiveMin.booleanValue() && lower != null;
    } else if (exclusiveMin != null && exclusiveMin.isNumber()
        && (lower == null || exclusiveMin.decimalValue().compareTo(lower) >= 0)) {
      lower = exclusiveMin.decimalValue();
      lowerExclusive = true;
    }
    BigDecimal upper = number(s.get("maximum"));
    boolean upperExclusive = false;
    JsonNode exclusiveMax = s.get("exclusiveMaximum");
    if (exclusiveMax != null && exclusiveMax.isBoolean()) {
      upperExclusive = exclusiveMax.booleanValue() && upper != null;
    } else if (exclusiveMax != null && exclusiveMax.isNumber()
        && (upper == null || exclusiveMax.decimalValue().compareTo(upper) <= 0)) {
      upper = exclusiveMax.decimalValue();
      upperExclusive = true;
    }
    BigDecimal multipleOf = number(s.get("multipleOf"));
    if (multipleOf != null && multipleOf.signum() <= 0) {
      multipleOf = null;
    }
    return new NumericBounds(lower, lowerExclusive, upper, upperExclusive, multipleOf);
  }

  private static BigDecimal number(JsonNode node) {
    return node != null && node.isNumber() ? node.decimalValue() : null;
  }

  boolean contains(BigDecimal value) {
    if (lower != null && (lowerExclusive ? value.compareTo(lower) <= 0 : value.compareTo(lower) < 0)) {
      return false;
    }
    if (upper != null && (upperExclusive ? value.compareTo(upper) >= 0 : value.compareTo(upper) > 0)) {
      return false;
    }
    return multipleOf == null || value.remainder(multipleOf).signum() == 0;
  }

  /**
   * A value inside the bounds, preferring (in order) zero, the lower bound, the upper bound, then a
   * point between them; integral when {@code integer}. Falls back to the lower bound when the
   * bounds leave no room.
   */
  BigDecimal pick(boolean integer, int variant) {
    BigDecimal step = integer ? BigDecimal.ONE : new BigDecimal("0.5");
    BigDecimal[] candidates = {
      BigDecimal.valueOf(variant),
      lower == null ? null : roundUp(lowerExclusive ? lower.add(step) : lower, integer).add(BigDecimal.valueOf(variant)),
      upper == null ? null : roundDown(upperExclusive ? upper.subtract(step) : upper, integer).subtract(BigDecimal.valueOf(variant)),
      lower == null ? null : roundUp(lowerExclusive ? lower.add(step) : lower, integer),
      upper == null ? null : roundDown(upperExclusive ? upper.subtract(step) : upper, integer),
      lower != null && upper != null ? roundUp(lower.add(upper).divide(BigDecimal.valueOf(2), 10, RoundingMode.HALF_UP), integer) : null
    };
    for (BigDecimal candidate : candidates) {
      if (candidate != null) {
        BigDecimal aligned = align(candidate, integer);
        if (contains(aligned)) {
          return aligned.stripTrailingZeros();
        }
      }
    }
    return lower != null ? lower : upper != null ? upper : BigDecimal.ZERO;
  }

  /** The smallest multiple of {@code multipleOf} not below {@code value}. */
  private BigDecimal align(BigDecimal value, boolean integer) {
    if (multipleOf == null) {
      return value;
    }
    BigDecimal factor = value.divide(multipleOf, 0, RoundingMode.CEILING);
    BigDecimal aligned = factor.multiply(multipleOf);
    return integer ? roundUp(aligned, true) : aligned;
  }

  private static BigDecimal roundUp(BigDecimal value, boolean integer) {
    return integer ? value.setScale(0, RoundingMode.CEILING) : value;
  }

  private static BigDecimal roundDown(BigDecimal value, boolean integer) {
    return integer ? value.setScale(0, RoundingMode.FLOOR) : value;
  }
}
