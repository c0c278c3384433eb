package dev.workersai.runtime.task;

import dev.workersai.runtime.BinaryOutput;

/**
 * A model that draws an image from a text prompt: its input has a form whose only required property
 * is a string {@code prompt}, and it answers the image either as a binary body or as a JSON object
 * with {@code image}, a base64 string.
 *
 * <p>Generated model classes implement this when their schema fits; calls sent through it use the
 * model's binding (its {@code WorkersAi} client and call options).
 */
public interface TextToImageModel {
  /**
   * The model's id, as used in {@code /ai/run/{id}}.
   *
   * @return the id, such as {@code @cf/black-forest-labs/flux-1-schnell}
   */
  String modelId();

  /**
   * Runs the model with {@code prompt} as its only input.
   *
   * @param prompt the prompt, sent as the input's {@code prompt} property
   * @return the image's bytes and content type (from the response, else recognised from the bytes)
   * @throws dev.workersai.runtime.WorkersAiException when the call fails, or the answer carries no
   *     image, naming the model
   */
  BinaryOutput generateImage(String prompt);
}
