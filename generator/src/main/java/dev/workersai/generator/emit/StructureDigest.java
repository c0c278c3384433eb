package dev.workersai.generator.emit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;

/**
 * Feeds a tree of records (the IR: {@code ModelSpec}, {@code SchemaType}) into a digest, component by
 * component, as its {@code toString} would show it but without building that text: a record's
 * {@code toString} rebuilds the text of every level below it, which for the catalog's deep shapes
 * allocated more than rendering a file. A value of a type with no rule here fails loudly, so a new
 * kind of IR node cannot silently drop out of a render key.
 */
final class StructureDigest {
  private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
    @Override
    protected Method[] computeValue(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      Method[] accessors = new Method[components.length];
      for (int i = 0; i < components.length; i++) {
        accessors[i] = components[i].getAccessor();
        accessors[i].setAccessible(true);
      }
      return accessors;
    }
  };

  private StructureDigest() {}

  static void feed(MessageDigest digest, Object value) {
    if (value == null) {
      digest.update((byte) 0);
    } else if (value instanceof Record record) {
      text(digest, record.getClass().getName());
      for (Method accessor : ACCESSORS.get(record.getClass())) {
        feed(digest, component(accessor, record));
      }
      digest.update((byte) ')');
    } else if (value instanceof Set<?> items) {
      // A set's iteration order is no part of its value, and Set.of's changes from one JVM to the next.
      text(digest, "<" + items.size());
      items.stream().map(StructureDigest::digestOf).sorted().forEach(item -> text(digest, item));
    } else if (value instanceof Collection<?> items) {
      text(digest, "[" + items.size());
      items.forEach(item -> feed(digest, item));
    } else if (value instanceof Map<?, ?> map) {
      text(digest, "{" + map.size());
      if (map instanceof LinkedHashMap<?, ?> || map instanceof SortedMap<?, ?> || map instanceof EnumMap<?, ?>) {
        map.forEach((k, v) -> {
          feed(digest, k);
          feed(digest, v);
        });
      } else {
        map.entrySet().stream().map(e -> digestOf(e.getKey()) + digestOf(e.getValue())).sorted()
            .forEach(entry -> text(digest, entry));
      }
    } else if (value instanceof Optional<?> optional) {
      digest.update((byte) (optional.isPresent() ? 1 : 2));
      optional.ifPresent(v -> feed(digest, v));
    } else if (value instanceof OptionalInt optional) {
      text(digest, optional.toString());
    } else if (value instanceof String || value instanceof Boolean || value instanceof Integer || value instanceof Long
        || value instanceof Double || value instanceof Character || value instanceof BigDecimal || value instanceof Enum<?> || value instanceof LocalDate) {
      text(digest, value.getClass().getName());
      text(digest, value.toString());
    } else {
      throw new IllegalStateException("a render key cannot digest a " + value.getClass().getName()
          + ": teach StructureDigest about it");
    }
  }

  /**
   * The SHA-256 of {@code value} alone, in hex: a shape's part of a render key, and how an element
   * of an unordered collection is placed.
   */
  static String digestOf(Object value) {
    MessageDigest digest = sha256();
    feed(digest, value);
    return HexFormat.of().formatHex(digest.digest());
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static Object component(Method accessor, Record record) {
    try {
      return accessor.invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + accessor, e);
    }
  }

  /** Length-prefixed, so that no two sequences of strings feed the digest the same bytes. */
  static void text(MessageDigest digest, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int n = bytes.length;
    digest.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    digest.update(bytes);
  }
}
