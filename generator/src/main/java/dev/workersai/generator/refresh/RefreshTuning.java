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
 * @param maxResponseBytes the largest answer read, in bytes: a larger one fails the refresh naming
 *     the request, rather than filling the heap (a broken proxy has been seen to answer gigabytes)
 */
public record RefreshTuning(
    int perPage, int maxPages, int concurrency, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
    int maxResponseBytes) {

  /**
   * The default cap on one answer, {@value} bytes (64 MiB): a search page of 100 models or one
   * model's schema is well under a megabyte today.
   */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

  public RefreshTuning {
    requirePositive(perPage, "perPage");
    requirePositive(maxPages, "maxPages");
    requirePositive(concurrency, "concurrency");
    requirePositive(maxAttempts, "maxAttempts");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    requirePositive(maxResponseBytes, "maxResponseBytes");
  }

  /**
   * 100 per page, at most 100 pages, 4 schema requests at once, 4 attempts from 500 ms up to 30 s,
   * answers up to {@link #DEFAULT_MAX_RESPONSE_BYTES}.
   */
  public static RefreshTuning defaults() {
    return new RefreshTuning(100, 100, 4, 4, Duration.ofMillis(500), Duration.ofSeconds(30), DEFAULT_MAX_RESPONSE_BYTES);
  }

  /** A copy with another backoff. */
  public RefreshTuning withBackoff(Duration initial, Duration max) {
    return new RefreshTuning(perPage, maxPages, concurrency, maxAttempts, initial, max, maxResponseBytes);
  }

  /** A copy with another page size and page cap. */
  public RefreshTuning withPaging(int newPerPage, int newMaxPages) {
    return new RefreshTuning(newPerPage, newMaxPages, concurrency, maxAttempts, initialBackoff, maxBackoff, maxResponseBytes);
  }

  /** A copy with another cap on the size of one answer. */
  public RefreshTuning withMaxResponseBytes(int bytes) {
    return new RefreshTuning(perPage, maxPages, concurrency, maxAttempts, initialBackoff, maxBackoff, bytes);
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
