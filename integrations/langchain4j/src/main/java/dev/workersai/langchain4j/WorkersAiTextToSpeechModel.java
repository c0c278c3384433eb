package dev.workersai.langchain4j;

import dev.langchain4j.data.audio.Audio;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.audio.TextToSpeechModel;
import dev.langchain4j.model.audio.TextToSpeechRequest;
import dev.langchain4j.model.audio.TextToSpeechResponse;
import dev.workersai.runtime.BinaryOutput;
import java.util.Objects;

/**
 * A LangChain4j {@link TextToSpeechModel} on any Workers AI model whose generated class implements
 * the runtime's {@link dev.workersai.runtime.task.TextToSpeechModel}:
 * {@code new WorkersAiTextToSpeechModel(Aura1.on(ai))}. The audio comes back as bytes with its media
 * type, whether the model answered bytes (aura) or base64 (melotts). The model's default voice is
 * used: a request naming a voice is refused (set one through the generated class's own input).
 */
public final class WorkersAiTextToSpeechModel implements TextToSpeechModel {
  private final dev.workersai.runtime.task.TextToSpeechModel model;

  /**
   * A text-to-speech model.
   *
   * @param model the generated model binding
   */
  public WorkersAiTextToSpeechModel(dev.workersai.runtime.task.TextToSpeechModel model) {
    this.model = Objects.requireNonNull(model, "model");
  }

  @Override
  public TextToSpeechResponse synthesize(TextToSpeechRequest request) {
    if (request.voice() != null) {
      throw new UnsupportedFeatureException(model.modelId() + ": voices are model-specific; call the generated class with its own input to pick one");
    }
    BinaryOutput audio = model.speak(request.text());
    return TextToSpeechResponse.from(Audio.builder().binaryData(audio.bytes()).mimeType(audio.contentType()).build());
  }

  @Override
  public ModelProvider provider() {
    return ModelProvider.OTHER;
  }

  @Override
  public String toString() {
    return "WorkersAiTextToSpeechModel[" + model.modelId() + "]";
  }
}
