package dev.workersai.emulator.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The AI Gateway cache: successful whole answers, keyed by gateway, model, query, content type and
 * body, the way the gateway caches identical requests. Each answer lives for its TTL (the
 * request's {@code cf-aig-cache-ttl}, else {@link #DEFAULT_TTL}); at most {@code maxEntries} answers
 * and {@code maxBytes} of bodies are kept, the least recently used going first. Thread-safe.
 */
final class GatewayCache {
  /** The TTL when a request names none: the gateway's own default for keyed answers (WIRE.md). */
  static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
  /** The longest TTL the gateway accepts: one month. */
  static final Duration MAX_TTL = Duration.ofDays(30);
  /** The body bytes kept at most, whatever the entry count: answers can be images. */
  static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

  private final int maxEntries;
  private final long maxBytes;
  private final LongSupplier nanoClock;
  // Access order: iteration starts at the least recently used entry.
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;

  private record Entry(Reply.Whole reply, long expiresAtNanos) {}

  GatewayCache(int maxEntries) {
    this(maxEntries, DEFAULT_MAX_BYTES, System::nanoTime);
  }

  GatewayCache(int maxEntries, long maxBytes, LongSupplier nanoClock) {
    if (maxEntries < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("maxEntries and maxBytes must be positive: " + maxEntries + ", " + maxBytes);
    }
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
    this.nanoClock = nanoClock;
  }

  synchronized Optional<Reply.Whole> get(String key) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (expired(entry, nanoClock.getAsLong())) {
      remove(key);
      return Optional.empty();
    }
    return Optional.of(entry.reply());
  }

  /** Keeps {@code reply} for {@code ttl}; a zero TTL or a body over the byte bound is not kept. */
  synchronized void put(String key, Reply.Whole reply, Duration ttl) {
    long size = reply.body().length;
    if (ttl.isZero() || ttl.isNegative() || size > maxBytes) {
      return;
    }
    remove(key);
    long now = nanoClock.getAsLong();
    entries.put(key, new Entry(reply, now + (ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL : ttl).toNanos()));
    bytes += size;
    dropExpired(now);
    Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
    while (entries.size() > maxEntries || bytes > maxBytes) {
      bytes -= eldest.next().getValue().reply().body().length;
      eldest.remove();
    }
  }

  synchronized int size() {
    return entries.size();
  }

  synchronized long bytes() {
    return bytes;
  }

  private void dropExpired(long now) {
    Iterator<Entry> all = entries.values().iterator();
    while (all.hasNext()) {
      Entry entry = all.next();
      if (expired(entry, now)) {
        bytes -= entry.reply().body().length;
        all.remove();
      }
    }
  }

  private void remove(String key) {
    Entry old = entries.remove(key);
    if (old != null) {
      bytes -= old.reply().body().length;
    }
  }

  private static boolean expired(Entry entry, long now) {
    return now - entry.expiresAtNanos() >= 0;
  }

  /**
   * The TTL a request asks for with {@code cf-aig-cache-ttl} (or the older {@code cf-cache-ttl}),
   * in whole seconds; {@link #DEFAULT_TTL} when absent; longer ones are cut to {@link #MAX_TTL}.
   */
  static Duration ttl(String header, String value) {
    if (value == null) {
      return DEFAULT_TTL;
    }
    try {
      long seconds = Long.parseLong(value.trim());
      if (seconds >= 0) {
        return Duration.ofSeconds(Math.min(seconds, MAX_TTL.toSeconds()));
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ApiError(400, ErrorCodes.BAD_INPUT, "Bad " + header + " header: expected whole seconds, got '"
        + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "'");
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
