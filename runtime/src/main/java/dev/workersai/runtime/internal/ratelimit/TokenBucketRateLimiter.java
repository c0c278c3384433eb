package dev.workersai.runtime.internal.ratelimit;

import dev.workersai.runtime.RateLimiter;
import dev.workersai.runtime.internal.Time;
import dev.workersai.runtime.model.ModelDescriptor;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per model id. A caller that finds the bucket empty reserves the next token (the
 * balance goes negative) and sleeps until it is due, outside any lock, so waiting callers are served
 * in arrival order at the bucket's rate. A caller whose wait would exceed its {@code maxWait} takes
 * nothing and gets {@code false}.
 */
public final class TokenBucketRateLimiter implements RateLimiter {
  private final Time time;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  /**
   * Each descriptor's bucket, so that the hot path allocates no key. Descriptors are few (generated
   * classes hold them as constants) and equal descriptors share an entry.
   */
  private final Map<ModelDescriptor, Bucket> byDescriptor = new ConcurrentHashMap<>();

  TokenBucketRateLimiter(Time time) {
    this.time = time;
  }

  /** A limiter on the system clock. */
  public static TokenBucketRateLimiter create() {
    return new TokenBucketRateLimiter(Time.system());
  }

  /** A limiter on the given clock (tests). */
  public static TokenBucketRateLimiter create(Time time) {
    return new TokenBucketRateLimiter(time);
  }

  @Override
  public boolean acquire(ModelDescriptor model, Duration maxWait) throws InterruptedException {
    if (!model.hasRateLimit()) {
      return true; // nothing published for this model: do not invent a limit
    }
    Bucket bucket = byDescriptor.get(model);
    if (bucket == null) {
      bucket = byDescriptor.computeIfAbsent(model, this::bucketFor);
    }
    long waitNanos = bucket.reserve(time.nanoTime(), maxWait.toNanos());
    if (waitNanos < 0) {
      return false;
    }
    if (waitNanos > 0) {
      time.sleep(Duration.ofNanos(waitNanos));
    }
    return true;
  }

  /** The bucket of a model id and limit: descriptors differing only in task or source share it. */
  private Bucket bucketFor(ModelDescriptor model) {
    return buckets.computeIfAbsent(
        model.id() + "#" + model.requestsPerMinute(), k -> new Bucket(model.requestsPerMinute(), time.nanoTime()));
  }

  /** The burst size used for a limit: a tenth of a minute's worth, at least one. */
  static int capacityFor(int requestsPerMinute) {
    return Math.max(1, requestsPerMinute / 10);
  }

  private static final class Bucket {
    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long lastRefill;

    Bucket(int requestsPerMinute, long now) {
      this.capacity = capacityFor(requestsPerMinute);
      this.tokensPerNano = requestsPerMinute / 60e9;
      this.tokens = capacity;
      this.lastRefill = now;
    }

    /** Takes a token; returns the nanoseconds until it is due, or -1 (taking nothing) if that exceeds maxWait. */
    synchronized long reserve(long now, long maxWaitNanos) {
      if (now > lastRefill) {
        tokens = Math.min(capacity, tokens + (now - lastRefill) * tokensPerNano);
        lastRefill = now;
      }
      double after = tokens - 1;
      long wait = after >= 0 ? 0 : (long) Math.ceil(-after / tokensPerNano);
      if (wait > maxWaitNanos) {
        return -1;
      }
      tokens = after;
      return wait;
    }
  }
}
