package dev.workersai.runtime.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /ai/v1/chat/completions}. The {@code model} is filled in by the call from
 * the model it is made for; {@code stream} and {@code stream_options} by the streaming call.
 *
 * @param model the model id ({@code @cf/...})
 * @param messages the conversation, at least one message
 * @param tools tools the model may call (models the catalog marks {@code function_calling})
 * @param toolChoice {@code "auto"}, {@code "none"}, {@code "required"}, or an object naming a function
 * @param responseFormat JSON mode
 * @param maxTokens the most tokens to generate
 * @param temperature sampling temperature
 * @param topP nucleus sampling
 * @param seed a seed for reproducible sampling
 * @param stream whether to stream (set by {@link OpenAiCalls#streamChatCompletion})
 * @param streamOptions {@code {"include_usage": true}} on streams, so the last chunk carries usage
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ChatCompletionRequest(
    String model,
    List<ChatMessage> messages,
    List<Tool> tools,
    @JsonProperty("tool_choice") Object toolChoice,
    @JsonProperty("response_format") ResponseFormat responseFormat,
    @JsonProperty("max_tokens") Integer maxTokens,
    Double temperature,
    @JsonProperty("top_p") Double topP,
    Long seed,
    Boolean stream,
    @JsonProperty("stream_options") StreamOptions streamOptions) {

  public ChatCompletionRequest {
    messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
    tools = tools == null ? List.of() : List.copyOf(tools);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("messages: a chat completion needs at least one message");
    }
  }

  /** {@code {"include_usage": true}}: the stream's last chunk reports token usage. */
  public record StreamOptions(@JsonProperty("include_usage") boolean includeUsage) {}

  /** A request with only {@code messages}. */
  public static ChatCompletionRequest of(List<ChatMessage> messages) {
    return builder().messages(messages).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** This request for {@code modelId}, streamed or not. */
  ChatCompletionRequest forCall(String modelId, boolean streamed) {
    return new ChatCompletionRequest(modelId, messages, tools, toolChoice, responseFormat, maxTokens, temperature,
        topP, seed, streamed ? Boolean.TRUE : null, streamed ? new StreamOptions(true) : null);
  }

  /** Builds a {@link ChatCompletionRequest}; only messages are required. */
  public static final class Builder {
    private final List<ChatMessage> messages = new ArrayList<>();
    private final List<Tool> tools = new ArrayList<>();
    private Object toolChoice;
    private ResponseFormat responseFormat;
    private Integer maxTokens;
    private Double temperature;
    private Double topP;
    private Long seed;

    private Builder() {}

    public Builder messages(List<ChatMessage> messages) {
      this.messages.addAll(messages);
      return this;
    }

    public Builder addMessage(ChatMessage message) {
      messages.add(Objects.requireNonNull(message, "message"));
      return this;
    }

    public Builder addTool(Tool tool) {
      tools.add(Objects.requireNonNull(tool, "tool"));
      return this;
    }

    /** {@code "auto"}, {@code "none"}, {@code "required"}, or a JSON object naming one function. */
    public Builder toolChoice(Object toolChoice) {
      this.toolChoice = toolChoice;
      return this;
    }

    public Builder responseFormat(ResponseFormat format) {
      this.responseFormat = format;
      return this;
    }

    public Builder maxTokens(int maxTokens) {
      this.maxTokens = maxTokens;
      return this;
    }

    public Builder temperature(double temperature) {
      this.temperature = temperature;
      return this;
    }

    public Builder topP(double topP) {
      this.topP = topP;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public ChatCompletionRequest build() {
      return new ChatCompletionRequest(null, messages, tools, toolChoice, responseFormat, maxTokens, temperature,
          topP, seed, null, null);
    }
  }
}
