package dev.workersai.spring;

import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.StreamChunk;
import dev.workersai.runtime.WorkersAi;
import dev.workersai.runtime.task.TextGenerationModel;

/** Shaped like a generated model class: a static on(WorkersAi) and the task interface. */
public final class FakeGeneratedModel implements TextGenerationModel {
  private FakeGeneratedModel() {}

  public static FakeGeneratedModel on(WorkersAi ai) {
    return new FakeGeneratedModel();
  }

  @Override
  public String modelId() {
    return "@cf/fake/generated";
  }

  @Override
  public String generate(String prompt) {
    return "generated: " + prompt;
  }

  @Override
  public ChunkStream<StreamChunk> streamText(String prompt) {
    throw new UnsupportedOperationException("model @cf/fake/generated cannot stream");
  }
}
