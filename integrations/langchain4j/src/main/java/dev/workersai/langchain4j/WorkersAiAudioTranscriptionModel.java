package dev.workersai.langchain4j;

import dev.langchain4j.data.audio.Audio;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.audio.AudioTranscriptionModel;
import dev.langchain4j.model.audio.AudioTranscriptionRequest;
import dev.langchain4j.model.audio.AudioTranscriptionResponse;
import dev.workersai.runtime.Binary;
import dev.workersai.runtime.task.SpeechToTextModel;
import java.util.Objects;

/**
 * A LangChain4j {@link AudioTranscriptionModel} on any Workers AI model whose generated class
 * implements {@link SpeechToTextModel}: {@code new WorkersAiAudioTranscriptionModel(Whisper.on(ai))}.
 * The audio must be given as bytes or base64 (a URL is not fetched); a missing media type is
 * recognised from the bytes where possible.
 */
public final class WorkersAiAudioTranscriptionModel implements AudioTranscriptionModel {
  private final SpeechToTextModel model;

  /**
   * A transcription model.
   *
   * @param model the generated model binding
   */
  public WorkersAiAudioTranscriptionModel(SpeechToTextModel model) {
    this.model = Objects.requireNonNull(model, "model");
  }

  @Override
  public AudioTranscriptionResponse transcribe(AudioTranscriptionRequest request) {
    Audio audio = request.audio();
    byte[] bytes = audio.binaryData() != null ? audio.binaryData()
        : audio.base64Data() != null ? Binary.decodeBase64(audio.base64Data()) : null;
    if (bytes == null) {
      throw new UnsupportedFeatureException(model.modelId() + ": give the audio as bytes or base64; a URL is not fetched");
    }
    String type = audio.mimeType() != null ? audio.mimeType() : Binary.sniff(bytes).orElse("application/octet-stream");
    return AudioTranscriptionResponse.from(model.transcribe(bytes, type));
  }

  @Override
  public ModelProvider provider() {
    return ModelProvider.OTHER;
  }

  @Override
  public String toString() {
    return "WorkersAiAudioTranscriptionModel[" + model.modelId() + "]";
  }
}
