package dev.workersai.emulator.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The AI Gateway cache: successful whole answers, keyed by gateway, model, query, content type and
 * body, the way the gateway caches identical requests. Thread-safe; never expires (tests are short).
 */
final class GatewayCache {
  private final Map<String, Reply.Whole> entries = new HashMap<>();

  synchronized Optional<Reply.Whole> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  synchronized void put(String key, Reply.Whole reply) {
    entries.put(key, reply);
  }

  static String key(String gateway, String modelId, RequestData request) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      String head = gateway + "\n" + modelId + "\n" + request.query() + "\n" + request.contentTypeHeader() + "\n";
      digest.update(head.getBytes(StandardCharsets.UTF_8));
      digest.update(request.body());
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
