package dev.workersai.runtime.internal.ratelimit;

import dev.workersai.runtime.RateLimiter;
import dev.workersai.runtime.internal.Time;
import dev.workersai.runtime.model.ModelDescriptor;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link Budget} per model id: a token bucket that keeps bursts short, bounded by a sliding
 * window that keeps every 60 seconds within the published requests per minute.
 *
 * <p>A token bucket alone cannot keep that promise: a full bucket of a tenth of a minute's worth plus
 * a refill at the published rate lets 330 requests through in one minute against a published 300. The
 * window closes that gap without slowing the steady rate below the published one. Going above the
 * figure is an opt-in ({@code burstAboveLimit}, a fraction of the figure).
 *
 * <p>A caller takes the next free grant time (never before one already given out, so waiting callers
 * are served in arrival order) and sleeps until it, outside any lock. A caller whose wait would
 * exceed its {@code maxWait} takes nothing and gets {@code false}.
 */
public final class TokenBucketRateLimiter implements RateLimiter {
  private final Time time;
  private final double burstAboveLimit;
  private final Map<String, Budget> budgets = new ConcurrentHashMap<>();
  /**
   * Each descriptor's budget, so that the hot path allocates no key. Descriptors are few (generated
   * classes hold them as constants) and equal descriptors share an entry.
   */
  private final Map<ModelDescriptor, Budget> byDescriptor = new ConcurrentHashMap<>();

  TokenBucketRateLimiter(Time time, double burstAboveLimit) {
    this.time = time;
    this.burstAboveLimit = checkBurst(burstAboveLimit);
  }

  /** A limiter on the system clock that never exceeds a model's published figure in any 60 seconds. */
  public static TokenBucketRateLimiter create() {
    return create(Time.system(), 0);
  }

  /** A limiter on the given clock (tests) that never exceeds the published figure. */
  public static TokenBucketRateLimiter create(Time time) {
    return create(time, 0);
  }

  /**
   * A limiter that lets up to {@code burstAboveLimit} times the published figure more through in a
   * 60-second window (0.1: 330 for a published 300).
   *
   * @throws IllegalArgumentException if {@code burstAboveLimit} is negative or not finite
   */
  public static TokenBucketRateLimiter create(Time time, double burstAboveLimit) {
    return new TokenBucketRateLimiter(time, burstAboveLimit);
  }

  /** Checks an opt-in burst fraction: finite and not negative. */
  public static double checkBurst(double burstAboveLimit) {
    if (!(burstAboveLimit >= 0) || Double.isInfinite(burstAboveLimit)) {
      throw new IllegalArgumentException("burstAboveLimit must be a finite fraction >= 0: " + burstAboveLimit);
    }
    return burstAboveLimit;
  }

  @Override
  public boolean acquire(ModelDescriptor model, Duration maxWait) throws InterruptedException {
    if (!model.hasRateLimit()) {
      return true; // nothing published for this model: do not invent a limit
    }
    Budget budget = byDescriptor.get(model);
    if (budget == null) {
      budget = byDescriptor.computeIfAbsent(model, this::budgetFor);
    }
    long waitNanos = budget.reserve(time.nanoTime(), maxWait.toNanos());
    if (waitNanos < 0) {
      return false;
    }
    if (waitNanos > 0) {
      time.sleep(Duration.ofNanos(waitNanos));
    }
    return true;
  }

  /** The budget of a model id and limit: descriptors differing only in task or source share it. */
  private Budget budgetFor(ModelDescriptor model) {
    int perMinute = model.requestsPerMinute();
    return budgets.computeIfAbsent(model.id() + "#" + perMinute, k -> new Budget(capacityFor(perMinute), perMinute,
        windowLimitFor(perMinute, burstAboveLimit), time.nanoTime()));
  }

  /** The burst size used for a limit: a tenth of a minute's worth, at least one. */
  static int capacityFor(int requestsPerMinute) {
    return Math.max(1, requestsPerMinute / 10);
  }

  /** The most grants in any 60 seconds: the published figure, plus the opted-in fraction of it. */
  static long windowLimitFor(int requestsPerMinute, double burstAboveLimit) {
    return Math.max(requestsPerMinute, (long) Math.floor(requestsPerMinute * (1 + burstAboveLimit)));
  }
}
