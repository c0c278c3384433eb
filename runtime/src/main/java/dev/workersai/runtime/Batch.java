package dev.workersai.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.workersai.runtime.model.ModelDescriptor;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A submitted batch whose results are read as the model's answer type {@code T}: the typed view of
 * a {@link BatchJob}, which generated {@code submitBatch} methods return.
 *
 * <pre>{@code
 * Batch<BgeBaseEnV1_5.Output> batch = bge.submitBatch(List.of(first, second));
 * for (Batch.Result<BgeBaseEnV1_5.Output> r : batch.await(Duration.ofMinutes(5))) { ... r.output() ... }
 * }</pre>
 *
 * @param <T> what one request of the batch answers, as {@code run} would return it
 */
public final class Batch<T> {
  private final BatchJob job;
  private final String modelId;
  private final ObjectReader reader;

  private Batch(BatchJob job, String modelId, ObjectReader reader) {
    this.job = Objects.requireNonNull(job, "job");
    this.modelId = modelId;
    this.reader = reader;
  }

  /** {@code job}, whose results are read as {@code type} with {@code ai}'s mapper. */
  public static <T> Batch<T> of(WorkersAi ai, ModelDescriptor model, BatchJob job, Class<T> type) {
    ObjectMapper mapper = ai.objectMapper();
    return new Batch<>(job, model.id(), mapper.readerFor(type));
  }

  /** {@code job}, whose results are read as the generic {@code type} with {@code ai}'s mapper. */
  public static <T> Batch<T> of(WorkersAi ai, ModelDescriptor model, BatchJob job, TypeReference<T> type) {
    ObjectMapper mapper = ai.objectMapper();
    return new Batch<>(job, model.id(), mapper.readerFor(type));
  }

  /** The server's id for the batch. */
  public String requestId() {
    return job.requestId();
  }

  /** The number of requests submitted. */
  public int size() {
    return job.size();
  }

  /** The untyped job, for the server's items as sent. */
  public BatchJob job() {
    return job;
  }

  /**
   * Polls until the batch is done or {@code timeout} passes ({@link BatchJob#await}), then reads one
   * result per request, in the order the requests were submitted.
   *
   * @throws RequestTimeoutException when the batch is not done within {@code timeout}
   * @throws InvalidResponseException naming the model, batch and request when a result does not read
   *     as {@code T}
   */
  public List<Result<T>> await(Duration timeout) {
    List<BatchJob.BatchResult> raw = job.await(timeout);
    List<Result<T>> out = new ArrayList<>(raw.size());
    for (BatchJob.BatchResult r : raw) {
      out.add(new Result<>(r.index(), r.success(), r.success() ? read(r) : null, r.externalReference(), r.raw()));
    }
    return List.copyOf(out);
  }

  private T read(BatchJob.BatchResult r) {
    try {
      return reader.readValue(r.result());
    } catch (IOException e) {
      String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new InvalidResponseException("model " + modelId + ": batch " + job.requestId() + ", request " + r.index()
          + ": the result does not read as the model's answer: " + why, e,
          WorkersAiException.Details.forModel(modelId));
    }
  }

  @Override
  public String toString() {
    return "Batch[" + modelId + ", " + job.requestId() + ", " + job.size() + " requests]";
  }

  /**
   * The outcome of one request of a batch.
   *
   * @param index the request's position in the submitted list
   * @param success whether that request succeeded; false also when the server returned nothing for it
   * @param output the model's answer to it, or null when it failed or the server returned nothing for it
   * @param externalReference the caller's reference echoed back, or null
   * @param raw the server's item as sent, or a missing node when the server returned nothing for it
   * @param <T> the answer type
   */
  public record Result<T>(int index, boolean success, T output, String externalReference, JsonNode raw) {}
}
