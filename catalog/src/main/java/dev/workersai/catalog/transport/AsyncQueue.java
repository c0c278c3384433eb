package dev.workersai.catalog.transport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;

/**
 * Recognises the two async-queue (batch) shapes Workers AI schemas list next to a model's own forms:
 * the batch submission {@code {"requests": [...]}} among the inputs, and its acknowledgement
 * {@code {"request_id": ..., "status": ...}} among the outputs. Neither is something {@code run}
 * sends or reads: a batch goes with {@code ?queueRequest=true} as a list of the model's own inputs,
 * and only then is it acknowledged, so the generated types leave both out.
 */
final class AsyncQueue {
  /** The fields an acknowledgement may hold (WIRE.md §5: status, request_id, model). */
  private static final Set<String> ACKNOWLEDGEMENT_FIELDS = Set.of("request_id", "status", "model");

  private AsyncQueue() {}

  /** Whether {@code branch} is the batch form: an object whose only property is the array {@code requests}. */
  static boolean isBatchSubmission(JsonNode branch) {
    JsonNode properties = branch.path("properties");
    if (properties.size() != 1) {
      return false;
    }
    JsonNode requests = properties.path("requests");
    return requests.path("type").asText().equals("array") || requests.has("items");
  }

  /** Whether {@code branch} is the acknowledgement: an object of {@code request_id} and at most status and model. */
  static boolean isAcknowledgement(JsonNode branch) {
    JsonNode properties = branch.path("properties");
    if (!properties.has("request_id")) {
      return false;
    }
    for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
      if (!ACKNOWLEDGEMENT_FIELDS.contains(names.next())) {
        return false;
      }
    }
    return true;
  }
}
