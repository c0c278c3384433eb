package dev.workersai.langchain4j;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.DimensionAwareEmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.workersai.runtime.task.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A LangChain4j embedding model on any Workers AI model whose generated class implements the
 * runtime's {@link EmbeddingModel}: {@code new WorkersAiEmbeddingModel(BgeBaseEnV1_5.on(ai))}.
 * Segments are sent in batches of at most {@code batchSize} texts (the catalog's embedding models
 * take up to 100 per call).
 */
public final class WorkersAiEmbeddingModel extends DimensionAwareEmbeddingModel {
  /** The batch size used unless another is given: the largest the catalog's embedding models take. */
  public static final int DEFAULT_BATCH_SIZE = 100;

  private final EmbeddingModel model;
  private final int batchSize;

  /**
   * An embedding model sending batches of {@link #DEFAULT_BATCH_SIZE}.
   *
   * @param model the generated model binding
   */
  public WorkersAiEmbeddingModel(EmbeddingModel model) {
    this(model, DEFAULT_BATCH_SIZE);
  }

  /**
   * An embedding model.
   *
   * @param model the generated model binding
   * @param batchSize the most texts per call, at least 1
   */
  public WorkersAiEmbeddingModel(EmbeddingModel model, int batchSize) {
    this.model = Objects.requireNonNull(model, "model");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
    }
    this.batchSize = batchSize;
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    List<String> texts = segments.stream().map(TextSegment::text).toList();
    List<Embedding> embeddings = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += batchSize) {
      List<String> batch = texts.subList(from, Math.min(texts.size(), from + batchSize));
      List<List<Double>> vectors = model.embed(batch);
      if (vectors.size() != batch.size()) {
        throw new IllegalStateException(model.modelId() + " answered " + vectors.size() + " vectors for " + batch.size() + " texts");
      }
      vectors.forEach(v -> embeddings.add(embedding(v)));
    }
    return Response.from(embeddings);
  }

  @Override
  protected Integer knownDimension() {
    return model.dimensions() >= 0 ? model.dimensions() : null;
  }

  @Override
  public String modelName() {
    return model.modelId();
  }

  private static Embedding embedding(List<Double> vector) {
    float[] values = new float[vector.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = vector.get(i).floatValue();
    }
    return Embedding.from(values);
  }

  @Override
  public String toString() {
    return "WorkersAiEmbeddingModel[" + model.modelId() + "]";
  }
}
