package dev.workersai.runtime.model;

import java.util.Objects;

/**
 * The facts about a model that the runtime needs to call it: its id (the path of {@code /ai/run}),
 * its task, its rate limit and whether it accepts batch ({@code queueRequest}) submissions.
 * Generated classes hold one as their {@code DESCRIPTOR} constant; hand-written code can build one
 * with {@link #of(String, String)}.
 *
 * @param id the catalog name, such as {@code @cf/meta/llama-3.1-8b-instruct}
 * @param task the catalog task name; empty when unknown
 * @param requestsPerMinute the published limit; {@code 0} when unknown
 * @param rateLimitSource where the limit comes from
 * @param asyncQueue whether the model accepts {@code queueRequest=true} batches
 */
public record ModelDescriptor(
    String id, String task, int requestsPerMinute, RateLimit.Source rateLimitSource, boolean asyncQueue) {

  public ModelDescriptor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(rateLimitSource, "rateLimitSource");
    if (id.isBlank()) {
      throw new IllegalArgumentException("model id is blank");
    }
    if (requestsPerMinute < 0) {
      throw new IllegalArgumentException("requestsPerMinute < 0 for model " + id + ": " + requestsPerMinute);
    }
    if ((requestsPerMinute == 0) != (rateLimitSource == RateLimit.Source.UNKNOWN)) {
      throw new IllegalArgumentException(
          "model " + id + ": requestsPerMinute " + requestsPerMinute + " does not fit source " + rateLimitSource);
    }
  }

  /** A descriptor with no known rate limit and no batch support. */
  public static ModelDescriptor of(String id, String task) {
    return new ModelDescriptor(id, task, 0, RateLimit.Source.UNKNOWN, false);
  }

  /** Whether a client-side limit can be derived from this descriptor. */
  public boolean hasRateLimit() {
    return rateLimitSource != RateLimit.Source.UNKNOWN;
  }
}
