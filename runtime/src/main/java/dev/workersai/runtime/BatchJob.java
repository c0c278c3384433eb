package dev.workersai.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/**
 * A batch submitted with {@code queueRequest=true}: poll it, then collect results in request order.
 *
 * <pre>{@code
 * BatchJob job = ai.submitBatch(BGE_BASE, inputs, CallOptions.defaults());
 * for (BatchJob.BatchResult r : job.await(Duration.ofMinutes(5))) { ... r.result() ... }
 * }</pre>
 */
public interface BatchJob {
  /** The server's id for the batch. */
  String requestId();

  /** The number of requests submitted. */
  int size();

  /**
   * Polls until the batch is done or {@code timeout} passes, then returns one result per request,
   * in the order the requests were submitted (the server answers out of order, keyed by index).
   *
   * @throws RequestTimeoutException when the batch is not done within {@code timeout}
   */
  List<BatchResult> await(Duration timeout);

  /**
   * The outcome of one request of a batch.
   *
   * @param index the request's position in the submitted list
   * @param success whether that request succeeded; false also when the server returned nothing for it
   * @param result the model output for it, unwrapped from the model-dependent nesting (LLM results
   *     come as {@code result.result}), or null when it failed or is missing
   * @param externalReference the caller's reference echoed back, or null
   * @param raw the server's item as sent, or a missing node when the server returned nothing for it
   */
  record BatchResult(int index, boolean success, JsonNode result, String externalReference, JsonNode raw) {}
}
