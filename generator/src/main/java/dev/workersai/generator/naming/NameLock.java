package dev.workersai.generator.naming;

import dev.workersai.generator.schema.SchemaType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The type names an earlier plan gave, kept so that a refresh never renames a type whose shape did
 * not change: like a lockfile, it lives in the snapshot beside the models. Shapes are keyed by their
 * {@link #fingerprint}.
 *
 * @param shared shared type names by fingerprint
 * @param nested per model id, nested type names by fingerprint
 */
public record NameLock(Map<String, String> shared, Map<String, Map<String, String>> nested) {
  /** No names kept. */
  public static final NameLock EMPTY = new NameLock(Map.of(), Map.of());

  public NameLock {
    shared = Map.copyOf(shared);
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    nested.forEach((id, names) -> copy.put(id, Map.copyOf(names)));
    nested = Map.copyOf(copy);
  }

  /** A shape's key: a hash of its structure, the same for equal shapes on every run. */
  public static String fingerprint(SchemaType type) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(type.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  boolean isShared(SchemaType type) {
    return !shared.isEmpty() && shared.containsKey(fingerprint(type));
  }

  Map<String, String> sharedNames() {
    return shared;
  }

  Map<String, String> nestedIn(String modelId) {
    return nested.getOrDefault(modelId, Map.of());
  }
}
