package dev.workersai.runtime.task;

import dev.workersai.runtime.StreamAccumulator;
import dev.workersai.runtime.StreamChunk;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole chat answer, read from any of the shapes {@link TaskCalls#text} reads.
 *
 * @param text the answer's text (empty when the model only called tools)
 * @param reasoning reasoning text, empty when none
 * @param toolCalls the tool calls, in order
 * @param usage token usage, when the model reports it
 * @param finishReason why generation stopped, when the model says
 */
public record ChatAnswer(String text, String reasoning, List<StreamAccumulator.ToolCall> toolCalls,
    Optional<StreamChunk.Usage> usage, Optional<String> finishReason) {
  /** Copies the list; requires every part. */
  public ChatAnswer {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(reasoning, "reasoning");
    toolCalls = List.copyOf(toolCalls);
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(finishReason, "finishReason");
  }

  /**
   * The answer merged from its chunks.
   *
   * @param chunks the accumulated chunks of a streamed or whole answer
   * @return the answer
   */
  public static ChatAnswer of(StreamAccumulator chunks) {
    return new ChatAnswer(chunks.text(), chunks.reasoning(), chunks.toolCalls(), chunks.usage(), chunks.finishReason());
  }
}
