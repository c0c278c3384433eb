package dev.workersai.spring.ai;

import dev.workersai.runtime.task.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/** A Spring AI {@code EmbeddingModel} over the runtime's {@link EmbeddingModel} task interface. */
public final class WorkersAiEmbeddingModel implements org.springframework.ai.embedding.EmbeddingModel {
  private final EmbeddingModel model;

  public WorkersAiEmbeddingModel(EmbeddingModel model) {
    this.model = Objects.requireNonNull(model, "model");
  }

  @Override
  public EmbeddingResponse call(EmbeddingRequest request) {
    List<List<Double>> vectors = model.embed(request.getInstructions());
    List<Embedding> embeddings = new ArrayList<>(vectors.size());
    for (int i = 0; i < vectors.size(); i++) {
      embeddings.add(new Embedding(floats(vectors.get(i)), i));
    }
    return new EmbeddingResponse(embeddings);
  }

  @Override
  public float[] embed(Document document) {
    return floats(model.embed(List.of(document.getText())).get(0));
  }

  /** The catalog's figure when known; otherwise Spring AI's default (one call to find out). */
  @Override
  public int dimensions() {
    int known = model.dimensions();
    return known > 0 ? known : org.springframework.ai.embedding.EmbeddingModel.super.dimensions();
  }

  private static float[] floats(List<Double> vector) {
    float[] out = new float[vector.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = vector.get(i).floatValue();
    }
    return out;
  }

  @Override
  public String toString() {
    return "WorkersAiEmbeddingModel[" + model.modelId() + "]";
  }
}
