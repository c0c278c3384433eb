package dev.workersai.generator.diff;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Compares the flattened input or output schema of one model before and after, and classifies each
 * difference for a caller. Inputs are what the caller sends: anything the server may now reject is
 * breaking (a removed field, a new required field, a type, value or range it no longer accepts).
 * Outputs are what the caller reads: anything the caller may now not find or not understand is
 * breaking (a removed field, a changed type, a field no longer always present, a new enum value).
 */
final class FieldComparison {
  private final String modelId;
  private final Side side;
  private final Consumer<Change> sink;

  private FieldComparison(String modelId, Side side, Consumer<Change> sink) {
    this.modelId = modelId;
    this.side = side;
    this.sink = sink;
  }

  static void compare(
      String modelId, Side side, SortedMap<String, FieldFacts> before, SortedMap<String, FieldFacts> after, Consumer<Change> sink) {
    new FieldComparison(modelId, side, sink).run(before, after);
  }

  private void run(SortedMap<String, FieldFacts> before, SortedMap<String, FieldFacts> after) {
    for (Map.Entry<String, FieldFacts> entry : before.entrySet()) {
      String path = entry.getKey();
      FieldFacts now = after.get(path);
      if (now == null) {
        // reported once, at the top-most removed path, not for each field inside it
        if (after.containsKey(parent(path))) {
          report(path, ChangeKind.FIELD_REMOVED, "field removed", Compatibility.BREAKING);
        }
      } else {
        compareField(path, entry.getValue(), now);
      }
    }
    for (Map.Entry<String, FieldFacts> entry : after.entrySet()) {
      String path = entry.getKey();
      if (!before.containsKey(path) && before.containsKey(parent(path))) {
        boolean required = entry.getValue().required();
        Compatibility compatibility = side == Side.INPUT && required ? Compatibility.BREAKING : Compatibility.COMPATIBLE;
        report(path, ChangeKind.FIELD_ADDED, required ? "required field added" : "optional field added", compatibility);
      }
    }
  }

  private void compareField(String path, FieldFacts before, FieldFacts after) {
    compareTypes(path, before.types(), after.types());
    if (before.required() != after.required() && !path.equals("$")) {
      boolean nowRequired = after.required();
      boolean breaking = side == Side.INPUT ? nowRequired : !nowRequired;
      report(path, ChangeKind.REQUIRED_CHANGED, nowRequired ? "now required" : "now optional", breaking ? Compatibility.BREAKING : Compatibility.COMPATIBLE);
    }
    compareEnums(path, before.enumValues(), after.enumValues());
    compareBounds(path, before.lowerBounds(), after.lowerBounds(), false);
    compareBounds(path, before.upperBounds(), after.upperBounds(), true);
    if (!before.formats().equals(after.formats())) {
      report(path, ChangeKind.FORMAT_CHANGED, describe(before.formats()) + " → " + describe(after.formats()), Compatibility.BREAKING);
    }
  }

  private void compareTypes(String path, SortedSet<String> before, SortedSet<String> after) {
    if (before.equals(after)) {
      return;
    }
    String detail = "type " + types(before) + " → " + types(after);
    boolean breaking = side == Side.OUTPUT || !accepts(after, before);
    report(path, ChangeKind.TYPE_CHANGED, detail, breaking ? Compatibility.BREAKING : Compatibility.COMPATIBLE);
  }

  /** Whether a field of types {@code wider} accepts every value a field of types {@code narrower} did. */
  private static boolean accepts(Set<String> wider, Set<String> narrower) {
    if (wider.isEmpty()) {
      return true;
    }
    if (narrower.isEmpty()) {
      return false;
    }
    for (String type : narrower) {
      boolean covered = wider.contains(type) || type.equals("integer") && wider.contains("number");
      if (!covered) {
        return false;
      }
    }
    return true;
  }

  private void compareEnums(String path, SortedSet<String> before, SortedSet<String> after) {
    if (before == null && after == null || before != null && before.equals(after)) {
      return;
    }
    if (before == null) {
      report(path, ChangeKind.ENUM_CHANGED, "values now restricted to " + String.join(", ", after), side == Side.INPUT ? Compatibility.BREAKING : Compatibility.COMPATIBLE);
      return;
    }
    if (after == null) {
      report(path, ChangeKind.ENUM_CHANGED, "values no longer restricted", side == Side.INPUT ? Compatibility.COMPATIBLE : Compatibility.BREAKING);
      return;
    }
    SortedSet<String> removed = new TreeSet<>(before);
    removed.removeAll(after);
    SortedSet<String> added = new TreeSet<>(after);
    added.removeAll(before);
    if (!removed.isEmpty()) {
      report(path, ChangeKind.ENUM_CHANGED, "values removed: " + String.join(", ", removed), side == Side.INPUT ? Compatibility.BREAKING : Compatibility.COMPATIBLE);
    }
    if (!added.isEmpty()) {
      report(path, ChangeKind.ENUM_CHANGED, "values added: " + String.join(", ", added), side == Side.INPUT ? Compatibility.COMPATIBLE : Compatibility.BREAKING);
    }
  }

  /**
   * A bound that appears, or moves inward, narrows the field; one that disappears or moves outward
   * widens it. Narrowing breaks callers of an input; for an output, ranges only describe values the
   * caller reads as the same Java type, so either way is compatible.
   */
  private void compareBounds(String path, Map<String, BigDecimal> before, Map<String, BigDecimal> after, boolean upper) {
    Set<String> keywords = new TreeSet<>(before.keySet());
    keywords.addAll(after.keySet());
    for (String keyword : keywords) {
      BigDecimal was = before.get(keyword);
      BigDecimal now = after.get(keyword);
      if (was != null && now != null && was.compareTo(now) == 0) {
        continue;
      }
      boolean narrowed;
      if (was == null) {
        narrowed = true;
      } else if (now == null) {
        narrowed = false;
      } else {
        narrowed = upper ? now.compareTo(was) < 0 : now.compareTo(was) > 0;
      }
      String detail = keyword + " " + bound(was) + " → " + bound(now) + (narrowed ? " (narrowed)" : " (widened)");
      Compatibility compatibility = side == Side.INPUT && narrowed ? Compatibility.BREAKING : Compatibility.COMPATIBLE;
      report(path, ChangeKind.RANGE_CHANGED, detail, compatibility);
    }
  }

  private void report(String path, ChangeKind kind, String detail, Compatibility compatibility) {
    sink.accept(new Change(modelId, side, kind, path, detail, compatibility));
  }

  /** The path of the object or array holding {@code path}'s value. */
  static String parent(String path) {
    if (path.endsWith("[]")) {
      return path.substring(0, path.length() - 2);
    }
    if (path.endsWith(".*")) {
      return path.substring(0, path.length() - 2);
    }
    if (path.endsWith("']")) {
      return path.substring(0, path.lastIndexOf("['"));
    }
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(0, dot);
  }

  private static String types(Set<String> types) {
    return types.isEmpty() ? "any" : String.join("|", types);
  }

  private static String describe(Set<String> formats) {
    return formats.isEmpty() ? "none" : String.join(", ", List.copyOf(formats));
  }

  private static String bound(BigDecimal value) {
    return value == null ? "none" : value.toPlainString();
  }
}
