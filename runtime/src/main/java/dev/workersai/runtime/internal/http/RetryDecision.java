package dev.workersai.runtime.internal.http;

import dev.workersai.runtime.RateLimitException;
import dev.workersai.runtime.RetryPolicy;
import dev.workersai.runtime.WorkersAiException;
import java.time.Duration;

/**
 * Whether to send a failed request again, and after how long; each outcome carries a one-line reason.
 *
 * @param retry whether to retry
 * @param delay how long to wait first (zero when not retrying)
 * @param reason why, for tests and debugging
 */
public record RetryDecision(boolean retry, Duration delay, String reason) {

  /**
   * Decides for the failure of attempt {@code retriesSoFar + 1}.
   *
   * @param failure the failure, already mapped to the runtime's exception type
   * @param retriesSoFar how many retries were already made
   * @param replayable false when the request body is one-shot
   * @param jitter a random sample in [0, 1)
   */
  public static RetryDecision decide(
      WorkersAiException failure, int retriesSoFar, RetryPolicy policy, boolean replayable, double jitter) {
    if (!failure.isRetryable()) {
      return stop("not retryable: " + failure.getClass().getSimpleName());
    }
    if (!replayable) {
      return stop("request body is one-shot and cannot be sent again");
    }
    if (retriesSoFar >= policy.maxRetries()) {
      return stop("retries exhausted (" + policy.maxRetries() + ")");
    }
    if (failure instanceof RateLimitException limited && limited.retryAfter().isPresent()) {
      Duration asked = limited.retryAfter().get();
      if (asked.compareTo(policy.maxRetryAfter()) > 0) {
        // Waiting minutes inside a call helps nobody; the caller sees retryAfter() and can schedule.
        return stop("Retry-After " + asked.toSeconds() + " s exceeds the cap of " + policy.maxRetryAfter().toSeconds() + " s");
      }
      return new RetryDecision(true, asked, "server asked to retry after " + asked.toMillis() + " ms");
    }
    Duration backoff = policy.backoff(retriesSoFar, jitter);
    return new RetryDecision(true, backoff, "backoff " + backoff.toMillis() + " ms before retry " + (retriesSoFar + 1));
  }

  private static RetryDecision stop(String reason) {
    return new RetryDecision(false, Duration.ZERO, reason);
  }
}
