package dev.workersai.spring.binding;

import dev.workersai.runtime.CallOptions;
import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.RequestPayload;
import dev.workersai.runtime.StreamChunk;
import dev.workersai.runtime.WorkersAi;
import dev.workersai.runtime.model.ModelDescriptor;
import dev.workersai.runtime.task.TaskCalls;
import dev.workersai.runtime.task.TextGenerationModel;
import java.util.Objects;

/**
 * A {@link TextGenerationModel} for any text generation model by its id: sends {@code {"prompt": ..}}
 * unchecked (the server validates it) and reads the answer's text in any of its shapes. A generated
 * model class does the same with its input checked before sending; prefer it when you have one.
 */
public final class GenericTextGeneration implements TextGenerationModel {
  private final WorkersAi ai;
  private final ModelDescriptor model;

  public GenericTextGeneration(WorkersAi ai, ModelDescriptor model) {
    this.ai = Objects.requireNonNull(ai, "ai");
    this.model = Objects.requireNonNull(model, "model");
  }

  @Override
  public String modelId() {
    return model.id();
  }

  @Override
  public String generate(String prompt) {
    return TaskCalls.text(model.id(), ai.run(model, RequestPayload.json(TaskCalls.prompt(prompt)), CallOptions.defaults()));
  }

  @Override
  public ChunkStream<StreamChunk> streamText(String prompt) {
    return ai.stream(model, RequestPayload.json(TaskCalls.prompt(prompt)), CallOptions.defaults());
  }

  @Override
  public String toString() {
    return "GenericTextGeneration[" + model.id() + "]";
  }
}
