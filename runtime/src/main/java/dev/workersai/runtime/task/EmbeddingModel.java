package dev.workersai.runtime.task;

import java.util.List;

/**
 * A model that turns texts into vectors: its input has a form whose only required property is
 * {@code text}, accepting a list of strings, and its JSON answer has {@code data}, a list of lists
 * of numbers.
 *
 * <p>Generated model classes implement this when their schema fits; calls sent through it use the
 * model's binding (its {@code WorkersAi} client and call options).
 */
public interface EmbeddingModel {
  /**
   * The model's id, as used in {@code /ai/run/{id}}.
   *
   * @return the id, such as {@code @cf/baai/bge-base-en-v1.5}
   */
  String modelId();

  /**
   * Embeds {@code texts} in one call.
   *
   * @param texts the texts, sent as the input's {@code text} list
   * @return one vector per text, in the order the model answers them (the order of {@code texts})
   * @throws dev.workersai.runtime.WorkersAiException when the call fails, or the model answers in a
   *     form without {@code data} (such as a queued request), naming the model
   */
  List<List<Double>> embed(List<String> texts);

  /**
   * The size of each vector, from the catalog's {@code output_dimensions}.
   *
   * @return the size, or {@code -1} when the catalog does not state it
   */
  int dimensions();
}
