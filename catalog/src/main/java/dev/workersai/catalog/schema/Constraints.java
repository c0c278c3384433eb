package dev.workersai.catalog.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workersai.catalog.CatalogException;
import dev.workersai.catalog.SourceLocation;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the numeric, length, size and pattern keywords of a schema, checking their ranges (their
 * JSON kinds were checked once, by the catalog's shape check). Generated checks compare against a {@code double} (minimum, maximum) or an {@code int}
 * (lengths, sizes), so a bound is refused where it has no such value, and clamped where the clamp
 * means the same thing; never wrapped.
 */
final class Constraints {
  /** More significant digits than a {@code double} holds: beyond them a bound is its double's value. */
  private static final int DOUBLE_DIGITS = 17;

  private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

  private Constraints() {}

  /** A scalar of {@code kind} with the constraints {@code node} declares. */
  static ScalarType scalar(ScalarType.Kind kind, JsonNode node, SourceLocation at) {
    Optional<BigDecimal> min = number(node, "minimum", at);
    boolean exclusiveMin = false;
    Optional<BigDecimal> exMin = number(node, "exclusiveMinimum", at);
    if (exMin.isPresent()) {
      min = exMin;
      exclusiveMin = true;
    } else if (node.path("exclusiveMinimum").asBoolean(false)) {
      exclusiveMin = min.isPresent();
    }
    Optional<BigDecimal> max = number(node, "maximum", at);
    boolean exclusiveMax = false;
    Optional<BigDecimal> exMax = number(node, "exclusiveMaximum", at);
    if (exMax.isPresent()) {
      max = exMax;
      exclusiveMax = true;
    } else if (node.path("exclusiveMaximum").asBoolean(false)) {
      exclusiveMax = max.isPresent();
    }
    boolean isString = kind == ScalarType.Kind.STRING;
    Optional<String> pattern = isString && node.path("pattern").isTextual()
        ? Optional.of(node.get("pattern").asText()) : Optional.empty();
    return new ScalarType(kind,
        isString ? Optional.empty() : min, !isString && exclusiveMin,
        isString ? Optional.empty() : max, !isString && exclusiveMax,
        isString ? count(node, "minLength", at) : OptionalInt.empty(),
        isString ? count(node, "maxLength", at) : OptionalInt.empty(),
        pattern);
  }

  /**
   * A non-negative integer keyword such as {@code maxItems}. No string, list or map holds more than
   * {@link Integer#MAX_VALUE} elements, so a larger bound means the same as that one and is clamped.
   */
  static OptionalInt count(JsonNode node, String keyword, SourceLocation at) {
    JsonNode v = node.get(keyword);
    if (v == null) {
      return OptionalInt.empty();
    }
    BigDecimal n = v.isNumber() ? v.decimalValue() : null;
    if (n == null || n.signum() < 0) {
      throw notACount(keyword, at);
    }
    if (n.compareTo(INT_MAX) > 0) {
      return OptionalInt.of(Integer.MAX_VALUE);
    }
    try {
      return OptionalInt.of(n.intValueExact());
    } catch (ArithmeticException e) {
      throw notACount(keyword, at);
    }
  }

  private static CatalogException notACount(String keyword, SourceLocation at) {
    return new CatalogException("bad-schema", at.child(keyword), "\"" + keyword + "\" must be a non-negative integer");
  }

  private static Optional<BigDecimal> number(JsonNode node, String keyword, SourceLocation at) {
    JsonNode v = node.get(keyword);
    if (v == null || !v.isNumber()) {
      return Optional.empty(); // absent, or a draft 4 boolean modifier of minimum/maximum
    }
    // Range first: expanding 1e999999999 to digits (toPlainString, stripTrailingZeros) would not end.
    BigDecimal exact = v.decimalValue();
    double d = exact.doubleValue();
    if (Double.isInfinite(d)) {
      throw new CatalogException("bad-schema", at.child(keyword),
          "\"" + keyword + "\" is beyond the range of a double (about ±1.8E308)");
    }
    if (d == 0 && exact.signum() != 0) {
      throw new CatalogException("bad-schema", at.child(keyword),
          "\"" + keyword + "\" is too close to zero for a double (under 4.9E-324)");
    }
    BigDecimal bound = exact.precision() > DOUBLE_DIGITS ? new BigDecimal(Double.toString(d)) : exact;
    return Optional.of(bound.stripTrailingZeros());
  }
}
