package dev.workersai.runtime.task;

import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.StreamChunk;

/**
 * A model that turns a text prompt into text: its input has a form whose only required property is
 * a string {@code prompt}, and its JSON answer has a string {@code response}.
 *
 * <p>Generated model classes implement this when their schema fits; calls sent through it use the
 * model's binding (its {@code WorkersAi} client and call options).
 */
public interface TextGenerationModel {
  /**
   * The model's id, as used in {@code /ai/run/{id}}.
   *
   * @return the id, such as {@code @cf/meta/llama-3.1-8b-instruct}
   */
  String modelId();

  /**
   * Runs the model with {@code prompt} as its only input and returns the answer's text.
   *
   * @param prompt the prompt, sent as the input's {@code prompt} property
   * @return the answer's {@code response}
   * @throws dev.workersai.runtime.WorkersAiException when the call fails, or the model answers in a
   *     form without a {@code response} (such as a queued request), naming the model
   */
  String generate(String prompt);

  /**
   * Runs the model with {@code prompt} and {@code "stream": true}; close the stream to cancel the call.
   *
   * @param prompt the prompt, sent as the input's {@code prompt} property
   * @return the chunks, whose {@link StreamChunk#response()} pieces make up the text
   * @throws UnsupportedOperationException when the model cannot stream (its catalog entry has no
   *     event-stream answer); the message names the model
   */
  ChunkStream<StreamChunk> streamText(String prompt);
}
