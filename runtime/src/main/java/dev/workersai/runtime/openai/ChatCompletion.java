package dev.workersai.runtime.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * The answer of {@code /ai/v1/chat/completions}.
 *
 * @param id the completion's id
 * @param model the model that answered
 * @param created seconds since the epoch
 * @param choices the generated choices (one unless {@code n} was asked)
 * @param usage token counts, when reported
 */
public record ChatCompletion(String id, String model, long created, List<Choice> choices, Usage usage) {

  public ChatCompletion {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  /** The first choice's message. @throws IllegalStateException when the answer has no choice */
  public ChatMessage message() {
    if (choices.isEmpty()) {
      throw new IllegalStateException("chat completion " + id + " from " + model + " has no choices");
    }
    return choices.get(0).message();
  }

  /** The first choice's text, empty when the model only called tools. */
  public String content() {
    return Optional.ofNullable(message().content()).orElse("");
  }

  /** The tools the first choice calls. */
  public List<ToolCall> toolCalls() {
    return message().toolCalls();
  }

  /**
   * One generated choice.
   *
   * @param index its position
   * @param message the assistant's message
   * @param finishReason {@code stop}, {@code length} or {@code tool_calls}
   */
  public record Choice(int index, ChatMessage message, @JsonProperty("finish_reason") String finishReason) {}
}
