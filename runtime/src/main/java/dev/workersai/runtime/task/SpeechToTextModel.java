package dev.workersai.runtime.task;

/**
 * A model that transcribes audio: its input has a form whose only required property is
 * {@code audio} (bytes, a base64 string, or a {@code {body, contentType}} request body), and its
 * JSON answer has the text as {@code text} (Whisper) or as
 * {@code results.channels[0].alternatives[0].transcript} (Deepgram).
 *
 * <p>Generated model classes implement this when their schema fits; calls sent through it use the
 * model's binding (its {@code WorkersAi} client and call options).
 */
public interface SpeechToTextModel {
  /**
   * The model's id, as used in {@code /ai/run/{id}}.
   *
   * @return the id, such as {@code @cf/openai/whisper}
   */
  String modelId();

  /**
   * Transcribes {@code audio} in one call.
   *
   * @param audio the recording
   * @param contentType its media type, such as {@code audio/wav}; sent where the model takes the
   *     audio as the request body, ignored where it takes it inside JSON
   * @return the transcript
   * @throws dev.workersai.runtime.WorkersAiException when the call fails, or the answer carries no
   *     transcript, naming the model
   */
  String transcribe(byte[] audio, String contentType);
}
