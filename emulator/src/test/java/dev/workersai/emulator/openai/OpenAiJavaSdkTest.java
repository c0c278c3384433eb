package dev.workersai.emulator.openai;

import static dev.workersai.emulator.openai.CorpusEmulator.CHAT;
import static dev.workersai.emulator.openai.CorpusEmulator.EMBED;
import static dev.workersai.emulator.openai.CorpusEmulator.GPT_OSS;
import static dev.workersai.emulator.openai.CorpusEmulator.TOOLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.RateLimitException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import dev.workersai.emulator.WorkersAiEmulator;
import dev.workersai.emulator.fault.Fault;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official OpenAI Java SDK (a client we did not write) against the emulator's /ai/v1. */
class OpenAiJavaSdkTest {
  @TempDir static Path temp;
  private static WorkersAiEmulator emulator;
  private static OpenAIClient client;

  @BeforeAll
  static void start() throws Exception {
    emulator = CorpusEmulator.start(temp);
    client = OpenAIOkHttpClient.builder()
        .baseUrl(CorpusEmulator.openAiBaseUrl(emulator))
        .apiKey(emulator.token())
        .maxRetries(0)
        .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    emulator.close();
  }

  @Test
  void chat() {
    ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
        .model(CHAT).addSystemMessage("Be brief.").addUserMessage("What is Workers AI?").build());

    assertThat(completion.choices().get(0).message().content()).get().asString().contains("What is Workers AI?");
    assertThat(completion.usage()).get().satisfies(u -> assertThat(u.totalTokens()).isPositive());
  }

  @Test
  void streamedChatWithUsage() {
    StringBuilder text = new StringBuilder();
    long[] completionTokens = {-1};
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(
        ChatCompletionCreateParams.builder().model(CHAT).addUserMessage("Stream me a sentence")
            .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
      stream.stream().forEach(chunk -> {
        chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append));
        chunk.usage().ifPresent(usage -> completionTokens[0] = usage.completionTokens());
      });
    }
    assertThat(text.toString()).startsWith("Emulated answer from " + CHAT).endsWith("Stream me a sentence");
    assertThat(completionTokens[0]).isPositive();
  }

  @Test
  void toolCallRoundTrip() {
    ChatCompletionFunctionTool weather = ChatCompletionFunctionTool.builder()
        .function(FunctionDefinition.builder().name("get_weather").description("The weather in a city")
            .parameters(FunctionParameters.builder()
                .putAdditionalProperty("type", JsonValue.from("object"))
                .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                .putAdditionalProperty("required", JsonValue.from(List.of("city")))
                .build())
            .build())
        .build();
    ChatCompletionCreateParams first = ChatCompletionCreateParams.builder().model(TOOLS)
        .addUserMessage("Weather in Lisbon?").addTool(weather).build();

    ChatCompletionMessage asked = client.chat().completions().create(first).choices().get(0).message();
    ChatCompletionMessageFunctionToolCall call = asked.toolCalls().orElseThrow().get(0).asFunction();
    assertThat(call.function().name()).isEqualTo("get_weather");
    assertThat(call.function().arguments()).contains("\"city\"");

    ChatCompletion answered = client.chat().completions().create(first.toBuilder()
        .addMessage(asked)
        .addMessage(ChatCompletionToolMessageParam.builder().toolCallId(call.id()).content("21 C, sunny").build())
        .build());
    assertThat(answered.choices().get(0).message().toolCalls().orElse(List.of())).isEmpty();
    assertThat(answered.choices().get(0).message().content()).get().asString().startsWith("Emulated answer");
  }

  @Test
  void embeddings() {
    CreateEmbeddingResponse response = client.embeddings().create(EmbeddingCreateParams.builder()
        .model(EMBED).input(EmbeddingCreateParams.Input.ofArrayOfStrings(List.of("one", "two"))).build());

    assertThat(response.data()).hasSize(2);
    assertThat(response.data().get(0).embedding()).hasSize(768);
  }

  @Test
  void gptOssResponses() {
    Response response = client.responses().create(ResponseCreateParams.builder()
        .model(GPT_OSS).input("Say hello").build());

    String text = response.output().stream()
        .filter(item -> item.isMessage())
        .flatMap(item -> item.asMessage().content().stream())
        .filter(content -> content.isOutputText())
        .map(content -> content.asOutputText().text())
        .reduce("", String::concat);
    assertThat(text).isEqualTo("Emulated answer from " + GPT_OSS + " to: Say hello");
  }

  @Test
  void rateLimitIsTheSdksRateLimitException() {
    emulator.faults().forModel(CHAT, Fault.rateLimited(3021), 1);

    assertThatThrownBy(() -> client.chat().completions().create(ChatCompletionCreateParams.builder()
        .model(CHAT).addUserMessage("hi").build()))
        .isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.statusCode()).isEqualTo(429));
  }
}
