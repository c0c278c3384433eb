package dev.workersai.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * The client-side rate limiter could not grant a request for the model within the allowed wait: the
 * client is sending faster than the model's published requests-per-minute limit. Nothing was sent.
 * Raise the wait ({@code WorkersAi.Builder.maxRateLimitWait}, {@link CallOptions#withRateLimitWait}),
 * slow down, or turn client-side limiting off.
 */
public class RateLimitWaitException extends WorkersAiException {
  private static final long serialVersionUID = 1L;

  private final int requestsPerMinute;
  private final Duration maxWait;

  public RateLimitWaitException(String modelId, int requestsPerMinute, Duration maxWait) {
    super(
        "model " + modelId + ": client-side rate limit of " + requestsPerMinute
            + " requests/minute reached; no permit within " + maxWait.toMillis() + " ms, request not sent",
        null,
        Details.forModel(modelId));
    this.requestsPerMinute = requestsPerMinute;
    this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
  }

  /** The limit that was applied. */
  public int requestsPerMinute() {
    return requestsPerMinute;
  }

  /** How long the client waited for a permit. */
  public Duration maxWait() {
    return maxWait;
  }
}
