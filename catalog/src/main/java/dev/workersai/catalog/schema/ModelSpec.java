package dev.workersai.catalog.schema;

import dev.workersai.catalog.OpenAiEndpoints;
import dev.workersai.catalog.transport.Transport;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One model, fully read: its id, facts, and (unless the catalog entry has no schema) its input and
 * output.
 *
 * @param id the catalog name, such as {@code @cf/meta/llama-3.1-8b-instruct}
 * @param facts the facts generated code states
 * @param input what it accepts, empty for a metadata-only model
 * @param output what it answers, empty for a metadata-only model
 * @param schemaPublished false when the catalog entry has no schema and input and output are the
 *     common ones of the model's task
 * @param transport how its calls travel, as the emulator too reads them; empty for a metadata-only model
 * @param openAiEndpoints the OpenAI-compatible endpoints it answers on, by {@link OpenAiEndpoints}' rule,
 *     as the emulator too decides them
 */
public record ModelSpec(String id, ModelFacts facts, Optional<InputSpec> input, Optional<OutputSpec> output,
    boolean schemaPublished, Optional<Transport> transport, Set<OpenAiEndpoints.Endpoint> openAiEndpoints) {
  public ModelSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(transport, "transport");
    // In the enum's order, the same in every run (Set.copyOf's order changes from one JVM to the next).
    EnumSet<OpenAiEndpoints.Endpoint> endpoints = EnumSet.noneOf(OpenAiEndpoints.Endpoint.class);
    endpoints.addAll(openAiEndpoints);
    openAiEndpoints = Collections.unmodifiableSet(endpoints);
  }

  /** A model whose catalog entry has no schema and whose task has no common one: generated as metadata only. */
  public static ModelSpec metadataOnly(String id, ModelFacts facts) {
    return new ModelSpec(id, facts, Optional.empty(), Optional.empty(), false, Optional.empty(), Set.of());
  }

  /**
   * Whether the model takes async-queue batches: its {@link Transport#batches()}, or for a model
   * without one, the catalog's {@code async_queue}.
   */
  public boolean acceptsBatches() {
    return transport.map(Transport::batches).orElse(facts.has("async_queue"));
  }

  /** Whether the model has typed input and output (false: metadata only). */
  public boolean typed() {
    return input.isPresent() && output.isPresent();
  }
}
