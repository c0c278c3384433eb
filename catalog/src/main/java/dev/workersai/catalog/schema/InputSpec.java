package dev.workersai.catalog.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * What a model accepts.
 *
 * @param json the JSON body's schema, empty when the model takes no JSON body
 * @param rawBody whether the schema also accepts the raw bytes as the body
 *     ({@code type: string, format: binary} at the top, or as a branch of it)
 * @param multipart whether the input is the {@code {multipart: {body, contentType}}} shape: a
 *     {@code multipart/form-data} body whose fields the schema does not list
 * @param batch whether the schema also lists the async-queue batch form ({@code {"requests": [...]}}),
 *     which is not part of {@code json}: a batch is a list of the model's own inputs
 */
public record InputSpec(Optional<SchemaType> json, boolean rawBody, boolean multipart, boolean batch) {
  public InputSpec {
    Objects.requireNonNull(json, "json");
  }
}
