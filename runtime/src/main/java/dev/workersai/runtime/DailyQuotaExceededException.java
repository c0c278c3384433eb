package dev.workersai.runtime;

import java.time.Instant;
import java.util.Objects;

/**
 * HTTP 429 with error code 3036: the account used its daily free allocation of neurons (Workers
 * Free plan). Not retryable before the allocation resets at 00:00 UTC, given by {@link #resetsAt()};
 * upgrading to Workers Paid removes the limit.
 */
public class DailyQuotaExceededException extends WorkersAiException {
  private static final long serialVersionUID = 1L;

  private final Instant resetsAt;

  public DailyQuotaExceededException(String message, Throwable cause, Details details, Instant resetsAt) {
    super(message, cause, details);
    this.resetsAt = Objects.requireNonNull(resetsAt, "resetsAt");
  }

  /** The next 00:00 UTC after the failure, when the daily allocation resets. */
  public Instant resetsAt() {
    return resetsAt;
  }
}
