package dev.workersai.emulator.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One model the emulator serves: the facts read by the generator's catalog reader plus the few
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
 * @param asyncQueue whether the model accepts {@code queueRequest=true} batches
 * @param requestsPerMinute the published rate limit, {@code 0} when unknown
 * @param inputSchema the input JSON Schema, empty for metadata-only entries
 * @param outputSchema the output JSON Schema, empty for metadata-only entries
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
    boolean asyncQueue,
    int requestsPerMinute,
    Optional<JsonNode> inputSchema,
    Optional<JsonNode> outputSchema) {

  /** Whether the entry has both schemas (entries without one answer every run with 400). */
  public boolean hasSchema() {
    return inputSchema.isPresent() && outputSchema.isPresent();
  }

  /** The author segment of the id: {@code meta} for {@code @cf/meta/llama-3.1-8b-instruct}. */
  public String author() {
    String[] parts = id.split("/");
    return parts.length >= 3 ? parts[1] : "";
  }
}
