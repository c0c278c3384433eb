package dev.workersai.emulator.http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Enforces per-model requests-per-minute limits over a sliding 60-second window, the way the
 * catalog publishes them. Thread-safe.
 */
final class RateLimiter {
  private static final long WINDOW_NANOS = 60_000_000_000L;

  private final Map<String, Deque<Long>> windows = new HashMap<>();

  /** Records a request to {@code modelId} and says whether it fits within {@code perMinute}. */
  synchronized boolean tryAcquire(String modelId, int perMinute) {
    long now = System.nanoTime();
    Deque<Long> window = windows.computeIfAbsent(modelId, id -> new ArrayDeque<>());
    while (!window.isEmpty() && now - window.peekFirst() >= WINDOW_NANOS) {
      window.removeFirst();
    }
    if (window.size() >= perMinute) {
      return false;
    }
    window.addLast(now);
    return true;
  }
}
