package dev.workersai.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.runtime.internal.RealBatchJob;
import dev.workersai.runtime.internal.Redactor;
import dev.workersai.runtime.internal.Time;
import dev.workersai.runtime.internal.http.RequestFactory;
import dev.workersai.runtime.model.ModelDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Assembles a batch ({@code {"requests": [input, ...]}}), submits it as a queued call and turns the
 * {@code request_id} it is answered with into a {@link BatchJob} that polls through the same call.
 */
final class BatchSubmission {
  /** The query of every batch call, submission and poll alike. */
  static final Map<String, String> QUEUE = Map.of("queueRequest", "true");

  /** Sends one queued call ({@link #QUEUE}) with {@code payload} and returns its {@code result}. */
  @FunctionalInterface
  interface QueuedCall {
    JsonNode send(RequestPayload payload);
  }

  private final ObjectMapper mapper;
  private final RequestFactory requests;
  private final Redactor redactor;
  private final Time time;
  private final Duration pollInterval;

  BatchSubmission(ObjectMapper mapper, RequestFactory requests, Redactor redactor, Time time, Duration pollInterval) {
    this.mapper = mapper;
    this.requests = requests;
    this.redactor = redactor;
    this.time = time;
    this.pollInterval = pollInterval;
  }

  /**
   * Validates every input, then sends the batch once.
   *
   * @throws IllegalArgumentException if the model does not accept batches or {@code inputs} is empty
   */
  BatchJob submit(ModelDescriptor model, List<? extends ModelInput> inputs, QueuedCall call) {
    JsonNode queued = call.send(RequestPayload.json(body(model, inputs)));
    JsonNode requestId = queued.get("request_id");
    if (requestId == null || !requestId.isTextual()) {
      throw new InvalidResponseException(redactor.redact("model " + model.id()
          + ": batch submission answered without a request_id: " + queued), null,
          WorkersAiException.Details.forModel(model.id()));
    }
    return new RealBatchJob(requestId.textValue(), model.id(), inputs.size(),
        id -> call.send(RequestPayload.json(Map.of("request_id", id))), time, pollInterval,
        pollInterval.multipliedBy(10), redactor);
  }

  /** The batch body, inputs in order; an input that fails validation fails the whole batch unsent. */
  ObjectNode body(ModelDescriptor model, List<? extends ModelInput> inputs) {
    if (!model.asyncQueue()) {
      throw new IllegalArgumentException("model " + model.id() + " does not accept batches (its catalog entry has no "
          + "async_queue property)");
    }
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("model " + model.id() + ": a batch needs at least one input");
    }
    ObjectNode body = mapper.createObjectNode();
    ArrayNode items = body.putArray("requests");
    for (ModelInput input : inputs) {
      input.validate();
      items.add(requests.toTree(model, input));
    }
    return body;
  }
}
