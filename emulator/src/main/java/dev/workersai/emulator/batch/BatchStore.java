package dev.workersai.emulator.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Queued batches ({@code queueRequest=true}). A batch answers {@code "status":"running"} to its
 * first {@code pendingPolls} polls, then its responses, which come in reverse order of the
 * requests because the real service does not keep the order either. Thread-safe.
 *
 * <p>The newest {@value #MAX_BATCHES} batches are kept; polling an older one answers as an unknown
 * id, so that a long-running emulator does not grow without end.
 */
public final class BatchStore {
  /** How many batches are kept at most. */
  public static final int MAX_BATCHES = 1_000;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final int pendingPolls;
  // Insertion order: the eldest entry is the oldest batch.
  private final Map<String, Batch> batches = new LinkedHashMap<>(16, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Batch> eldest) {
      return size() > MAX_BATCHES;
    }
  };
  private long submitted;

  /** A store whose batches stay pending for {@code pendingPolls} polls. */
  public BatchStore(int pendingPolls) {
    if (pendingPolls < 0) {
      throw new IllegalArgumentException("pendingPolls < 0: " + pendingPolls);
    }
    this.pendingPolls = pendingPolls;
  }

  /**
   * Queues a batch and returns its immediate answer {@code {"status":"queued","request_id":..,"model":..}}.
   *
   * @param responses one item per request, in request order: {@code {"id","result","success",...}}
   * @param usage the total token usage
   */
  public synchronized ObjectNode submit(String modelId, List<ObjectNode> responses, JsonNode usage) {
    String requestId = UUID.nameUUIDFromBytes(("batch-" + submitted++).getBytes(StandardCharsets.UTF_8)).toString();
    batches.put(requestId, new Batch(modelId, List.copyOf(responses), usage, pendingPolls));
    return NODES.objectNode().put("status", "queued").put("request_id", requestId).put("model", modelId);
  }

  /** How many batches are kept. */
  public synchronized int size() {
    return batches.size();
  }

  /** The answer to a poll for {@code requestId} of {@code modelId}, empty when there is no such batch. */
  public synchronized Optional<ObjectNode> poll(String modelId, String requestId) {
    Batch batch = batches.get(requestId);
    if (batch == null || !batch.modelId.equals(modelId)) {
      return Optional.empty();
    }
    if (batch.pollsLeft > 0) {
      batch.pollsLeft--;
      return Optional.of(NODES.objectNode().put("status", "running").put("request_id", requestId));
    }
    ObjectNode done = NODES.objectNode();
    ArrayNode items = done.putArray("responses");
    for (int i = batch.responses.size() - 1; i >= 0; i--) {
      items.add(batch.responses.get(i).deepCopy());
    }
    done.set("usage", batch.usage);
    return Optional.of(done);
  }

  private static final class Batch {
    final String modelId;
    final List<ObjectNode> responses;
    final JsonNode usage;
    int pollsLeft;

    Batch(String modelId, List<ObjectNode> responses, JsonNode usage, int pollsLeft) {
      this.modelId = modelId;
      this.responses = responses;
      this.usage = usage;
      this.pollsLeft = pollsLeft;
    }
  }
}
