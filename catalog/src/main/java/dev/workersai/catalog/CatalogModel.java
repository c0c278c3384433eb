package dev.workersai.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One model entry of a catalog snapshot, as read: nothing resolved yet.
 *
 * @param id the catalog {@code name}, such as {@code @cf/meta/llama-3.1-8b-instruct}
 * @param task the task name, {@code ""} when the entry has none
 * @param properties the entry's properties
 * @param deprecated the entry's top-level {@code deprecated} flag (false when absent)
 * @param inputSchema {@code schema.input}, empty for entries without a schema
 * @param outputSchema {@code schema.output}, empty for entries without a schema
 * @param source the file, with pointer {@code ""}
 */
public record CatalogModel(
    String id,
    String task,
    ModelProperties properties,
    boolean deprecated,
    Optional<JsonNode> inputSchema,
    Optional<JsonNode> outputSchema,
    SourceLocation source) {

  /** Whether the entry carries schemas (entries without one generate metadata only). */
  public boolean hasSchema() {
    return inputSchema.isPresent() && outputSchema.isPresent();
  }
}
