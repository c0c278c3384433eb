package dev.workersai.runtime.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /ai/v1/embeddings}; {@code model} is filled in by the call.
 *
 * @param model the model id
 * @param input the texts to embed, at least one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmbeddingsRequest(String model, List<String> input) {

  public EmbeddingsRequest {
    input = List.copyOf(Objects.requireNonNull(input, "input"));
    if (input.isEmpty()) {
      throw new IllegalArgumentException("input: embeddings need at least one text");
    }
  }

  public static EmbeddingsRequest of(List<String> texts) {
    return new EmbeddingsRequest(null, texts);
  }

  EmbeddingsRequest forCall(String modelId) {
    return new EmbeddingsRequest(modelId, input);
  }
}
