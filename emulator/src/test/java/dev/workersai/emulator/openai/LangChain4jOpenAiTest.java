package dev.workersai.emulator.openai;

import static dev.workersai.emulator.openai.CorpusEmulator.CHAT;
import static dev.workersai.emulator.openai.CorpusEmulator.EMBED;
import static dev.workersai.emulator.openai.CorpusEmulator.TOOLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.workersai.emulator.WorkersAiEmulator;
import dev.workersai.emulator.fault.Fault;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LangChain4j's OpenAI module (a client we did not write) against the emulator's /ai/v1. */
class LangChain4jOpenAiTest {
  @TempDir static Path temp;
  private static WorkersAiEmulator emulator;

  @BeforeAll
  static void start() throws Exception {
    emulator = CorpusEmulator.start(temp);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static OpenAiChatModel chatModel(String model) {
    return OpenAiChatModel.builder().baseUrl(CorpusEmulator.openAiBaseUrl(emulator)).apiKey(emulator.token())
        .modelName(model).maxRetries(0).build();
  }

  @Test
  void chat() {
    String answer = chatModel(CHAT).chat("What is an emulator?");

    assertThat(answer).isEqualTo("Emulated answer from " + CHAT + " to: What is an emulator?");
  }

  @Test
  void streamedChat() throws Exception {
    OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
        .baseUrl(CorpusEmulator.openAiBaseUrl(emulator)).apiKey(emulator.token()).modelName(CHAT).build();
    StringBuilder partial = new StringBuilder();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();

    model.chat("Stream this please", new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String text) {
        partial.append(text);
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

    ChatResponse response = done.get(30, TimeUnit.SECONDS);
    assertThat(partial.toString()).isEqualTo("Emulated answer from " + CHAT + " to: Stream this please");
    assertThat(response.aiMessage().text()).isEqualTo(partial.toString());
  }

  @Test
  void toolCallRoundTrip() {
    OpenAiChatModel model = chatModel(TOOLS);
    ToolSpecification weather = ToolSpecification.builder().name("get_weather").description("The weather in a city")
        .parameters(JsonObjectSchema.builder().addStringProperty("city").required("city").build()).build();
    List<ChatMessage> messages = new ArrayList<>(List.of(UserMessage.from("Weather in Lisbon?")));

    ChatResponse asked = model.chat(ChatRequest.builder().messages(messages).toolSpecifications(weather).build());
    AiMessage call = asked.aiMessage();
    assertThat(call.hasToolExecutionRequests()).isTrue();
    ToolExecutionRequest request = call.toolExecutionRequests().get(0);
    assertThat(request.name()).isEqualTo("get_weather");
    assertThat(request.arguments()).contains("\"city\"");

    messages.add(call);
    messages.add(ToolExecutionResultMessage.from(request, "21 C, sunny"));
    ChatResponse answered = model.chat(ChatRequest.builder().messages(messages).toolSpecifications(weather).build());
    assertThat(answered.aiMessage().hasToolExecutionRequests()).isFalse();
    assertThat(answered.aiMessage().text()).startsWith("Emulated answer from " + TOOLS);
  }

  @Test
  void embeddings() {
    OpenAiEmbeddingModel model = OpenAiEmbeddingModel.builder().baseUrl(CorpusEmulator.openAiBaseUrl(emulator))
        .apiKey(emulator.token()).modelName(EMBED).maxRetries(0).build();

    float[] vector = model.embed("hello").content().vector();

    assertThat(vector).hasSize(768);
  }

  @Test
  void rateLimitIsLangChain4jsRateLimitException() {
    emulator.faults().forModel(CHAT, Fault.rateLimited(3021), 1);

    assertThatThrownBy(() -> chatModel(CHAT).chat("hi")).isInstanceOf(RateLimitException.class);
  }
}
