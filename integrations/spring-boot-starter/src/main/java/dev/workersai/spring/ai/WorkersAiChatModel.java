package dev.workersai.spring.ai;

import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.StreamChunk;
import dev.workersai.runtime.task.TextGenerationModel;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * A Spring AI {@link ChatModel} over a {@link TextGenerationModel} (a generated model class or a
 * generic binding). The task interface takes one prompt: a single user message is sent as it is;
 * a conversation is sent as one prompt with each message on its own paragraph, prefixed with its
 * role. Chat options (temperature, tools) are not passed on.
 */
public final class WorkersAiChatModel implements ChatModel {
  private final TextGenerationModel model;

  public WorkersAiChatModel(TextGenerationModel model) {
    this.model = Objects.requireNonNull(model, "model");
  }

  @Override
  public ChatResponse call(Prompt prompt) {
    return answer(model.generate(promptText(prompt)));
  }

  /** Streams on a bounded-elastic thread (reading the answer blocks); cancelling closes the HTTP stream. */
  @Override
  public Flux<ChatResponse> stream(Prompt prompt) {
    return Flux.using(() -> model.streamText(promptText(prompt)), Flux::fromIterable, ChunkStream::close)
        .filter(chunk -> !chunk.response().isEmpty())
        .map(StreamChunk::response)
        .map(WorkersAiChatModel::answer)
        .subscribeOn(Schedulers.boundedElastic());
  }

  static String promptText(Prompt prompt) {
    List<Message> messages = prompt.getInstructions();
    if (messages.size() == 1 && messages.get(0).getMessageType() == MessageType.USER) {
      return messages.get(0).getText();
    }
    return messages.stream()
        .map(m -> role(m.getMessageType()) + ": " + m.getText())
        .collect(Collectors.joining("\n\n"));
  }

  private static String role(MessageType type) {
    switch (type) {
      case SYSTEM:
        return "System";
      case ASSISTANT:
        return "Assistant";
      case TOOL:
        return "Tool";
      default:
        return "User";
    }
  }

  private static ChatResponse answer(String text) {
    return new ChatResponse(List.of(new Generation(new AssistantMessage(text))));
  }

  @Override
  public String toString() {
    return "WorkersAiChatModel[" + model.modelId() + "]";
  }
}
