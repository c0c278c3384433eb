package dev.workersai.runtime;

import java.time.Duration;
import java.util.Optional;

/**
 * HTTP 429 for a reason that passes within seconds: the per-minute request limit (error code 3021),
 * the model being out of capacity (3040, also the answer to {@code rejectIfBusy}), or an AI Gateway
 * rate limit. Retryable; {@link #retryAfter()} is the server's {@code Retry-After}, when it sent one.
 * The daily neuron allocation is a different exception: {@link DailyQuotaExceededException}.
 */
public class RateLimitException extends WorkersAiException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /** {@code retryAfter} may be null when the server sent no {@code Retry-After}. */
  public RateLimitException(String message, Throwable cause, Details details, Duration retryAfter) {
    super(message, cause, details);
    this.retryAfter = retryAfter;
  }

  /** How long the server asked to wait, from {@code Retry-After} (seconds or an HTTP date). */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Always true. */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
