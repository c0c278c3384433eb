package dev.workersai.runtime;

import dev.workersai.runtime.internal.Time;
import dev.workersai.runtime.internal.ratelimit.TokenBucketRateLimiter;
import dev.workersai.runtime.model.ModelDescriptor;
import java.time.Duration;

/**
 * Grants permission to send one request to a model, before it is sent (and again before each retry).
 * The client's default keeps a budget per model from the model's published requests-per-minute
 * ({@link ModelDescriptor#requestsPerMinute()}) that never lets more than that figure through in any
 * 60 seconds; models whose limit is unknown are not limited.
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
   * A new in-memory limiter with one budget per model id, the client's default. No 60-second span
   * ever holds more permits than the model's published requests per minute. Within that, a token
   * bucket refilled at the published rate lets at most a tenth of a minute's worth (at least one)
   * through at once, so bursts stay short.
   */
  static RateLimiter perModelTokenBuckets() {
    return TokenBucketRateLimiter.create();
  }

  /**
   * Like {@link #perModelTokenBuckets()}, but a 60-second span may hold up to {@code burstAboveLimit}
   * times the published figure more (0.1 lets 330 through where 300 are published). An opt-in for
   * accounts that know the server tolerates it; the server answers the excess with 429 otherwise.
   *
   * @throws IllegalArgumentException if {@code burstAboveLimit} is negative or not finite
   */
  static RateLimiter perModelTokenBuckets(double burstAboveLimit) {
    return TokenBucketRateLimiter.create(Time.system(), burstAboveLimit);
  }
}
