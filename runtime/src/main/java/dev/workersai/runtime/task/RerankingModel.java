package dev.workersai.runtime.task;

import java.util.List;

/**
 * A model that scores texts against a query (a reranker): its input has a form taking a string
 * {@code query} and {@code contexts}, a list of {@code {"text": ...}} objects, and its JSON answer
 * has {@code response}, a list of {@code {"id", "score"}} entries.
 *
 * <p>Generated model classes implement this when their schema fits; calls sent through it use the
 * model's binding (its {@code WorkersAi} client and call options).
 */
public interface RerankingModel {
  /**
   * The model's id, as used in {@code /ai/run/{id}}.
   *
   * @return the id, such as {@code @cf/baai/bge-m3}
   */
  String modelId();

  /**
   * Scores each of {@code texts} against {@code query} in one call.
   *
   * @param query the query
   * @param texts the texts to score, sent as the input's {@code contexts}
   * @return one score per text, in the order of {@code texts} (the answer's {@code id} is the index)
   * @throws dev.workersai.runtime.WorkersAiException when the call fails, or the answer lacks a
   *     score for some text, naming the model
   */
  List<Double> scores(String query, List<String> texts);
}
