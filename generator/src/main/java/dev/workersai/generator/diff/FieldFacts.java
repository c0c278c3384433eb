package dev.workersai.generator.diff;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a schema says about one path of a JSON instance, merged over every place that path occurs
 * (the branches of a {@code oneOf}, say). Merging widens: types and enum values are united, bounds
 * keep the loosest, and a field counts as required only when every occurrence requires it.
 *
 * @param types JSON type names; empty means any type
 * @param enumValues allowed values as JSON text; {@code null} means unrestricted
 * @param lowerBounds {@code minimum}, {@code exclusiveMinimum}, {@code minLength}, {@code minItems},
 *     {@code minProperties} → value; a missing key means no bound
 * @param upperBounds the {@code max*} counterparts
 * @param formats {@code format} and {@code contentType} values, as {@code keyword=value}
 * @param required whether the enclosing object requires this field (always false for the root)
 */
record FieldFacts(
    SortedSet<String> types,
    SortedSet<String> enumValues,
    Map<String, BigDecimal> lowerBounds,
    Map<String, BigDecimal> upperBounds,
    SortedSet<String> formats,
    boolean required) {

  FieldFacts {
    types = Collections.unmodifiableSortedSet(new TreeSet<>(types));
    enumValues = enumValues == null ? null : Collections.unmodifiableSortedSet(new TreeSet<>(enumValues));
    lowerBounds = Collections.unmodifiableMap(new TreeMap<>(lowerBounds));
    upperBounds = Collections.unmodifiableMap(new TreeMap<>(upperBounds));
    formats = Collections.unmodifiableSortedSet(new TreeSet<>(formats));
  }

  /** The facts of two occurrences of the same path, merged loosely. */
  FieldFacts merge(FieldFacts other) {
    SortedSet<String> mergedTypes = new TreeSet<>();
    if (!types.isEmpty() && !other.types.isEmpty()) {
      mergedTypes.addAll(types);
      mergedTypes.addAll(other.types);
    }
    SortedSet<String> mergedEnum = null;
    if (enumValues != null && other.enumValues != null) {
      mergedEnum = new TreeSet<>(enumValues);
      mergedEnum.addAll(other.enumValues);
    }
    SortedSet<String> mergedFormats = new TreeSet<>(formats);
    mergedFormats.addAll(other.formats);
    return new FieldFacts(
        mergedTypes,
        mergedEnum,
        loosest(lowerBounds, other.lowerBounds, false),
        loosest(upperBounds, other.upperBounds, true),
        mergedFormats,
        required && other.required);
  }

  /**
   * These facts, with what they leave open taken from {@code branches} (the merged facts of a
   * {@code oneOf}/{@code anyOf}/{@code allOf}); formats of both count.
   */
  FieldFacts completedBy(FieldFacts branches) {
    SortedSet<String> allFormats = new TreeSet<>(formats);
    allFormats.addAll(branches.formats);
    return new FieldFacts(
        types.isEmpty() ? branches.types : types,
        enumValues == null ? branches.enumValues : enumValues,
        lowerBounds.isEmpty() ? branches.lowerBounds : lowerBounds,
        upperBounds.isEmpty() ? branches.upperBounds : upperBounds,
        allFormats,
        required);
  }

  private static Map<String, BigDecimal> loosest(Map<String, BigDecimal> a, Map<String, BigDecimal> b, boolean upper) {
    Map<String, BigDecimal> merged = new TreeMap<>();
    for (Map.Entry<String, BigDecimal> bound : a.entrySet()) {
      BigDecimal other = b.get(bound.getKey());
      if (other != null) {
        merged.put(bound.getKey(), upper ? bound.getValue().max(other) : bound.getValue().min(other));
      }
    }
    return merged;
  }
}
