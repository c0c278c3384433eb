package dev.workersai.generator.emit;

import dev.workersai.catalog.schema.ObjectType;
import dev.workersai.catalog.schema.SchemaType;
import dev.workersai.catalog.schema.UnionType;
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
 * allocated more than rendering a file. A record's components are those {@link IrComponents} reads. A
 * value of a type with no rule here or there fails loudly, so a new kind of IR node cannot silently
 * drop out of a render key.
 *
 * <p>An object or union shape is fed as its own digest, worked out once and kept in a memo shared by
 * the keys of one plan: the catalog's models share most of their deep shapes (messages, tools,
 * usage), and each is walked and hashed once, not once per model that holds it. The keys are
 * digested on every core, so the memo is a concurrent map; two threads that miss the same shape at
 * once both walk it and put the same digest (a digest is a function of the shape alone).
 */
final class StructureDigest {
  /** Each class's name in UTF-8. */
  private static final ClassValue<byte[]> NAMES = new ClassValue<>() {
    @Override
    protected byte[] computeValue(Class<?> type) {
      return type.getName().getBytes(StandardCharsets.UTF_8);
    }
  };

  private final Map<SchemaType, String> shapes;

  /**
   * @param shapes the memo of object and union digests, shared by the keys of one plan; concurrent
   *     when they are digested on several threads
   */
  StructureDigest(Map<SchemaType, String> shapes) {
    this.shapes = shapes;
  }

  void feed(MessageDigest digest, Object value) {
    if (value == null) {
      digest.update((byte) 0);
    } else if (value instanceof ObjectType || value instanceof UnionType) {
      digest.update((byte) '@');
      text(digest, shape((SchemaType) value));
    } else if (value instanceof Record record) {
      feedRecord(digest, record);
    } else if (value instanceof Set<?> items) {
      // A set's iteration order is no part of its value, and Set.of's changes from one JVM to the next.
      text(digest, "<" + items.size());
      items.stream().map(this::digestOf).sorted().forEach(item -> text(digest, item));
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
      text(digest, NAMES.get(value.getClass()));
      text(digest, value.toString());
    } else {
      throw new IllegalStateException("a render key cannot digest a " + value.getClass().getName()
          + ": teach StructureDigest about it");
    }
  }

  /** The digest of an object or union shape, from the memo or walked once (its own child shapes from the memo). */
  String shape(SchemaType type) {
    String known = shapes.get(type);
    if (known == null) {
      MessageDigest digest = sha256();
      feedRecord(digest, (Record) type);
      known = HexFormat.of().formatHex(digest.digest());
      // Not computeIfAbsent: walking a shape puts its child shapes into this same map.
      shapes.putIfAbsent(type, known);
    }
    return known;
  }

  private void feedRecord(MessageDigest digest, Record record) {
    text(digest, NAMES.get(record.getClass()));
    for (Object component : IrComponents.of(record)) {
      feed(digest, component);
    }
    digest.update((byte) ')');
  }

  /** The SHA-256 of {@code value} alone, in hex: how an element of an unordered collection is placed. */
  private String digestOf(Object value) {
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

  /** Length-prefixed, so that no two sequences of strings feed the digest the same bytes. */
  static void text(MessageDigest digest, String text) {
    text(digest, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Its length in four bytes (big-endian), then the bytes: fed apart, not copied into one array. */
  private static void text(MessageDigest digest, byte[] utf8) {
    int n = utf8.length;
    digest.update((byte) (n >>> 24));
    digest.update((byte) (n >>> 16));
    digest.update((byte) (n >>> 8));
    digest.update((byte) n);
    digest.update(utf8);
  }
}
