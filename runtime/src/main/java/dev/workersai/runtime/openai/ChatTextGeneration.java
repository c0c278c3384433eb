package dev.workersai.runtime.openai;

import dev.workersai.runtime.CallOptions;
import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.StreamChunk;
import dev.workersai.runtime.model.ModelDescriptor;
import dev.workersai.runtime.task.TextGenerationModel;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A {@link TextGenerationModel} that goes through {@code /ai/v1/chat/completions}: for models whose
 * {@code /ai/run} answer does not have the task's common shape (gpt-oss, and chat models answering
 * {@code /ai/run} with OpenAI's shape) but that answer chat completions. The prompt is sent as one
 * user message; streamed chunks are given as the runtime's {@link StreamChunk}s.
 */
final class ChatTextGeneration implements TextGenerationModel {
  private final OpenAiCalls calls;
  private final ModelDescriptor model;
  private final CallOptions options;

  ChatTextGeneration(OpenAiCalls calls, ModelDescriptor model, CallOptions options) {
    this.calls = calls;
    this.model = model;
    this.options = options;
  }

  @Override
  public String modelId() {
    return model.id();
  }

  @Override
  public String generate(String prompt) {
    return calls.chatCompletion(model, request(prompt), options).content();
  }

  @Override
  public ChunkStream<StreamChunk> streamText(String prompt) {
    ChunkStream<ChatCompletionChunk> chunks = calls.streamChatCompletion(model, request(prompt), options);
    return new ChunkStream<>() {
      @Override
      public Iterator<StreamChunk> iterator() {
        Iterator<ChatCompletionChunk> source = chunks.iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return source.hasNext();
          }

          @Override
          public StreamChunk next() {
            return toStreamChunk(source.next());
          }
        };
      }

      @Override
      public void close() {
        chunks.close();
      }
    };
  }

  private static ChatCompletionRequest request(String prompt) {
    return ChatCompletionRequest.of(List.of(ChatMessage.user(prompt)));
  }

  static StreamChunk toStreamChunk(ChatCompletionChunk chunk) {
    ChatCompletionChunk.Choice choice = chunk.choices().isEmpty() ? null : chunk.choices().get(0);
    String reasoning = choice == null || choice.delta() == null ? null : choice.delta().reasoningContent();
    Optional<StreamChunk.Usage> usage = Optional.ofNullable(chunk.usage())
        .map(u -> new StreamChunk.Usage(u.promptTokens(), u.completionTokens(), u.totalTokens()));
    return new StreamChunk(chunk.content(), reasoning, List.of(), usage,
        Optional.ofNullable(choice == null ? null : choice.finishReason()), null);
  }
}
