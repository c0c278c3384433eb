package dev.workersai.runtime.openai;

import java.util.List;

/**
 * The answer of {@code /ai/v1/embeddings}.
 *
 * @param model the model that answered
 * @param data one embedding per input text, by {@code index}
 * @param usage token counts, when reported
 */
public record Embeddings(String model, List<Embedding> data, Usage usage) {

  public Embeddings {
    data = data == null ? List.of() : List.copyOf(data);
  }

  /** The vectors in input order. */
  public List<float[]> vectors() {
    return data.stream().sorted(java.util.Comparator.comparingInt(Embedding::index)).map(Embedding::embedding).toList();
  }

  /**
   * One vector.
   *
   * @param index the position of its text in the input
   * @param embedding the vector
   */
  public record Embedding(int index, float[] embedding) {}
}
