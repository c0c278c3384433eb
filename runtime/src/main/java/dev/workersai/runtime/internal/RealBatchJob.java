package dev.workersai.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.workersai.runtime.BatchJob;
import dev.workersai.runtime.InvalidResponseException;
import dev.workersai.runtime.RequestTimeoutException;
import dev.workersai.runtime.WorkersAiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A submitted batch. {@link #await} polls with {@code {"request_id": ...}} until the result holds
 * {@code responses}, waiting between polls from {@code firstInterval}, growing by half each time up
 * to {@code maxInterval}.
 */
public final class RealBatchJob implements BatchJob {
  private static final Set<String> PENDING = Set.of("queued", "running", "pending", "processing");

  private final String requestId;
  private final String modelId;
  private final int size;
  private final Function<String, JsonNode> poll;
  private final Time time;
  private final Duration firstInterval;
  private final Duration maxInterval;
  private final Redactor redactor;

  /**
   * @param poll sends one poll for a request id and returns the unwrapped {@code result}
   * @param redactor applied to messages that quote what the server answered
   */
  public RealBatchJob(String requestId, String modelId, int size, Function<String, JsonNode> poll, Time time,
      Duration firstInterval, Duration maxInterval, Redactor redactor) {
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.modelId = modelId;
    this.size = size;
    this.poll = poll;
    this.time = time;
    this.firstInterval = firstInterval;
    this.maxInterval = maxInterval;
    this.redactor = Objects.requireNonNull(redactor, "redactor");
  }

  @Override
  public String requestId() {
    return requestId;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public List<BatchResult> await(Duration timeout) {
    long deadline = time.nanoTime() + timeout.toNanos();
    Duration interval = firstInterval;
    while (true) {
      JsonNode result = poll.apply(requestId);
      if (result.has("responses")) {
        return collect(result.get("responses"));
      }
      String status = result.path("status").asText("");
      if (!PENDING.contains(status)) {
        throw new InvalidResponseException(redactor.redact("model " + modelId + ": batch " + requestId + " has status \""
            + status + "\" and no responses: " + abbreviate(result)), null, WorkersAiException.Details.forModel(modelId));
      }
      long left = deadline - time.nanoTime();
      if (left <= 0) {
        throw new RequestTimeoutException(redactor.redact("model " + modelId + ": batch " + requestId + " still "
            + status + " after " + timeout.toMillis() + " ms"), null, WorkersAiException.Details.forModel(modelId), false);
      }
      sleep(Duration.ofNanos(Math.min(interval.toNanos(), left)));
      interval = min(interval.plus(interval.dividedBy(2)), maxInterval);
    }
  }

  /** Orders the server's items by {@code id} (the request index); absent indices become failed results. */
  List<BatchResult> collect(JsonNode responses) {
    if (!responses.isArray()) {
      throw new InvalidResponseException("model " + modelId + ": batch " + requestId + " responses is not an array",
          null, WorkersAiException.Details.forModel(modelId));
    }
    BatchResult[] ordered = new BatchResult[size];
    for (JsonNode item : responses) {
      JsonNode id = item.get("id");
      int index = id == null ? -1 : id.isIntegralNumber() ? id.intValue() : parseIndex(id.asText());
      if (index < 0 || index >= size) {
        throw new InvalidResponseException(redactor.redact("model " + modelId + ": batch " + requestId
            + " returned an item with id " + id + " outside 0.." + (size - 1)), null,
            WorkersAiException.Details.forModel(modelId));
      }
      boolean success = item.path("success").asBoolean(true) && item.has("result");
      JsonNode ref = item.get("external_reference");
      ordered[index] = new BatchResult(index, success, success ? unwrap(item.get("result")) : null,
          ref == null || ref.isNull() ? null : ref.asText(), item);
    }
    List<BatchResult> results = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      results.add(ordered[i] != null ? ordered[i] : new BatchResult(i, false, null, null, MissingNode.getInstance()));
    }
    return results;
  }

  /**
   * LLM items nest the model output one level deeper ({@code result.result}) than embedding items;
   * unwrap that extra level so every result looks like the model's synchronous {@code result}.
   */
  static JsonNode unwrap(JsonNode result) {
    JsonNode inner = result.get("result");
    if (inner != null && inner.isObject() && !result.has("response")) {
      return inner;
    }
    return result;
  }

  private static int parseIndex(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void sleep(Duration d) {
    try {
      time.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WorkersAiException("model " + modelId + ": interrupted while waiting for batch " + requestId, e,
          WorkersAiException.Details.forModel(modelId));
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String abbreviate(JsonNode node) {
    String s = node.toString();
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  @Override
  public String toString() {
    return redactor.redact("BatchJob[" + modelId + ", " + requestId + ", " + size + " requests]");
  }
}
