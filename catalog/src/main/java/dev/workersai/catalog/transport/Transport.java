package dev.workersai.catalog.transport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How calls of one model travel, read from its input and output schemas (WIRE.md §1, §2, §5). The
 * generated client sends and reads what this says, and the emulator accepts and answers the same.
 *
 * @param jsonBody whether a run may send a JSON body (the input has a JSON form)
 * @param rawBody whether a run may send the raw bytes as the body (a {@code type: string, format:
 *     binary} form)
 * @param bodyField the property of a JSON form given as {@code {body, contentType}} (nova-3's
 *     {@code audio}): its bytes are sent as the body and the other scalar properties as query parameters
 * @param multipart whether a run sends {@code multipart/form-data} (a {@code {multipart: {body,
 *     contentType}}} form)
 * @param stream whether {@code "stream": true} answers {@code text/event-stream}
 * @param jsonAnswer whether a run is answered with a JSON result
 * @param binaryAnswer the content type of a binary answer, empty when none; when the output has a JSON
 *     form too, a run is answered JSON and generated code reads either
 * @param batchForm whether the input lists the async-queue batch form ({@code {"requests": [...]}})
 * @param batches whether the model takes async-queue batches ({@code ?queueRequest=true}): the catalog
 *     says {@code async_queue}, or the input lists the batch form
 */
public record Transport(
    boolean jsonBody,
    boolean rawBody,
    Optional<String> bodyField,
    boolean multipart,
    boolean stream,
    boolean jsonAnswer,
    Optional<String> binaryAnswer,
    boolean batchForm,
    boolean batches) {

  public Transport {
    Objects.requireNonNull(bodyField, "bodyField");
    Objects.requireNonNull(binaryAnswer, "binaryAnswer");
  }

  /**
   * The transport of a model with these schemas.
   *
   * @param input the input schema
   * @param output the output schema
   * @param asyncQueue the catalog's {@code async_queue} property
   */
  public static Transport of(JsonNode input, JsonNode output, boolean asyncQueue) {
    boolean json = false;
    boolean raw = false;
    boolean multipart = false;
    boolean batchForm = false;
    Optional<String> bodyField = Optional.empty();
    List<JsonNode> inputs = Schemas.forms(input);
    for (JsonNode form : inputs) {
      switch (InputForm.of(form, inputs.size() == 1)) {
        case JSON -> {
          json = true;
          bodyField = bodyField.or(() -> Schemas.bodyField(form));
        }
        case RAW -> raw = true;
        case MULTIPART -> multipart = true;
        case BATCH -> batchForm = true;
      }
    }
    boolean stream = false;
    boolean jsonAnswer = false;
    Optional<String> binary = Optional.empty();
    boolean inputDeclaresStream = Schemas.declaresStream(input);
    List<JsonNode> outputs = Schemas.forms(output);
    for (JsonNode form : outputs) {
      switch (OutputForm.of(form, outputs.size() == 1, inputDeclaresStream)) {
        case JSON -> jsonAnswer = true;
        case BINARY -> binary = binary.or(() -> Optional.of(OutputForm.binaryContentType(form)));
        case STREAM -> stream = true;
        case ACKNOWLEDGEMENT -> { }
      }
    }
    return new Transport(json, raw, bodyField, multipart, stream, jsonAnswer, binary, batchForm,
        asyncQueue || batchForm);
  }

  /** Whether a run may send bytes as the body, as the whole input or as its {@link #bodyField()}. */
  public boolean acceptsBytes() {
    return rawBody || bodyField.isPresent();
  }

  /** The content type of the answer to a run that does not stream: JSON when the output has a JSON form. */
  public String answerContentType() {
    return jsonAnswer || binaryAnswer.isEmpty() ? "application/json" : binaryAnswer.get();
  }
}
