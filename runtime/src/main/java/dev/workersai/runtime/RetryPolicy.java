package dev.workersai.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently failed calls are sent again. Immutable; {@code with...} methods return
 * copies.
 *
 * <p>Delay before retry {@code n} (0-based) is {@code min(initialDelay * 2^n, maxDelay)}, reduced by up
 * to 25% of random jitter so that many clients do not retry in step. A {@code Retry-After} header
 * replaces that delay when present; if it asks for longer than {@link #maxRetryAfter()}, the call is
 * not retried and the failure (with its {@code retryAfter}) is thrown at once.
 *
 * <p>Only safe failures are retried: connection failures, HTTP 408, 429 for the per-minute limit or
 * capacity (never the daily quota, 3036), and 5xx. A request whose body is one-shot is never retried.
 *
 * <pre>{@code
 * RetryPolicy.defaults().withMaxRetries(5).withMaxDelay(Duration.ofSeconds(20))
 * }</pre>
 */
public final class RetryPolicy {
  /**
   * Two retries, as the official OpenAI and Anthropic Java SDKs do: enough to ride out a blip,
   * few enough that a real outage surfaces within seconds.
   */
  public static final int DEFAULT_MAX_RETRIES = 2;

  private static final RetryPolicy DEFAULTS =
      new RetryPolicy(DEFAULT_MAX_RETRIES, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));

  private final int maxRetries;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final Duration maxRetryAfter;

  private RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0: " + maxRetries);
    }
    this.maxRetries = maxRetries;
    this.initialDelay = requireNonNegative(initialDelay, "initialDelay");
    this.maxDelay = requireNonNegative(maxDelay, "maxDelay");
    this.maxRetryAfter = requireNonNegative(maxRetryAfter, "maxRetryAfter");
  }

  /** 2 retries, 0.5 s doubling up to 8 s, {@code Retry-After} honoured up to 60 s. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** Never retry. */
  public static RetryPolicy none() {
    return DEFAULTS.withMaxRetries(0);
  }

  /** A copy with {@code maxRetries} retries after the first attempt. */
  public RetryPolicy withMaxRetries(int maxRetries) {
    return new RetryPolicy(maxRetries, initialDelay, maxDelay, maxRetryAfter);
  }

  /** A copy whose first backoff is {@code initialDelay}. */
  public RetryPolicy withInitialDelay(Duration initialDelay) {
    return new RetryPolicy(maxRetries, initialDelay, maxDelay, maxRetryAfter);
  }

  /** A copy whose backoff never exceeds {@code maxDelay}. */
  public RetryPolicy withMaxDelay(Duration maxDelay) {
    return new RetryPolicy(maxRetries, initialDelay, maxDelay, maxRetryAfter);
  }

  /** The longest {@code Retry-After} the client is willing to wait for before retrying. */
  public RetryPolicy withMaxRetryAfter(Duration maxRetryAfter) {
    return new RetryPolicy(maxRetries, initialDelay, maxDelay, maxRetryAfter);
  }

  /** Retries after the first attempt; {@code 0} means one attempt only. */
  public int maxRetries() {
    return maxRetries;
  }

  /** The backoff before the first retry, before jitter. */
  public Duration initialDelay() {
    return initialDelay;
  }

  /** The cap on any backoff. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** The longest {@code Retry-After} waited for; longer ones fail at once. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * The backoff before retry {@code retryIndex} (0 for the first retry), given a jitter sample in
   * {@code [0, 1)}: the exponential delay capped at {@link #maxDelay()}, reduced by up to 25%.
   */
  public Duration backoff(int retryIndex, double jitter) {
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter must be in [0, 1): " + jitter);
    }
    double exponential = initialDelay.toNanos() * Math.pow(2, Math.min(retryIndex, 62));
    double capped = Math.min(exponential, maxDelay.toNanos());
    return Duration.ofNanos((long) (capped * (1 - 0.25 * jitter)));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetryPolicy p
        && maxRetries == p.maxRetries
        && initialDelay.equals(p.initialDelay)
        && maxDelay.equals(p.maxDelay)
        && maxRetryAfter.equals(p.maxRetryAfter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxRetries, initialDelay, maxDelay, maxRetryAfter);
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxRetries=" + maxRetries + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay
        + ", maxRetryAfter=" + maxRetryAfter + "]";
  }

  private static Duration requireNonNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + d);
    }
    return d;
  }
}
