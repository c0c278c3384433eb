package dev.workersai.spring.binding;

import dev.workersai.runtime.CallOptions;
import dev.workersai.runtime.RequestPayload;
import dev.workersai.runtime.WorkersAi;
import dev.workersai.runtime.model.ModelDescriptor;
import dev.workersai.runtime.task.EmbeddingModel;
import dev.workersai.runtime.task.TaskCalls;
import java.util.List;
import java.util.Objects;

/** An {@link EmbeddingModel} for any text embeddings model by its id: sends {@code {"text": [..]}}. */
public final class GenericEmbedding implements EmbeddingModel {
  private final WorkersAi ai;
  private final ModelDescriptor model;
  private final int dimensions;

  /** @param dimensions the vector size, or -1 when unknown */
  public GenericEmbedding(WorkersAi ai, ModelDescriptor model, int dimensions) {
    this.ai = Objects.requireNonNull(ai, "ai");
    this.model = Objects.requireNonNull(model, "model");
    this.dimensions = dimensions;
  }

  @Override
  public String modelId() {
    return model.id();
  }

  @Override
  public List<List<Double>> embed(List<String> texts) {
    return TaskCalls.vectors(model.id(), ai.run(model, RequestPayload.json(TaskCalls.texts(texts)), CallOptions.defaults()));
  }

  @Override
  public int dimensions() {
    return dimensions;
  }

  @Override
  public String toString() {
    return "GenericEmbedding[" + model.id() + "]";
  }
}
