package dev.workersai.catalog.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.SourceLocation;
import dev.workersai.catalog.transport.Transport;
import java.util.Objects;
import java.util.Optional;

/**
 * The input and output schemas a model is read with, and the transport they make: the catalog entry's
 * own, or for an entry that publishes none, the common ones of its task ({@link CommonSchemas}). The
 * generator types a model from these and the emulator runs it with them, so both read the same.
 *
 * @param input the input schema
 * @param inputAt where the input schema is
 * @param output the output schema
 * @param outputAt where the output schema is
 * @param published false when these are the task's common schemas
 * @param transport how the model's calls travel
 */
public record ModelSchemas(JsonNode input, SourceLocation inputAt, JsonNode output, SourceLocation outputAt,
    boolean published, Transport transport) {

  public ModelSchemas {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(transport, "transport");
  }

  /** The schemas of {@code model}; empty when it publishes none and its task has no common ones. */
  public static Optional<ModelSchemas> of(CatalogModel model) {
    boolean asyncQueue = model.properties().asyncQueue();
    if (model.hasSchema()) {
      SourceLocation at = model.source().child("schema");
      JsonNode input = model.inputSchema().orElseThrow();
      JsonNode output = model.outputSchema().orElseThrow();
      return Optional.of(new ModelSchemas(input, at.child("input"), output, at.child("output"), true,
          Transport.of(input, output, asyncQueue)));
    }
    return CommonSchemas.of(model.task()).map(common -> {
      JsonNode input = common.document().get("input");
      JsonNode output = common.document().get("output");
      return new ModelSchemas(input, common.at().child("input"), output, common.at().child("output"), false,
          Transport.of(input, output, asyncQueue));
    });
  }
}
