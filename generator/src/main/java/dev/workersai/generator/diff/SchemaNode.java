package dev.workersai.generator.diff;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One schema, normalized for comparison: references followed, {@code allOf} merged, and the
 * branches of {@code oneOf}/{@code anyOf} (or of a {@code type} list) each complete, with the
 * parent's keywords folded in. A union keeps its branches apart, so that a change inside one
 * branch is seen in that branch and not blurred by the others.
 *
 * @param types JSON type names, {@code null} included; empty means any type. For a union, only
 *     {@code null} (when a branch allows null), the branches hold the rest
 * @param enumValues allowed values as JSON text; {@code null} means unrestricted
 * @param lowerBounds {@code minimum}, {@code exclusiveMinimum}, {@code minLength},
 *     {@code minItems}, {@code minProperties} → value, only those that apply to {@code types}
 * @param upperBounds the {@code max*} counterparts
 * @param formats {@code format} and {@code contentType} values, as {@code keyword=value}
 * @param closed whether {@code additionalProperties: false} refuses undeclared fields
 * @param properties declared fields by name
 * @param required names of the required fields
 * @param items the schema of array elements, {@code null} when none
 * @param additional the schema of undeclared field values (a map), {@code null} when none
 * @param title the {@code title}, {@code ""} when none; only used to match and name branches
 * @param branches the alternatives of a union (two or more), none for anything else
 */
record SchemaNode(
    SortedSet<String> types,
    SortedSet<String> enumValues,
    SortedMap<String, BigDecimal> lowerBounds,
    SortedMap<String, BigDecimal> upperBounds,
    SortedSet<String> formats,
    boolean closed,
    SortedMap<String, SchemaNode> properties,
    SortedSet<String> required,
    SchemaNode items,
    SchemaNode additional,
    String title,
    List<SchemaNode> branches) {

  /** A node of any type with no constraint: what an unreadable or recursive schema stands for. */
  static final SchemaNode ANY =
      new SchemaNode(
          new TreeSet<>(), null, new TreeMap<>(), new TreeMap<>(), new TreeSet<>(), false, new TreeMap<>(), new TreeSet<>(),
          null, null, "", List.of());

  /** Each bound keyword and the JSON type it constrains. */
  static final Map<String, String> BOUND_TYPES = Map.of(
      "minimum", "number", "exclusiveMinimum", "number", "maximum", "number", "exclusiveMaximum", "number",
      "minLength", "string", "maxLength", "string", "minItems", "array", "maxItems", "array",
      "minProperties", "object", "maxProperties", "object");

  SchemaNode {
    types = Collections.unmodifiableSortedSet(new TreeSet<>(types));
    enumValues = enumValues == null ? null : Collections.unmodifiableSortedSet(new TreeSet<>(enumValues));
    lowerBounds = Collections.unmodifiableSortedMap(new TreeMap<>(lowerBounds));
    upperBounds = Collections.unmodifiableSortedMap(new TreeMap<>(upperBounds));
    formats = Collections.unmodifiableSortedSet(new TreeSet<>(formats));
    properties = Collections.unmodifiableSortedMap(new TreeMap<>(properties));
    required = Collections.unmodifiableSortedSet(new TreeSet<>(required));
    branches = List.copyOf(branches);
  }

  boolean isUnion() {
    return !branches.isEmpty();
  }

  /** Whether a value of this node may be of JSON type {@code type} (an untyped node may be anything). */
  boolean allows(String type) {
    return types.isEmpty() || types.contains(type) || type.equals("number") && types.contains("integer");
  }

  /** Whether this node (or, for a union, a branch) accepts {@code null}. */
  boolean nullable() {
    return types.contains("null");
  }

  /** The types other than {@code null}, as a branch label: {@code string}, {@code array}, {@code any}. */
  String shape() {
    SortedSet<String> shown = new TreeSet<>(types);
    shown.remove("null");
    return shown.isEmpty() ? "any" : String.join("|", shown);
  }

  /**
   * The alternatives a value of this node may take: the branches of a union, or the node itself
   * (without {@code null}, which is compared apart) for anything else.
   */
  List<SchemaNode> alternatives() {
    if (isUnion()) {
      return branches;
    }
    if (!nullable() || types.size() == 1) {
      return List.of(this);
    }
    SortedSet<String> nonNull = new TreeSet<>(types);
    nonNull.remove("null");
    return List.of(withTypes(nonNull));
  }

  SchemaNode withTypes(SortedSet<String> newTypes) {
    return new SchemaNode(
        newTypes, enumValues, lowerBounds, upperBounds, formats, closed, properties, required, items, additional, title, branches);
  }

  /** The single fixed value of field {@code name} ({@code const} or a one-value {@code enum}), or null. */
  String fixedValue(String name) {
    SchemaNode field = properties.get(name);
    if (field == null || field.isUnion() || field.enumValues == null || field.enumValues.size() != 1) {
      return null;
    }
    return field.enumValues.first();
  }
}
