package dev.workersai.runtime.observe;

import dev.workersai.runtime.StreamChunk;
import dev.workersai.runtime.WorkersAiException;
import java.time.Duration;
import java.util.Optional;

/**
 * Observes one call, from {@link CallListener#callStarted} to exactly one of {@link #succeeded} or
 * {@link #failed}. Every method does nothing by default.
 */
public interface CallObserver {
  /** Observes nothing. */
  CallObserver NONE = new CallObserver() {};

  /**
   * The client-side rate limiter answered, before an attempt (retries included).
   *
   * @param waited how long the attempt waited for it
   * @param granted false when no permit came in time (the call then fails with
   *     {@link dev.workersai.runtime.RateLimitWaitException})
   */
  default void rateLimitWaited(Duration waited, boolean granted) {}

  /**
   * An attempt failed and the call will be sent again after {@code delay}.
   *
   * @param retry 1 for the first retry
   */
  default void retrying(int retry, WorkersAiException failure, Duration delay) {}

  /** A chunk of a {@link CallKind#STREAM} call arrived. */
  default void chunk(StreamChunk chunk) {}

  /**
   * The call succeeded: a whole answer was read, a stream reached its end, or a binary body's
   * headers arrived.
   *
   * @param usage the token usage the answer reported, if any
   */
  default void succeeded(Optional<StreamChunk.Usage> usage) {}

  /**
   * The call failed with {@code failure}: a {@link WorkersAiException} after any retries, or a
   * {@link java.util.concurrent.CancellationException} when a stream was closed before its end.
   */
  default void failed(Throwable failure) {}
}
