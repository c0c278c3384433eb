package dev.workersai.emulator.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.workersai.catalog.schema.ModelSchemas;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One model the emulator serves: the facts read by the catalog reader plus the few
 * listing fields ({@code /ai/models/search}) that the reader does not keep.
 *
 * @param id the runnable name, such as {@code @cf/meta/llama-3.1-8b-instruct}
 * @param uuid the catalog's own id (a UUID); derived from the name when the snapshot has none
 * @param task the task name, {@code ""} when unknown
 * @param taskUuid the task's UUID; derived from the task name when the snapshot has none
 * @param description the description, when the snapshot keeps one
 * @param createdAt the {@code created_at} text, when present
 * @param properties the {@code properties} array as listed by the search endpoint
 * @param outputDimensions the {@code output_dimensions} property (embedding size)
 * @param requestsPerMinute the published rate limit, {@code 0} when unknown
 * @param inputSchema the published input JSON Schema, empty for metadata-only entries
 * @param outputSchema the published output JSON Schema, empty for metadata-only entries
 * @param schemas what a run is checked and answered with, and how it travels, as the generated client
 *     reads the model: the published schemas, or the task's common ones; empty when the model cannot run
 */
public record EmulatedModel(
    String id,
    String uuid,
    String task,
    String taskUuid,
    Optional<String> description,
    Optional<String> createdAt,
    ArrayNode properties,
    OptionalInt outputDimensions,
    int requestsPerMinute,
    Optional<JsonNode> inputSchema,
    Optional<JsonNode> outputSchema,
    Optional<ModelSchemas> schemas) {

  /** Whether the entry publishes both schemas (served by {@code /ai/models/schema}). */
  public boolean hasSchema() {
    return inputSchema.isPresent() && outputSchema.isPresent();
  }

  /** The author segment of the id: {@code meta} for {@code @cf/meta/llama-3.1-8b-instruct}. */
  public String author() {
    String[] parts = id.split("/");
    return parts.length >= 3 ? parts[1] : "";
  }
}
