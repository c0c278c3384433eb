package dev.workersai.runtime.task;

import dev.workersai.runtime.BinaryOutput;

/**
 * A model that reads text aloud: its input has a form whose only required property is a string
 * {@code text} or {@code prompt}, and it answers the audio either as a binary body or as a JSON
 * object with {@code audio}, a base64 string.
 *
 * <p>Generated model classes implement this when their schema fits; calls sent through it use the
 * model's binding (its {@code WorkersAi} client and call options).
 */
public interface TextToSpeechModel {
  /**
   * The model's id, as used in {@code /ai/run/{id}}.
   *
   * @return the id, such as {@code @cf/deepgram/aura-1}
   */
  String modelId();

  /**
   * Reads {@code text} aloud with the model's default voice.
   *
   * @param text the text
   * @return the audio's bytes and content type (from the response, else recognised from the bytes)
   * @throws dev.workersai.runtime.WorkersAiException when the call fails, or the answer carries no
   *     audio, naming the model
   */
  BinaryOutput speak(String text);
}
