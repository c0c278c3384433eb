package dev.workersai.generator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workersai.generator.catalog.CatalogException;
import dev.workersai.generator.catalog.SourceLocation;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads the numeric, length, size and pattern keywords of a schema, checking their JSON kinds. */
final class Constraints {
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

  /** A non-negative integer keyword such as {@code maxItems}. */
  static OptionalInt count(JsonNode node, String keyword, SourceLocation at) {
    JsonNode v = node.get(keyword);
    if (v == null) {
      return OptionalInt.empty();
    }
    if (!v.isNumber() || v.asDouble() < 0 || v.asDouble() != Math.rint(v.asDouble())) {
      throw new CatalogException("bad-schema", at.child(keyword), "\"" + keyword + "\" must be a non-negative integer");
    }
    return OptionalInt.of((int) Math.min(Integer.MAX_VALUE, v.asLong()));
  }

  private static Optional<BigDecimal> number(JsonNode node, String keyword, SourceLocation at) {
    JsonNode v = node.get(keyword);
    if (v == null || v.isBoolean()) {
      return Optional.empty();
    }
    if (!v.isNumber()) {
      throw new CatalogException("bad-schema", at.child(keyword), "\"" + keyword + "\" must be a number");
    }
    return Optional.of(v.decimalValue().stripTrailingZeros());
  }
}
