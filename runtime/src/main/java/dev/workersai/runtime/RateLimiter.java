package dev.workersai.runtime;

import dev.workersai.runtime.internal.ratelimit.TokenBucketRateLimiter;
import dev.workersai.runtime.model.ModelDescriptor;
import java.time.Duration;

/**
 * Grants permission to send one request to a model, before it is sent (and again before each retry).
 * The client's default keeps a token bucket per model, sized from the model's published
 * requests-per-minute ({@link ModelDescriptor#requestsPerMinute()}); models whose limit is unknown
 * are not limited.
 *
 * <p>Implement this to share one budget between many JVMs on one account (for example with a
 * counter in Redis) and pass it to {@code WorkersAi.Builder.rateLimiter(...)}. Implementations must
 * be thread-safe.
 */
public interface RateLimiter {
  /**
   * Takes one permit for {@code model}, waiting at most {@code maxWait}.
   *
   * @return true when a permit was taken; false when none became available within {@code maxWait}
   *     (the client then throws {@link RateLimitWaitException} without sending)
   * @throws InterruptedException if the waiting thread is interrupted
   */
  boolean acquire(ModelDescriptor model, Duration maxWait) throws InterruptedException;

  /**
   * A new in-memory limiter with one token bucket per model id. Each bucket refills at the model's
   * requests-per-minute rate and holds at most a tenth of a minute's worth (at least one), so bursts
   * stay short while the average stays under the published limit.
   */
  static RateLimiter perModelTokenBuckets() {
    return TokenBucketRateLimiter.create();
  }
}
