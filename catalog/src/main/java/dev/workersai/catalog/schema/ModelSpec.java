package dev.workersai.catalog.schema;

import java.util.Objects;
import java.util.Optional;

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
 */
public record ModelSpec(String id, ModelFacts facts, Optional<InputSpec> input, Optional<OutputSpec> output,
    boolean schemaPublished) {
  public ModelSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
  }

  /** A model as its catalog entry's own schema describes it (or, without input and output, metadata only). */
  public ModelSpec(String id, ModelFacts facts, Optional<InputSpec> input, Optional<OutputSpec> output) {
    this(id, facts, input, output, input.isPresent());
  }

  /**
   * Whether the model takes async-queue batches: the catalog says {@code async_queue}, or its input
   * schema lists the batch form.
   */
  public boolean acceptsBatches() {
    return facts.has("async_queue") || input.map(InputSpec::batch).orElse(false);
  }

  /** Whether the model has typed input and output (false: metadata only). */
  public boolean typed() {
    return input.isPresent() && output.isPresent();
  }
}
