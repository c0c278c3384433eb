package dev.workersai.generator.refresh;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard a refresh pulls on the API: paging, parallelism and retries. {@link #defaults()} suits
 * the live API; tests shrink the backoff.
 *
 * @param perPage the {@code per_page} sent to the search endpoint
 * @param maxPages the most search pages read before the refresh gives up (the API has been seen to
 *     ignore {@code per_page} and {@code page}; this cap stops a loop that would never end)
 * @param concurrency schema requests in flight at once
 * @param maxAttempts attempts per request, the first included, for network errors, 408, 429 and 5xx
 * @param initialBackoff the pause before the first retry; doubled for each further one
 * @param maxBackoff the longest pause, also the cap on a server's {@code Retry-After}
 */
public record RefreshTuning(
    int perPage, int maxPages, int concurrency, int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

  public RefreshTuning {
    requirePositive(perPage, "perPage");
    requirePositive(maxPages, "maxPages");
    requirePositive(concurrency, "concurrency");
    requirePositive(maxAttempts, "maxAttempts");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
  }

  /** 100 per page, at most 100 pages, 4 schema requests at once, 4 attempts from 500 ms up to 30 s. */
  public static RefreshTuning defaults() {
    return new RefreshTuning(100, 100, 4, 4, Duration.ofMillis(500), Duration.ofSeconds(30));
  }

  /** A copy with another backoff. */
  public RefreshTuning withBackoff(Duration initial, Duration max) {
    return new RefreshTuning(perPage, maxPages, concurrency, maxAttempts, initial, max);
  }

  /** A copy with another page size and page cap. */
  public RefreshTuning withPaging(int newPerPage, int newMaxPages) {
    return new RefreshTuning(newPerPage, newMaxPages, concurrency, maxAttempts, initialBackoff, maxBackoff);
  }

  /** The pause before retry number {@code retry} (1 for the first retry). */
  Duration backoff(int retry) {
    long millis = initialBackoff.toMillis() << Math.min(retry - 1, 20);
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }

  private static void requirePositive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }
}
