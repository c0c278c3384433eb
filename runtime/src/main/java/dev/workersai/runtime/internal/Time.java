package dev.workersai.runtime.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock and the sleeper the runtime waits with. Injected so that tests of backoff, rate limiting
 * and batch polling run without real waiting.
 */
public interface Time {
  /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
  long nanoTime();

  /** The wall-clock time, for {@code Retry-After} dates and the daily quota reset. */
  Instant now();

  /** Blocks the calling thread for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** The real clock and {@link Thread#sleep}. */
  static Time system() {
    return SystemTime.INSTANCE;
  }
}
