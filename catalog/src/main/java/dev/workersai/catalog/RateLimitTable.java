package dev.workersai.catalog;

import dev.workersai.runtime.model.RateLimit;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Published requests-per-minute limits: a default per task and overrides per model id.
 *
 * @param taskDefaults task name → requests per minute
 * @param modelOverrides model id → requests per minute
 */
public record RateLimitTable(SortedMap<String, Integer> taskDefaults, SortedMap<String, Integer> modelOverrides) {

  public RateLimitTable {
    taskDefaults = Collections.unmodifiableSortedMap(new TreeMap<>(taskDefaults));
    modelOverrides = Collections.unmodifiableSortedMap(new TreeMap<>(modelOverrides));
  }

  /** A table with no figures: every model resolves to {@link RateLimit.Source#UNKNOWN}. */
  public static RateLimitTable empty() {
    return new RateLimitTable(new TreeMap<>(), new TreeMap<>());
  }

  /** The limit for a model: its override, else its task's default, else unknown. */
  public Resolved resolve(String modelId, String task) {
    Integer override = modelOverrides.get(modelId);
    if (override != null) {
      return new Resolved(override, RateLimit.Source.MODEL_OVERRIDE);
    }
    Integer byTask = taskDefaults.get(task);
    if (byTask != null) {
      return new Resolved(byTask, RateLimit.Source.TASK_DEFAULT);
    }
    return new Resolved(0, RateLimit.Source.UNKNOWN);
  }

  /**
   * A model's resolved limit.
   *
   * @param requestsPerMinute the figure, {@code 0} when unknown
   * @param source where it came from
   */
  public record Resolved(int requestsPerMinute, RateLimit.Source source) {}
}
