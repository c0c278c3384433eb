package dev.workersai.generator.naming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.catalog.CatalogException;
import dev.workersai.catalog.CatalogReader;
import dev.workersai.catalog.FileSource;
import dev.workersai.catalog.JsonFiles;
import dev.workersai.catalog.SourceLocation;
import dev.workersai.catalog.schema.SchemaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The type names a plan gave, kept in the snapshot beside the model files ({@value #FILE_NAME}) so
 * that a refresh never renames a type whose shape did not change, like a lockfile. {@code refresh}
 * writes it; {@code generate} only reads it. Shapes are keyed by their {@link #fingerprint}; the file
 * lists names first so that a rename reads plainly in review:
 *
 * <pre>{@code
 * {"shared": {"Message": "3fa2…", …}, "nested": {"@cf/baai/bge-m3": {"Context": "91c0…"}, …}}
 * }</pre>
 *
 * @param shared shared type names by fingerprint
 * @param nested per model id, nested type names by fingerprint
 */
public record NameLock(Map<String, String> shared, Map<String, Map<String, String>> nested) {
  /** The lock's file name, in the folder that holds the model files. */
  public static final String FILE_NAME = CatalogReader.TYPE_NAMES_FILE;

  /** No names kept. */
  public static final NameLock EMPTY = new NameLock(Map.of(), Map.of());

  /** Writes lock files; in a holder, so that reading a lock (every generation) does not build a mapper. */
  private static final class Writer {
    static final ObjectMapper JSON = new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  }

  public NameLock {
    shared = Map.copyOf(shared);
    Map<String, Map<String, String>> copy = new HashMap<>();
    nested.forEach((id, names) -> copy.put(id, Map.copyOf(names)));
    nested = Map.copyOf(copy);
  }

  /** A shape's key: a hash of its structure, the same for equal shapes on every run. */
  public static String fingerprint(SchemaType type) {
    return fingerprintOf(type.toString());
  }

  /** The fingerprint of a shape whose {@code toString} is {@code shapeText}. */
  static String fingerprintOf(String shapeText) {
    return fingerprintOf(shapeText, sha256());
  }

  /** The same, hashed with {@code sha256} (a digest of {@link #sha256}, reused). */
  static String fingerprintOf(String shapeText, MessageDigest sha256) {
    byte[] digest = sha256.digest(shapeText.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 8);
  }

  /** A fresh SHA-256 digest, what fingerprints hash with. */
  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Whether it keeps no name. */
  public boolean isEmpty() {
    return shared.isEmpty() && nested.isEmpty();
  }

  /**
   * The lock of a snapshot folder: {@value #FILE_NAME} in its {@code models/} subfolder or at its
   * top; {@link #EMPTY} when there is none.
   *
   * @throws CatalogException naming the file when it is not a lock
   */
  public static NameLock read(Path snapshotDirectory) {
    return read(snapshotDirectory, FileSource.DISK);
  }

  /** {@link #read(Path)}, with the lock's bytes from {@code source}. */
  public static NameLock read(Path snapshotDirectory, FileSource source) {
    Optional<Path> file = locate(snapshotDirectory);
    if (file.isEmpty()) {
      return EMPTY;
    }
    JsonNode root;
    try {
      root = Optional.ofNullable(JsonFiles.parse(source.read(file.get()))).orElse(MissingNode.getInstance());
    } catch (IOException e) {
      throw new CatalogException("bad-type-names", new SourceLocation(file.get(), ""), "unreadable: " + e.getMessage(), e);
    }
    Map<String, String> shared = names(root.path("shared"), new SourceLocation(file.get(), "/shared"));
    Map<String, Map<String, String>> nested = new HashMap<>();
    JsonNode models = root.path("nested");
    if (!models.isMissingNode() && !models.isObject()) {
      throw new CatalogException("bad-type-names", new SourceLocation(file.get(), "/nested"), "must be an object");
    }
    models.properties().forEach(e -> nested.put(e.getKey(),
        names(e.getValue(), new SourceLocation(file.get(), "/nested").child(e.getKey()))));
    return new NameLock(shared, nested);
  }

  /** Where a snapshot folder keeps its lock, if it has one. */
  public static Optional<Path> locate(Path snapshotDirectory) {
    for (Path candidate : new Path[] {snapshotDirectory.resolve("models").resolve(FILE_NAME), snapshotDirectory.resolve(FILE_NAME)}) {
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The lock as its file's bytes: sorted, indented, the same for the same lock on every run. */
  public byte[] toBytes() {
    ObjectNode root = Writer.JSON.createObjectNode();
    root.set("shared", byName(shared));
    ObjectNode models = root.putObject("nested");
    new TreeMap<>(nested).forEach((id, names) -> {
      if (!names.isEmpty()) {
        models.set(id, byName(names));
      }
    });
    try {
      return (Writer.JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serializes", e);
    }
  }

  private static ObjectNode byName(Map<String, String> byFingerprint) {
    ObjectNode out = Writer.JSON.createObjectNode();
    new TreeMap<>(invert(byFingerprint)).forEach(out::put);
    return out;
  }

  private static Map<String, String> names(JsonNode node, SourceLocation at) {
    if (node.isMissingNode()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new CatalogException("bad-type-names", at, "must be an object of type names to fingerprints");
    }
    Map<String, String> byName = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!e.getValue().isTextual() || !JavaNames.isIdentifier(e.getKey())) {
        throw new CatalogException("bad-type-names", at.child(e.getKey()), "must map a Java type name to a fingerprint");
      }
      byName.put(e.getKey(), e.getValue().asText());
    }
    return invert(byName);
  }

  private static Map<String, String> invert(Map<String, String> map) {
    Map<String, String> out = new HashMap<>();
    map.forEach((k, v) -> out.put(v, k));
    return out;
  }

  boolean isShared(String fingerprint) {
    return shared.containsKey(fingerprint);
  }

  Map<String, String> sharedNames() {
    return shared;
  }

  Map<String, String> nestedIn(String modelId) {
    return nested.getOrDefault(modelId, Map.of());
  }
}
