package dev.workersai.redis;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/**
 * The Bucket4j configuration of one model's shared bucket.
 *
 * <p>A token bucket of capacity {@code C} refilled at {@code r} per minute lets at most {@code C + r}
 * through in any 60 seconds (a full bucket, then a minute of refill). Choosing {@code r = rpm - C}
 * keeps every 60-second span within the published figure, with bursts of a tenth of it, as the
 * runtime's own limiter allows. The price: a steady rate of nine tenths of the figure.
 */
final class SharedBudgets {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private SharedBudgets() {}

  /** The burst size: a tenth of a minute's worth, at least one (as the runtime's default limiter). */
  static long capacityFor(int requestsPerMinute) {
    return Math.max(1, requestsPerMinute / 10);
  }

  static BucketConfiguration forLimit(int requestsPerMinute) {
    if (requestsPerMinute < 1) {
      throw new IllegalArgumentException("requests per minute must be >= 1: " + requestsPerMinute);
    }
    long capacity = capacityFor(requestsPerMinute);
    long refill = requestsPerMinute - capacity;
    Bandwidth bandwidth = refill >= 1
        ? Bandwidth.builder().capacity(capacity).refillGreedy(refill, MINUTE).initialTokens(capacity).build()
        // One per minute: a greedy refill of 0 is impossible; one token at the start of each minute is exact.
        : Bandwidth.builder().capacity(1).refillIntervally(1, MINUTE).initialTokens(1).build();
    return BucketConfiguration.builder().addLimit(bandwidth).build();
  }
}
