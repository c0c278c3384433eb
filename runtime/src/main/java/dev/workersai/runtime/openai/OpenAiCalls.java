package dev.workersai.runtime.openai;

import dev.workersai.runtime.CallOptions;
import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.WorkersAi;
import dev.workersai.runtime.internal.openai.V1Transport;
import dev.workersai.runtime.model.ModelDescriptor;
import java.util.Objects;

/**
 * Typed calls to the OpenAI-compatible endpoints, made through one {@link WorkersAi} client (get one
 * with {@link WorkersAi#openAi()}). Each call names the model by its {@link ModelDescriptor} (a
 * generated class's {@code DESCRIPTOR}), so the client-side rate limit of that model applies; the
 * request's {@code model} field is filled in from it.
 *
 * <pre>{@code
 * ChatCompletion answer = ai.openAi().chatCompletion(Llama3_1_8bInstruct.DESCRIPTOR,
 *     ChatCompletionRequest.of(List.of(ChatMessage.user("Hi"))));
 * ResponsesResult r = ai.openAi().responses(GptOss120b.DESCRIPTOR, ResponsesRequest.of("Hi"));
 * }</pre>
 *
 * <p>Errors are the runtime's {@link dev.workersai.runtime.WorkersAiException} subclasses whether the
 * server answers in OpenAI's error shape or Cloudflare's envelope.
 */
public final class OpenAiCalls {
  static final String CHAT_COMPLETIONS = "chat/completions";
  static final String EMBEDDINGS = "embeddings";
  static final String RESPONSES = "responses";

  private final V1Transport transport;

  /** Made by {@link WorkersAi#openAi()}. */
  public OpenAiCalls(V1Transport transport) {
    this.transport = Objects.requireNonNull(transport, "transport");
  }

  /** {@code POST /ai/v1/chat/completions} with default options. */
  public ChatCompletion chatCompletion(ModelDescriptor model, ChatCompletionRequest request) {
    return chatCompletion(model, request, CallOptions.defaults());
  }

  /** {@code POST /ai/v1/chat/completions}. */
  public ChatCompletion chatCompletion(ModelDescriptor model, ChatCompletionRequest request, CallOptions options) {
    return transport.call(CHAT_COMPLETIONS, model, request.forCall(model.id(), false), options,
        ChatCompletion.class);
  }

  /**
   * {@code POST /ai/v1/chat/completions} with {@code "stream": true} and {@code include_usage}: the
   * chunks as they arrive, the last one with usage. Close the stream to cancel the call.
   */
  public ChunkStream<ChatCompletionChunk> streamChatCompletion(ModelDescriptor model, ChatCompletionRequest request) {
    return streamChatCompletion(model, request, CallOptions.defaults());
  }

  /** {@link #streamChatCompletion(ModelDescriptor, ChatCompletionRequest)} with {@code options}. */
  public ChunkStream<ChatCompletionChunk> streamChatCompletion(ModelDescriptor model, ChatCompletionRequest request,
      CallOptions options) {
    return transport.stream(CHAT_COMPLETIONS, model, request.forCall(model.id(), true), options,
        ChatCompletionChunk.class, ChatTextGeneration::toStreamChunk);
  }

  /** {@code POST /ai/v1/embeddings} with default options. */
  public Embeddings embeddings(ModelDescriptor model, EmbeddingsRequest request) {
    return embeddings(model, request, CallOptions.defaults());
  }

  /** {@code POST /ai/v1/embeddings}. */
  public Embeddings embeddings(ModelDescriptor model, EmbeddingsRequest request, CallOptions options) {
    return transport.call(EMBEDDINGS, model, request.forCall(model.id()), options, Embeddings.class);
  }

  /** {@code POST /ai/v1/responses} with default options. */
  public ResponsesResult responses(ModelDescriptor model, ResponsesRequest request) {
    return responses(model, request, CallOptions.defaults());
  }

  /** {@code POST /ai/v1/responses} (OpenAI's Responses API; the documented way to call gpt-oss). */
  public ResponsesResult responses(ModelDescriptor model, ResponsesRequest request, CallOptions options) {
    return transport.call(RESPONSES, model, request.forCall(model.id()), options, ResponsesResult.class);
  }

  /**
   * {@code model} as a {@link dev.workersai.runtime.task.TextGenerationModel} that goes through chat
   * completions: the prompt as one user message, the answer's content as the text.
   */
  public dev.workersai.runtime.task.TextGenerationModel textGeneration(ModelDescriptor model, CallOptions options) {
    return new ChatTextGeneration(this, Objects.requireNonNull(model, "model"), Objects.requireNonNull(options, "options"));
  }

  @Override
  public String toString() {
    return "OpenAiCalls[/ai/v1]";
  }
}
