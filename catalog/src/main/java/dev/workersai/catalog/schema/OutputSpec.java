package dev.workersai.catalog.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * What a model answers.
 *
 * @param json the JSON result's schema, empty when the model never answers JSON; never the async-queue
 *     acknowledgement ({@code {"request_id": ...}}), which only a batch submission gets
 * @param binaryContentType the content type of a binary answer, empty when none
 * @param stream whether the model can answer {@code text/event-stream}
 */
public record OutputSpec(Optional<SchemaType> json, Optional<String> binaryContentType, boolean stream) {
  public OutputSpec {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(binaryContentType, "binaryContentType");
  }
}
