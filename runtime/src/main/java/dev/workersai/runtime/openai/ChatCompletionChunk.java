package dev.workersai.runtime.openai;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One event of a streamed chat completion. Text arrives as {@link Delta#content()} pieces; tool
 * calls as {@link Delta#toolCalls()} pieces keyed by {@link ToolCall#index()} (their arguments
 * split across chunks); the last chunk before {@code [DONE]} carries {@link #usage()} and usually
 * no choice.
 *
 * @param id the completion's id
 * @param model the model that answers
 * @param choices the deltas, one per choice; empty on the usage chunk
 * @param usage token counts, on the last chunk only
 */
public record ChatCompletionChunk(String id, String model, List<Choice> choices, Usage usage) {

  public ChatCompletionChunk {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  /** The first choice's text piece, empty when there is none. */
  public String content() {
    return choices.isEmpty() || choices.get(0).delta() == null || choices.get(0).delta().content() == null ? ""
        : choices.get(0).delta().content();
  }

  /**
   * A choice's delta.
   *
   * @param index which choice
   * @param delta what is new
   * @param finishReason set on the choice's last chunk
   */
  public record Choice(int index, Delta delta, @JsonProperty("finish_reason") String finishReason) {}

  /**
   * What a chunk adds to the message.
   *
   * @param role set on the first chunk
   * @param content a piece of text
   * @param reasoningContent a piece of reasoning (reasoning models)
   * @param toolCalls pieces of tool calls
   */
  public record Delta(String role, String content,
      @JsonProperty("reasoning_content") @JsonAlias("reasoning") String reasoningContent,
      @JsonProperty("tool_calls") List<ToolCall> toolCalls) {

    public Delta {
      toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }
  }
}
