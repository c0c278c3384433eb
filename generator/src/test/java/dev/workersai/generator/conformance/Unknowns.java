package dev.workersai.generator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/** Checks on values read into generated types. */
final class Unknowns {
  private Unknowns() {}

  /** Fails when any union in {@code value} read as its {@code Unknown} record. */
  static void assertNone(Object value, String what) throws Exception {
    walk(value, what, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static void walk(Object value, String what, Set<Object> seen) throws Exception {
    if (value == null || value instanceof JsonNode || !seen.add(value)) {
      return;
    }
    if (value instanceof Collection<?> c) {
      for (Object o : c) {
        walk(o, what, seen);
      }
      return;
    }
    if (value instanceof Map<?, ?> m) {
      for (Object o : m.values()) {
        walk(o, what, seen);
      }
      return;
    }
    Class<?> type = value.getClass();
    if (!type.isRecord()) {
      return;
    }
    if (type.getSimpleName().equals("Unknown") && type.getEnclosingClass() != null && type.getEnclosingClass().isSealed()) {
      throw new AssertionError(type.getEnclosingClass().getSimpleName() + " read as Unknown in " + what);
    }
    for (RecordComponent c : type.getRecordComponents()) {
      walk(c.getAccessor().invoke(value), what, seen);
    }
  }

  /**
   * JSON equality that takes {@code 1} and {@code 1.0} for the same number and an explicit
   * {@code null} for an absent member (generated records leave unset optionals off the wire).
   */
  static boolean sameJson(JsonNode a, JsonNode b) {
    Comparator<JsonNode> numbers = (x, y) -> x.isNumber() && y.isNumber()
        ? Double.compare(x.asDouble(), y.asDouble()) : (x.equals(y) ? 0 : 1);
    return withoutNulls(a).equals(numbers, withoutNulls(b));
  }

  private static JsonNode withoutNulls(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
      o.properties().removeIf(e -> e.getValue().isNull());
    }
    node.forEach(Unknowns::strip);
  }
}
