package dev.workersai.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One chunk of a streamed text-generation answer, normalised from either the native
 * {@code {"response": ...}} form or the OpenAI-style {@code choices[].delta} form.
 *
 * @param response the text this chunk adds (never null; empty for usage-only chunks)
 * @param reasoning reasoning text this chunk adds (never null; empty when none)
 * @param toolCalls tool-call fragments, as sent
 * @param usage token usage, on the chunk that carries it
 * @param finishReason why generation stopped, on the chunk that says so
 * @param raw the chunk's JSON as received, unknown fields included
 */
public record StreamChunk(
    String response,
    String reasoning,
    List<JsonNode> toolCalls,
    Optional<Usage> usage,
    Optional<String> finishReason,
    JsonNode raw) {

  /**
   * Token counts reported by the model.
   *
   * @param promptTokens tokens in the prompt
   * @param completionTokens tokens generated
   * @param totalTokens the sum
   */
  public record Usage(long promptTokens, long completionTokens, long totalTokens) {}
}
