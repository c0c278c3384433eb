package dev.workersai.langchain4j.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.workersai.runtime.StreamAccumulator;
import dev.workersai.runtime.StreamChunk;
import dev.workersai.runtime.task.ChatAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * LangChain4j requests to the Workers AI chat body and answers back, on a fake model (the emulator
 * never calls tools): tool specifications and results, tool calls, usage, finish reasons, refusals.
 */
class ChatMappingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ToolSpecification WEATHER = ToolSpecification.builder().name("weather").description("Weather")
      .parameters(dev.langchain4j.model.chat.request.json.JsonObjectSchema.builder().addStringProperty("city", "City")
          .required("city").build()).build();

  @Test
  void aToolCallAnswerBecomesToolExecutionRequestsWithUsage() {
    FakeChatModel model = new FakeChatModel(true, true);
    model.answer = new ChatAnswer("", "", List.of(new StreamAccumulator.ToolCall(0, "call_1", "function", "weather",
        "{\"city\":\"Paris\"}")), Optional.of(new StreamChunk.Usage(12, 5, 17)), Optional.empty());

    ChatResponse response = new WorkersAiChatModel(model).chat(ChatRequest.builder()
        .messages(UserMessage.from("Weather in Paris?")).toolSpecifications(WEATHER).temperature(0.2).maxOutputTokens(64).build());

    assertThat(response.aiMessage().toolExecutionRequests()).singleElement().satisfies(r -> {
      assertThat(r.id()).isEqualTo("call_1");
      assertThat(r.name()).isEqualTo("weather");
      assertThat(r.arguments()).isEqualTo("{\"city\":\"Paris\"}");
    });
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(12);
    assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(5);
    ObjectNode sent = model.requests.get(0);
    assertThat(sent.at("/tools/0/type").asText()).isEqualTo("function");
    assertThat(sent.at("/tools/0/function/name").asText()).isEqualTo("weather");
    assertThat(sent.at("/tools/0/function/parameters/properties/city/description").asText()).isEqualTo("City");
    assertThat(sent.get("temperature").asDouble()).isEqualTo(0.2);
    assertThat(sent.get("max_tokens").asInt()).isEqualTo(64);
  }

  @Test
  void toolResultsGoBackAsToolMessagesAfterTheAssistantsCalls() throws Exception {
    FakeChatModel model = new FakeChatModel(true, true);
    model.answer = new ChatAnswer("It is sunny", "", List.of(), Optional.empty(), Optional.of("length"));
    ToolExecutionRequest call = ToolExecutionRequest.builder().id("call_1").name("weather").arguments("{\"city\":\"Paris\"}").build();

    ChatResponse response = new WorkersAiChatModel(model).chat(List.of(UserMessage.from("Weather?"),
        AiMessage.from(call), ToolExecutionResultMessage.from(call, "sunny")));

    assertThat(response.aiMessage().text()).isEqualTo("It is sunny");
    assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(model.requests.get(0).get("messages")).isEqualTo(JSON.readTree("[{\"role\":\"user\",\"content\":\"Weather?\"},"
        + "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
        + "\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},"
        + "{\"role\":\"tool\",\"content\":\"sunny\",\"tool_call_id\":\"call_1\",\"name\":\"weather\"}]"));
  }

  @Test
  void toolsAndResponseFormatsTheSchemaLacksAreRefusedBeforeSending() {
    FakeChatModel model = new FakeChatModel(false, true);
    WorkersAiChatModel chat = new WorkersAiChatModel(model);

    assertThatThrownBy(() -> chat.chat(ChatRequest.builder().messages(UserMessage.from("x")).toolSpecifications(WEATHER).build()))
        .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("@cf/test/chat").hasMessageContaining("tools");
    assertThatThrownBy(() -> chat.chat(ChatRequest.builder().messages(UserMessage.from("x")).responseFormat(ResponseFormat.JSON).build()))
        .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("@cf/test/chat").hasMessageContaining("response_format");
    assertThat(model.requests).isEmpty();
  }

  @Test
  void streamingHandsOverTextThenCompleteToolCallsThenTheResponse() throws Exception {
    FakeChatModel model = new FakeChatModel(true, true);
    model.chunks = List.of(chunk("Let me ", List.of(), Optional.empty()), chunk("check.", List.of(), Optional.empty()),
        chunk("", List.of(JSON.readTree("{\"index\":0,\"id\":\"c1\",\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\"}}"),
            JSON.readTree("{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}")), Optional.of("tool_calls")));
    List<String> events = new ArrayList<>();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();

    new WorkersAiStreamingChatModel(model, Runnable::run, dev.langchain4j.model.chat.request.ChatRequestParameters.builder().build(),
        List.of()).chat("Weather?", new StreamingChatResponseHandler() {
          @Override
          public void onPartialResponse(String partial) {
            events.add("text:" + partial);
          }

          @Override
          public void onCompleteToolCall(CompleteToolCall call) {
            events.add("tool:" + call.toolExecutionRequest().name() + call.toolExecutionRequest().arguments());
          }

          @Override
          public void onCompleteResponse(ChatResponse response) {
            done.complete(response);
          }

          @Override
          public void onError(Throwable error) {
            done.completeExceptionally(error);
          }
        });

    ChatResponse response = done.getNow(null);
    assertThat(events).containsExactly("text:Let me ", "text:check.", "tool:weather{\"city\":\"Paris\"}");
    assertThat(response.aiMessage().text()).isEqualTo("Let me check.");
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    assertThat(model.closed).isTrue();
  }

  @Test
  void aModelThatCannotStreamAnswersThroughTheSameHandlerAndErrorsReachOnError() {
    FakeChatModel model = new FakeChatModel(false, false);
    model.answer = new ChatAnswer("whole", "", List.of(), Optional.empty(), Optional.empty());
    List<String> partials = new ArrayList<>();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    StreamingChatResponseHandler handler = new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String partial) {
        partials.add(partial);
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        done.complete(response);
      }

      @Override
      public void onError(Throwable error) {
        done.completeExceptionally(error);
      }
    };
    WorkersAiStreamingChatModel streaming = new WorkersAiStreamingChatModel(model, Runnable::run,
        dev.langchain4j.model.chat.request.ChatRequestParameters.builder().build(), List.of());

    streaming.chat("hi", handler);
    assertThat(partials).containsExactly("whole");
    assertThat(done.getNow(null).aiMessage().text()).isEqualTo("whole");

    model.answer = null; // the fake then fails inside the call
    CompletableFuture<ChatResponse> failed = new CompletableFuture<>();
    streaming.chat("hi", new StreamingChatResponseHandler() {
      @Override
      public void onCompleteResponse(ChatResponse response) {
        failed.complete(response);
      }

      @Override
      public void onError(Throwable error) {
        failed.completeExceptionally(error);
      }
    });
    assertThat(failed).isCompletedExceptionally();
  }

  private static StreamChunk chunk(String text, List<com.fasterxml.jackson.databind.JsonNode> toolCalls, Optional<String> finish) {
    return new StreamChunk(text, "", toolCalls, Optional.empty(), finish, JSON.createObjectNode());
  }
}
