package dev.workersai.catalog.schema;

import dev.workersai.runtime.model.RateLimit;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The catalog facts about a model that generated code states, in plain values.
 *
 * @param task the task name, {@code ""} when none
 * @param sourceFile the snapshot file name the model came from
 * @param requestsPerMinute the rate limit, 0 when unknown
 * @param rateLimitSource where the rate limit comes from
 * @param contextWindow {@code context_window}
 * @param maxInputTokens {@code max_input_tokens}
 * @param outputDimensions {@code output_dimensions}
 * @param prices each price as text, such as {@code 0.067 USD per M input tokens}
 * @param flags capability flags that are true, as catalog property ids ({@code beta}, {@code lora}, ...)
 * @param deprecated the entry's {@code deprecated} flag
 * @param plannedDeprecation {@code planned_deprecation_date}
 * @param terms the terms URL
 * @param info the information URL
 */
public record ModelFacts(
    String task,
    String sourceFile,
    int requestsPerMinute,
    RateLimit.Source rateLimitSource,
    OptionalInt contextWindow,
    OptionalInt maxInputTokens,
    OptionalInt outputDimensions,
    List<String> prices,
    List<String> flags,
    boolean deprecated,
    Optional<LocalDate> plannedDeprecation,
    Optional<String> terms,
    Optional<String> info) {

  public ModelFacts {
    Objects.requireNonNull(task, "task");
    prices = List.copyOf(prices);
    flags = List.copyOf(flags);
  }

  /** Whether a capability flag (a catalog property id such as {@code lora}) is true. */
  public boolean has(String flag) {
    return flags.contains(flag);
  }

  /** Whether generated code marks the model deprecated. */
  public boolean deprecatedOrPlanned() {
    return deprecated || plannedDeprecation.isPresent();
  }
}
