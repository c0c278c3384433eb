package dev.workersai.emulator.openai;

import static dev.workersai.emulator.openai.CorpusEmulator.CHAT;
import static dev.workersai.emulator.openai.CorpusEmulator.EMBED;
import static dev.workersai.emulator.openai.CorpusEmulator.GPT_OSS;
import static dev.workersai.emulator.openai.CorpusEmulator.TOOLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workersai.emulator.WorkersAiEmulator;
import dev.workersai.emulator.fault.Fault;
import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.DailyQuotaExceededException;
import dev.workersai.runtime.InvalidRequestException;
import dev.workersai.runtime.RateLimitException;
import dev.workersai.runtime.WorkersAi;
import dev.workersai.runtime.model.ModelDescriptor;
import dev.workersai.runtime.openai.ChatCompletion;
import dev.workersai.runtime.openai.ChatCompletionChunk;
import dev.workersai.runtime.openai.ChatCompletionRequest;
import dev.workersai.runtime.openai.ChatMessage;
import dev.workersai.runtime.openai.Embeddings;
import dev.workersai.runtime.openai.EmbeddingsRequest;
import dev.workersai.runtime.openai.OpenAiCalls;
import dev.workersai.runtime.openai.ResponseFormat;
import dev.workersai.runtime.openai.ResponsesRequest;
import dev.workersai.runtime.openai.ResponsesResult;
import dev.workersai.runtime.openai.Tool;
import dev.workersai.runtime.openai.ToolCall;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's typed {@code /ai/v1} calls against the emulator serving the real catalog. */
class OpenAiCallsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path temp;
  private static WorkersAiEmulator emulator;
  private static WorkersAi ai;

  @BeforeAll
  static void start() throws Exception {
    emulator = CorpusEmulator.start(temp);
    ai = WorkersAi.builder().accountId(emulator.accountId()).apiToken(emulator.token()).baseUrl(emulator.baseUrl())
        .gatewayBaseUrl(emulator.gatewayBaseUrl()).maxRetries(0).build();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.faults().clear();
    emulator.requestLog().clear();
  }

  private static ModelDescriptor model(String id) {
    return ModelDescriptor.of(id, "Text Generation");
  }

  @Test
  void chatCompletionAnswersWithTextAndUsage() {
    ChatCompletion answer = ai.openAi().chatCompletion(model(CHAT),
        ChatCompletionRequest.of(List.of(ChatMessage.system("Be brief."), ChatMessage.user("What is Cloudflare?"))));

    assertThat(answer.model()).isEqualTo(CHAT);
    assertThat(answer.content()).contains("What is Cloudflare?");
    assertThat(answer.choices().get(0).finishReason()).isEqualTo("stop");
    assertThat(answer.usage().totalTokens()).isEqualTo(answer.usage().promptTokens() + answer.usage().completionTokens())
        .isPositive();
    assertThat(emulator.requestLog().count("/client/v4/accounts/" + emulator.accountId() + "/ai/v1/chat/completions"))
        .isEqualTo(1);
  }

  @Test
  void streamedChatCompletionSpellsTheSameTextAndEndsWithUsage() {
    ChatCompletionRequest request = ChatCompletionRequest.of(List.of(ChatMessage.user("Tell me about SSE")));
    String whole = ai.openAi().chatCompletion(model(CHAT), request).content();

    List<ChatCompletionChunk> chunks = new ArrayList<>();
    try (ChunkStream<ChatCompletionChunk> stream = ai.openAi().streamChatCompletion(model(CHAT), request)) {
      stream.forEach(chunks::add);
    }

    assertThat(chunks.stream().map(ChatCompletionChunk::content).reduce("", String::concat)).isEqualTo(whole);
    ChatCompletionChunk last = chunks.get(chunks.size() - 1);
    assertThat(last.usage()).isNotNull();
    assertThat(last.usage().completionTokens()).isPositive();
    assertThat(chunks.get(chunks.size() - 2).choices().get(0).finishReason()).isEqualTo("stop");
  }

  @Test
  void toolCallingRoundTrip() throws Exception {
    Tool weather = Tool.function("get_weather", "The weather in a city", JSON.readTree(
        "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}"));
    List<ChatMessage> conversation = new ArrayList<>(List.of(ChatMessage.user("Weather in Lisbon today?")));
    OpenAiCalls calls = ai.openAi();

    ChatCompletion first = calls.chatCompletion(model(TOOLS),
        ChatCompletionRequest.builder().messages(conversation).addTool(weather).build());
    assertThat(first.choices().get(0).finishReason()).isEqualTo("tool_calls");
    ToolCall call = first.toolCalls().get(0);
    assertThat(call.function().name()).isEqualTo("get_weather");
    assertThat(JSON.readTree(call.function().arguments()).path("city").isTextual()).isTrue();
    assertThat(call.id()).isNotBlank();

    conversation.add(ChatMessage.assistantToolCalls(first.toolCalls()));
    conversation.add(ChatMessage.tool(call.id(), "{\"celsius\":21}"));
    ChatCompletion second = calls.chatCompletion(model(TOOLS),
        ChatCompletionRequest.builder().messages(conversation).addTool(weather).build());
    assertThat(second.toolCalls()).isEmpty();
    assertThat(second.content()).startsWith("Emulated answer from " + TOOLS);
  }

  @Test
  void streamedToolCallArrivesInPiecesThatJoinToTheWholeCall() throws Exception {
    Tool weather = Tool.function("get_weather", "The weather", JSON.readTree(
        "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},\"days\":{\"type\":\"integer\"}}}"));
    ChatCompletionRequest request = ChatCompletionRequest.builder()
        .addMessage(ChatMessage.user("Weather in Oslo?")).addTool(weather).build();
    ToolCall whole = ai.openAi().chatCompletion(model(TOOLS), request).toolCalls().get(0);

    StringBuilder arguments = new StringBuilder();
    String name = null;
    try (ChunkStream<ChatCompletionChunk> stream = ai.openAi().streamChatCompletion(model(TOOLS), request)) {
      for (ChatCompletionChunk chunk : stream) {
        for (ChatCompletionChunk.Choice choice : chunk.choices()) {
          for (ToolCall piece : choice.delta().toolCalls()) {
            assertThat(piece.index()).isZero();
            name = piece.function().name() != null ? piece.function().name() : name;
            arguments.append(piece.function().arguments());
          }
        }
      }
    }
    assertThat(name).isEqualTo("get_weather");
    assertThat(arguments.toString()).isEqualTo(whole.function().arguments());
  }

  @Test
  void toolsForAModelWithoutFunctionCallingAreRejectedNamingTheModel() throws Exception {
    Tool tool = Tool.function("f", "f", JSON.readTree("{\"type\":\"object\",\"properties\":{}}"));
    assertThatThrownBy(() -> ai.openAi().chatCompletion(model(CHAT),
        ChatCompletionRequest.builder().addMessage(ChatMessage.user("hi")).addTool(tool).build()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(CHAT)
        .hasMessageContaining("function calling");
  }

  @Test
  void gptOssAnswersATypedResponsesCall() {
    ResponsesResult result = ai.openAi().responses(model(GPT_OSS),
        ResponsesRequest.of("What is the origin of the phrase Hello, World?").withReasoningEffort("low"));

    assertThat(result.status()).isEqualTo("completed");
    assertThat(result.model()).isEqualTo(GPT_OSS);
    assertThat(result.outputText()).startsWith("Emulated answer from " + GPT_OSS).contains("Hello, World?");
    assertThat(result.reasoningText()).contains("low");
    assertThat(result.usage().promptTokens()).isPositive(); // input_tokens on the wire
  }

  @Test
  void embeddingsGiveOneVectorPerTextOfTheCatalogsDimensions() {
    Embeddings embeddings = ai.openAi().embeddings(ModelDescriptor.of(EMBED, "Text Embeddings"),
        EmbeddingsRequest.of(List.of("first", "second")));

    assertThat(embeddings.vectors()).hasSize(2).allSatisfy(v -> assertThat(v).hasSize(768));
    assertThat(embeddings.vectors().get(0)).isNotEqualTo(embeddings.vectors().get(1));
  }

  @Test
  void aModelWithoutTheEndpointIsAnErrorNamingModelAndEndpoint() {
    assertThatThrownBy(() -> ai.openAi().embeddings(model(CHAT), EmbeddingsRequest.of(List.of("x"))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(CHAT)
        .hasMessageContaining("/ai/v1/embeddings");
    assertThatThrownBy(() -> ai.openAi().responses(model(CHAT), ResponsesRequest.of("x")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("/ai/v1/responses");
  }

  @Test
  void openAiShapedRateLimitErrorsMapLikeTheEnvelopeOnes() {
    emulator.faults().forModel(CHAT, Fault.rateLimited(3021), 1);
    emulator.faults().forModel(GPT_OSS, Fault.rateLimited(3036), 1);

    assertThatThrownBy(() -> ai.openAi().chatCompletion(model(CHAT),
        ChatCompletionRequest.of(List.of(ChatMessage.user("hi")))))
        .isInstanceOfSatisfying(RateLimitException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(429);
          assertThat(e.errorCode()).contains(3021);
        });
    assertThatThrownBy(() -> ai.openAi().responses(model(GPT_OSS), ResponsesRequest.of("hi")))
        .isInstanceOf(DailyQuotaExceededException.class);
  }

  @Test
  void aRateLimitedCallIsRetriedByTheClientsRetryInterceptor() {
    emulator.faults().forModel(CHAT, Fault.rateLimited(3040), 1);
    WorkersAi retrying = WorkersAi.builder().accountId(emulator.accountId()).apiToken(emulator.token())
        .baseUrl(emulator.baseUrl()).retryPolicy(dev.workersai.runtime.RetryPolicy.defaults()
            .withInitialDelay(java.time.Duration.ofMillis(1))).build();

    ChatCompletion answer = retrying.openAi().chatCompletion(model(CHAT),
        ChatCompletionRequest.of(List.of(ChatMessage.user("hi"))));

    assertThat(answer.content()).isNotEmpty();
    assertThat(emulator.requestLog().total()).isEqualTo(2);
  }

  @Test
  void aTruncatedStreamIsAnErrorNotAShortAnswer() {
    emulator.faults().forModel(CHAT, Fault.dropConnection(), 1);
    assertThatThrownBy(() -> {
      try (ChunkStream<ChatCompletionChunk> stream = ai.openAi().streamChatCompletion(model(CHAT),
          ChatCompletionRequest.of(List.of(ChatMessage.user("one two three four"))))) {
        stream.forEach(chunk -> { });
      }
    }).isInstanceOf(dev.workersai.runtime.WorkersAiException.class);
  }

  @Test
  void throughAiGatewayTheCallKeepsItsEndpointPath() {
    ChatCompletion answer = ai.gateway("my-gw").openAi().chatCompletion(model(CHAT),
        ChatCompletionRequest.of(List.of(ChatMessage.user("via the gateway"))));

    assertThat(answer.content()).contains("via the gateway");
    assertThat(emulator.requestLog().count("/v1/" + emulator.accountId() + "/my-gw/workers-ai/v1/chat/completions"))
        .isEqualTo(1);
  }

  @Test
  void responseFormatMakesTheAnswerJsonOfTheSchema() throws Exception {
    JsonNode schema = JSON.readTree("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},"
        + "\"population\":{\"type\":\"integer\"}},\"required\":[\"city\",\"population\"]}");
    ChatCompletionRequest request = ChatCompletionRequest.builder().addMessage(ChatMessage.user("Largest city?"))
        .responseFormat(ResponseFormat.jsonSchema("city", schema)).build();

    JsonNode whole = JSON.readTree(ai.openAi().chatCompletion(model(CHAT), request).content());
    StringBuilder streamed = new StringBuilder();
    try (ChunkStream<ChatCompletionChunk> stream = ai.openAi().streamChatCompletion(model(CHAT), request)) {
      stream.forEach(chunk -> streamed.append(chunk.content()));
    }

    assertThat(whole.path("city").isTextual()).isTrue();
    assertThat(whole.path("population").isInt()).isTrue();
    assertThat(JSON.readTree(streamed.toString())).isEqualTo(whole);
    assertThat(JSON.readTree(ai.openAi().chatCompletion(model(CHAT), ChatCompletionRequest.builder()
        .addMessage(ChatMessage.user("x")).responseFormat(ResponseFormat.jsonObject()).build()).content())
        .path("response").asText()).startsWith("Emulated answer");
  }
}
