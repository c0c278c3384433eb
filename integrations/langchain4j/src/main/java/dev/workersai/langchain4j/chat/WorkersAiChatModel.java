package dev.workersai.langchain4j.chat;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.workersai.runtime.task.ChatCompletionModel;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A LangChain4j {@link ChatModel} on any Workers AI model whose generated class implements
 * {@link ChatCompletionModel}: {@code new WorkersAiChatModel(Llama3_1_8bInstruct.on(ai))}.
 *
 * <p>Tools and JSON response formats are sent when the model's schema takes them, and refused with
 * an {@link dev.langchain4j.exception.UnsupportedFeatureException} naming the model otherwise. The
 * request is checked against the model's schema before sending.
 */
public final class WorkersAiChatModel implements ChatModel {
  private final ChatCompletionModel model;
  private final ChatRequestParameters defaults;
  private final List<ChatModelListener> listeners;

  /**
   * A chat model with LangChain4j's default request parameters and no listeners.
   *
   * @param model the generated model binding
   */
  public WorkersAiChatModel(ChatCompletionModel model) {
    this(model, ChatRequestParameters.builder().build(), List.of());
  }

  /**
   * A chat model.
   *
   * @param model the generated model binding
   * @param defaults request parameters used where a request leaves them unset
   * @param listeners LangChain4j listeners told of every request, response and error
   */
  public WorkersAiChatModel(ChatCompletionModel model, ChatRequestParameters defaults, List<ChatModelListener> listeners) {
    this.model = Objects.requireNonNull(model, "model");
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    return ChatResponses.toResponse(model.modelId(), model.chat(ChatRequests.toJson(model, request)));
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
    return "WorkersAiChatModel[" + model.modelId() + "]";
  }
}
