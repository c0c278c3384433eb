package dev.workersai.runtime;

import java.time.Duration;
import java.util.List;

/** A batch submitted with {@code queueRequest=true}: poll it, then collect results in request order. */
public interface BatchJob {
  /** The server's id for the batch. */
  String requestId();

  /**
   * Polls until the batch is done or {@code timeout} passes, then returns one result per request,
   * in the order the requests were submitted.
   */
  List<BatchResult> await(Duration timeout);

  /**
   * The outcome of one request of a batch.
   *
   * @param index the request's position in the submitted list
   * @param success whether that request succeeded
   * @param result the model output for it (unwrapped from the model-dependent nesting), or null
   * @param externalReference the caller's reference echoed back, or null
   */
  record BatchResult(int index, boolean success, com.fasterxml.jackson.databind.JsonNode result, String externalReference) {}
}
