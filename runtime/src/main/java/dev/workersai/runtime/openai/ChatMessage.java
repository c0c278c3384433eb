package dev.workersai.runtime.openai;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation. In an answer, {@code content} may be null when the model only
 * calls tools, and reasoning models add their reasoning ({@code reasoning_content} or {@code
 * reasoning}).
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content the text
 * @param toolCalls the tools an assistant message calls; empty otherwise
 * @param toolCallId for a {@code tool} message, the id of the call it answers
 * @param reasoningContent a reasoning model's reasoning, when it reports it
 */
public record ChatMessage(
    String role,
    String content,
    @JsonProperty("tool_calls") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ToolCall> toolCalls,
    @JsonProperty("tool_call_id") String toolCallId,
    @JsonProperty("reasoning_content") @JsonAlias("reasoning") String reasoningContent) {

  public ChatMessage {
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  public static ChatMessage system(String content) {
    return new ChatMessage("system", Objects.requireNonNull(content, "content"), null, null, null);
  }

  public static ChatMessage user(String content) {
    return new ChatMessage("user", Objects.requireNonNull(content, "content"), null, null, null);
  }

  public static ChatMessage assistant(String content) {
    return new ChatMessage("assistant", Objects.requireNonNull(content, "content"), null, null, null);
  }

  /** An assistant message that called tools, to send back with their answers. */
  public static ChatMessage assistantToolCalls(List<ToolCall> calls) {
    return new ChatMessage("assistant", null, calls, null, null);
  }

  /** The answer of a tool to the call with id {@code toolCallId}. */
  public static ChatMessage tool(String toolCallId, String content) {
    return new ChatMessage("tool", Objects.requireNonNull(content, "content"),
        null, Objects.requireNonNull(toolCallId, "toolCallId"), null);
  }
}
