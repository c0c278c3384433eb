package dev.workersai.runtime.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The copies generated records make of the lists and maps they are given, so a record is a value:
 * changing the list a caller passed in (or a builder still holds) never changes it, and it cannot be
 * changed through its accessor.
 *
 * <p>Null stays null (an optional property left out), and null elements are kept rather than
 * rejected as {@code List.copyOf} would: an answer holding {@code [1, null]} must still read, and an
 * input's {@code validate()} is where constraints are checked. Order is kept. The copy is shallow.
 */
public final class Copies {
  private Copies() {}

  /** An unmodifiable copy of {@code list}, or null when it is null. */
  public static <T> List<T> list(List<T> list) {
    return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
  }

  /** An unmodifiable copy of {@code map} in its iteration order, or null when it is null. */
  public static <K, V> Map<K, V> map(Map<K, V> map) {
    return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
