package dev.workersai.langchain4j.chat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.workersai.runtime.StreamAccumulator;
import dev.workersai.runtime.task.ChatAnswer;
import java.util.List;

/** A Workers AI {@link ChatAnswer} as a LangChain4j {@link ChatResponse}. */
final class ChatResponses {
  private ChatResponses() {}

  static ChatResponse toResponse(String modelId, ChatAnswer answer) {
    List<ToolExecutionRequest> calls = answer.toolCalls().stream().map(ChatResponses::toolRequest).toList();
    AiMessage.Builder message = AiMessage.builder().toolExecutionRequests(calls);
    if (!answer.text().isEmpty() || calls.isEmpty()) {
      message.text(answer.text());
    }
    if (!answer.reasoning().isEmpty()) {
      message.thinking(answer.reasoning());
    }
    ChatResponse.Builder response = ChatResponse.builder().aiMessage(message.build()).modelName(modelId)
        .finishReason(finishReason(answer, !calls.isEmpty()));
    answer.usage().ifPresent(u -> response.tokenUsage(
        new TokenUsage((int) u.promptTokens(), (int) u.completionTokens(), (int) u.totalTokens())));
    return response.build();
  }

  static ToolExecutionRequest toolRequest(StreamAccumulator.ToolCall call) {
    String arguments = call.arguments() == null || call.arguments().isBlank() ? "{}" : call.arguments();
    return ToolExecutionRequest.builder().id(call.id()).name(call.name()).arguments(arguments).build();
  }

  /** The answer's reason; when the model states none, tool calls mean it stopped to run them. */
  private static FinishReason finishReason(ChatAnswer answer, boolean toolCalls) {
    return answer.finishReason().map(r -> switch (r) {
      case "stop", "eos", "end_turn" -> toolCalls ? FinishReason.TOOL_EXECUTION : FinishReason.STOP;
      case "length", "max_tokens" -> FinishReason.LENGTH;
      case "tool_calls", "function_call" -> FinishReason.TOOL_EXECUTION;
      case "content_filter" -> FinishReason.CONTENT_FILTER;
      default -> FinishReason.OTHER;
    }).orElse(toolCalls ? FinishReason.TOOL_EXECUTION : FinishReason.STOP);
  }
}
