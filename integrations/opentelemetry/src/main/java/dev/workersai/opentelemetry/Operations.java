package dev.workersai.opentelemetry;

import java.util.Locale;

/** The {@code gen_ai.operation.name} of a call, from the model's catalog task. */
final class Operations {
  private Operations() {}

  /**
   * {@code chat} for text generation (every Workers AI text model takes messages), {@code embeddings}
   * for text embeddings; for tasks the conventions do not name, the task in snake case
   * ({@code text_to_image}, {@code automatic_speech_recognition}), or {@code run} when it is unknown.
   */
  static String of(String task) {
    String normalized = task.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    switch (normalized) {
      case "text_generation":
        return "chat";
      case "text_embeddings":
        return "embeddings";
      case "":
        return "run";
      default:
        return normalized;
    }
  }
}
