package dev.workersai.langchain4j.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.StreamAccumulator;
import dev.workersai.runtime.StreamChunk;
import dev.workersai.runtime.task.ChatAnswer;
import dev.workersai.runtime.task.ChatCompletionModel;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * A LangChain4j {@link StreamingChatModel} on any Workers AI model whose generated class implements
 * {@link ChatCompletionModel}. Each call reads the model's event stream on {@code executor} and hands
 * text and reasoning to the handler as they arrive, tool calls once complete, then the whole
 * response. A model whose catalog entry lists no stream answers in one piece, through the same
 * handler.
 */
public final class WorkersAiStreamingChatModel implements StreamingChatModel {
  private final ChatCompletionModel model;
  private final Executor executor;
  private final ChatRequestParameters defaults;
  private final List<ChatModelListener> listeners;

  /**
   * A streaming chat model reading each stream on a new daemon thread.
   *
   * @param model the generated model binding
   */
  public WorkersAiStreamingChatModel(ChatCompletionModel model) {
    this(model, WorkersAiStreamingChatModel::daemon, ChatRequestParameters.builder().build(), List.of());
  }

  /**
   * A streaming chat model.
   *
   * @param model the generated model binding
   * @param executor runs each call (it blocks while reading the stream)
   * @param defaults request parameters used where a request leaves them unset
   * @param listeners LangChain4j listeners told of every request, response and error
   */
  public WorkersAiStreamingChatModel(ChatCompletionModel model, Executor executor, ChatRequestParameters defaults,
      List<ChatModelListener> listeners) {
    this.model = Objects.requireNonNull(model, "model");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    ObjectNode body = ChatRequests.toJson(model, request); // unsupported features fail here, in the caller's thread
    try {
      executor.execute(() -> {
        try {
          handler.onCompleteResponse(model.supportsStreaming() ? stream(body, handler) : whole(body, handler));
        } catch (RuntimeException | Error e) {
          handler.onError(e);
        }
      });
    } catch (RejectedExecutionException e) {
      handler.onError(e);
    }
  }

  private ChatResponse stream(ObjectNode body, StreamingChatResponseHandler handler) {
    StreamAccumulator answer = new StreamAccumulator();
    try (ChunkStream<StreamChunk> chunks = model.streamChat(body)) {
      for (StreamChunk chunk : chunks) {
        answer.accept(chunk);
        if (!chunk.reasoning().isEmpty()) {
          handler.onPartialThinking(new PartialThinking(chunk.reasoning()));
        }
        if (!chunk.response().isEmpty()) {
          handler.onPartialResponse(chunk.response());
        }
      }
    }
    return complete(ChatAnswer.of(answer), handler);
  }

  private ChatResponse whole(ObjectNode body, StreamingChatResponseHandler handler) {
    ChatAnswer answer = model.chat(body);
    if (!answer.text().isEmpty()) {
      handler.onPartialResponse(answer.text());
    }
    return complete(answer, handler);
  }

  private ChatResponse complete(ChatAnswer answer, StreamingChatResponseHandler handler) {
    for (int i = 0; i < answer.toolCalls().size(); i++) {
      handler.onCompleteToolCall(new CompleteToolCall(i, ChatResponses.toolRequest(answer.toolCalls().get(i))));
    }
    return ChatResponses.toResponse(model.modelId(), answer);
  }

  private static void daemon(Runnable call) {
    Thread thread = new Thread(call, "workers-ai-langchain4j-stream");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return defaults;
  }

  @Override
  public List<ChatModelListener> listeners() {
    return listeners;
  }

  @Override
  public ModelProvider provider() {
    return ModelProvider.OTHER;
  }

  @Override
  public Set<Capability> supportedCapabilities() {
    return model.supportsResponseFormat() ? Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA) : Set.of();
  }

  @Override
  public String toString() {
    return "WorkersAiStreamingChatModel[" + model.modelId() + "]";
  }
}
