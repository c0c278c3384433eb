package dev.workersai.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads a model's {@code properties}: a list of {@code {property_id, value}}. The list's structure
 * is checked; the values are not, because Cloudflare adds property ids and value shapes without
 * notice. A value we know but cannot interpret (a context window of {@code "128k"}) leaves the typed
 * accessor empty and stays available, as given, in {@link ModelProperties#all()}.
 */
final class PropertiesParser {
  private PropertiesParser() {}

  static ModelProperties parse(JsonNode properties, SourceLocation at) {
    SortedMap<String, JsonNode> all = new TreeMap<>();
    if (properties != null && !properties.isNull()) {
      if (!properties.isArray()) {
        throw ModelFileParser.wrongType(at, "an array of {property_id, value}", properties);
      }
      for (int i = 0; i < properties.size(); i++) {
        SourceLocation itemAt = at.child(Integer.toString(i));
        JsonNode item = properties.get(i);
        if (!item.isObject()) {
          throw ModelFileParser.wrongType(itemAt, "an object {property_id, value}", item);
        }
        JsonNode id = item.get("property_id");
        if (id == null || !id.isTextual()) {
          throw ModelFileParser.wrongType(itemAt.child("property_id"), "a string", id);
        }
        if (all.containsKey(id.textValue())) {
          throw new CatalogException(
              "duplicate-property", itemAt.child("property_id"), "property \"" + id.textValue() + "\" is given twice");
        }
        JsonNode value = item.get("value");
        all.put(id.textValue(), value == null ? NullNode.getInstance() : value);
      }
    }
    return new ModelProperties(
        integer(all.get("context_window")),
        integer(all.get("max_input_tokens")),
        integer(all.get("output_dimensions")),
        prices(all.get("price")),
        flag(all.get("beta")),
        flag(all.get("lora")),
        flag(all.get("function_calling")),
        flag(all.get("reasoning")),
        flag(all.get("vision")),
        flag(all.get("async_queue")),
        flag(all.get("realtime")),
        flag(all.get("partner")),
        flag(all.get("require_workers_paid")),
        date(all.get("planned_deprecation_date")),
        text(all.get("terms")),
        text(all.get("info")),
        Collections.unmodifiableSortedMap(all));
  }

  /** Catalog flags are the strings {@code "true"}/{@code "false"}; a JSON boolean is accepted too. */
  private static boolean flag(JsonNode value) {
    if (value == null) {
      return false;
    }
    return value.isBoolean() ? value.booleanValue() : value.isTextual() && value.textValue().trim().equalsIgnoreCase("true");
  }

  /** Catalog numbers are digit strings such as {@code "128000"}; a JSON integer is accepted too. */
  private static OptionalInt integer(JsonNode value) {
    if (value == null) {
      return OptionalInt.empty();
    }
    if (value.isIntegralNumber() && value.canConvertToInt()) {
      return OptionalInt.of(value.intValue());
    }
    if (value.isTextual()) {
      try {
        return OptionalInt.of(Integer.parseInt(value.textValue().trim()));
      } catch (NumberFormatException e) {
        return OptionalInt.empty();
      }
    }
    return OptionalInt.empty();
  }

  private static Optional<String> text(JsonNode value) {
    return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
  }

  /** A date {@code YYYY-MM-DD}, possibly followed by a time that we do not need. */
  private static Optional<LocalDate> date(JsonNode value) {
    if (value == null || !value.isTextual() || value.textValue().length() < 10) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value.textValue().substring(0, 10)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * A price's decimal digits, before and after the point, beyond which it is no price: a real one
   * has a few, and written out in full {@code 1e999999999} would not fit in memory.
   */
  private static final int PRICE_DIGITS = 40;

  /**
   * Entries of {@code price} that have a unit and a numeric price of at most {@value #PRICE_DIGITS}
   * digits either side of the point; others stay in {@code all()} only.
   */
  private static List<Price> prices(JsonNode value) {
    if (value == null || !value.isArray()) {
      return List.of();
    }
    List<Price> prices = new ArrayList<>();
    for (JsonNode entry : value) {
      JsonNode unit = entry.get("unit");
      BigDecimal amount = decimal(entry.get("price"));
      if (unit != null && unit.isTextual() && amount != null && plausible(amount)) {
        JsonNode currency = entry.get("currency");
        prices.add(new Price(unit.textValue(), amount, currency != null && currency.isTextual() ? currency.textValue() : ""));
      }
    }
    return List.copyOf(prices);
  }

  private static boolean plausible(BigDecimal amount) {
    return amount.scale() <= PRICE_DIGITS && amount.precision() - amount.scale() <= PRICE_DIGITS;
  }

  private static BigDecimal decimal(JsonNode value) {
    if (value == null) {
      return null;
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isTextual()) {
      try {
        return new BigDecimal(value.textValue().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
