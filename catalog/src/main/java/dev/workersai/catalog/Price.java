package dev.workersai.catalog;

import java.math.BigDecimal;

/**
 * One entry of a model's {@code price} property.
 *
 * @param unit what is billed, such as {@code per M input tokens}
 * @param price the amount
 * @param currency such as {@code USD}
 */
public record Price(String unit, BigDecimal price, String currency) {}
