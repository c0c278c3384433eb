package dev.workersai.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workersai.runtime.model.ModelDescriptor;
import dev.workersai.runtime.openai.ChatCompletion;
import dev.workersai.runtime.openai.ChatCompletionChunk;
import dev.workersai.runtime.openai.ChatCompletionRequest;
import dev.workersai.runtime.openai.ChatMessage;
import dev.workersai.runtime.openai.EmbeddingsRequest;
import dev.workersai.runtime.openai.ResponseFormat;
import dev.workersai.runtime.openai.ResponsesRequest;
import dev.workersai.runtime.openai.Tool;
import dev.workersai.runtime.openai.ToolCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The wire behaviour of the typed /ai/v1 calls: paths, bodies, errors of both shapes, streams, gateway. */
class OpenAiWireTest extends MockServerSupport {
  private static final String V1 = "/client/v4/accounts/acc123/ai/v1/";
  private static final String COMPLETION = "{\"id\":\"c1\",\"model\":\"@cf/meta/llama-3.1-8b-instruct\",\"created\":1,"
      + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\"}],"
      + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";

  private static ChatCompletionRequest hello() {
    return ChatCompletionRequest.of(List.of(ChatMessage.user("hello")));
  }

  private static MockResponse sse(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
  }

  @Test
  void chatCompletionPostsOpenAiJsonWithTheModelFilledIn() throws Exception {
    server.enqueue(json(200, COMPLETION));
    Tool tool = Tool.function("f", "does f", JSON.readTree("{\"type\":\"object\"}"));

    ChatCompletion answer = client().openAi().chatCompletion(LLAMA, ChatCompletionRequest.builder()
        .addMessage(ChatMessage.user("hello")).addTool(tool).responseFormat(ResponseFormat.jsonObject())
        .maxTokens(5).build());

    RecordedRequest r = take();
    assertThat(r.getUrl().encodedPath()).isEqualTo(V1 + "chat/completions");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    JsonNode body = bodyJson(r);
    assertThat(body.toString()).isEqualTo("{\"model\":\"@cf/meta/llama-3.1-8b-instruct\","
        + "\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}],"
        + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"description\":\"does f\","
        + "\"parameters\":{\"type\":\"object\"}}}],"
        + "\"response_format\":{\"type\":\"json_object\"},\"max_tokens\":5}");
    assertThat(answer.content()).isEqualTo("hi");
    assertThat(answer.usage().totalTokens()).isEqualTo(2);
  }

  @Test
  void streamAsksForUsageAndReadsChunksUntilDone() throws Exception {
    server.enqueue(sse("data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"a\"}}]}\n\n"
        + "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"},\"finish_reason\":\"stop\"}]}\n\n"
        + "data: {\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}}\n\n"
        + "data: [DONE]\n\n"));

    List<ChatCompletionChunk> chunks = new ArrayList<>();
    try (ChunkStream<ChatCompletionChunk> stream = client().openAi().streamChatCompletion(LLAMA, hello())) {
      stream.forEach(chunks::add);
    }

    JsonNode body = bodyJson(take());
    assertThat(body.path("stream").asBoolean()).isTrue();
    assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
    assertThat(chunks).hasSize(3);
    assertThat(chunks.get(0).content() + chunks.get(1).content()).isEqualTo("ab");
    assertThat(chunks.get(2).usage().completionTokens()).isEqualTo(2);
  }

  @Test
  void aStreamCutBeforeDoneIsTruncatedNotShort() {
    server.enqueue(sse("data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\n"));

    assertThatThrownBy(() -> {
      try (ChunkStream<ChatCompletionChunk> stream = client().openAi().streamChatCompletion(LLAMA, hello())) {
        stream.forEach(chunk -> { });
      }
    }).isInstanceOf(InvalidResponseException.class).hasMessageContaining("without [DONE]")
        .hasMessageContaining(LLAMA.id());
  }

  @Test
  void anErrorEventMidStreamIsThrown() {
    server.enqueue(sse("data: {\"error\":{\"message\":\"3040: Capacity temporarily exceeded\",\"type\":\"server_error\"}}\n\n"));

    assertThatThrownBy(() -> {
      try (ChunkStream<ChatCompletionChunk> stream = client().openAi().streamChatCompletion(LLAMA, hello())) {
        stream.forEach(chunk -> { });
      }
    }).isInstanceOf(RateLimitException.class).hasMessageContaining("Capacity");
  }

  @Test
  void openAiShapedErrorsMapToTheRuntimesExceptions() {
    server.enqueue(json(400, "{\"error\":{\"message\":\"messages: required\",\"type\":\"invalid_request_error\","
        + "\"param\":\"messages\",\"code\":null}}"));
    server.enqueue(json(429, "{\"error\":{\"message\":\"daily allocation used up\",\"type\":\"rate_limit_error\","
        + "\"code\":\"3036\"}}"));

    WorkersAi ai = builder().maxRetries(0).build();
    assertThatThrownBy(() -> ai.openAi().chatCompletion(LLAMA, hello()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("HTTP 400").hasMessageContaining("messages: required").hasMessageContaining(LLAMA.id());
    assertThatThrownBy(() -> ai.openAi().chatCompletion(LLAMA, hello()))
        .isInstanceOfSatisfying(DailyQuotaExceededException.class, e -> assertThat(e.errorCode()).contains(3036));
  }

  @Test
  void cloudflareEnvelopeErrorsOnV1MapToo() {
    server.enqueue(error(400, "[{\"code\":5007,\"message\":\"No such model\"}]"));

    assertThatThrownBy(() -> builder().maxRetries(0).build().openAi().chatCompletion(LLAMA, hello()))
        .isInstanceOf(ModelNotFoundException.class);
  }

  @Test
  void anOpenAiShaped429IsRetried() throws Exception {
    server.enqueue(json(429, "{\"error\":{\"message\":\"Too many requests\",\"type\":\"rate_limit_error\","
        + "\"code\":\"rate_limit_exceeded\"}}"));
    server.enqueue(json(200, COMPLETION));

    assertThat(client().openAi().chatCompletion(LLAMA, hello()).content()).isEqualTo("hi");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void theTokenEchoedInAnErrorIsRedacted() {
    server.enqueue(json(400, "{\"error\":{\"message\":\"bad key " + TOKEN + "\",\"type\":\"invalid_request_error\"}}"));

    assertThatThrownBy(() -> builder().maxRetries(0).build().openAi().chatCompletion(LLAMA, hello()))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN))
        .satisfies(e -> assertThat(((WorkersAiException) e).errors().toString()).doesNotContain(TOKEN));
  }

  @Test
  void theClientSideRateLimitOfTheModelApplies() {
    server.enqueue(json(200, COMPLETION));
    ModelDescriptor oncePerMinute = limited("@cf/meta/llama-3.1-8b-instruct", 1);
    WorkersAi ai = builder().maxRateLimitWait(Duration.ZERO).build();

    ai.openAi().chatCompletion(oncePerMinute, hello());
    assertThatThrownBy(() -> ai.openAi().chatCompletion(oncePerMinute, hello()))
        .isInstanceOf(RateLimitWaitException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void throughTheGatewayTheEndpointPathIsKept() throws Exception {
    server.enqueue(json(200, "{\"data\":[{\"index\":0,\"embedding\":[0.5,0.25]}],\"model\":\"m\"}"));

    var embeddings = client().gateway("my-gw").openAi().embeddings(ModelDescriptor.of("@cf/baai/bge-m3",
        "Text Embeddings"), EmbeddingsRequest.of(List.of("x")));

    assertThat(take().getUrl().encodedPath()).isEqualTo("/gw/v1/acc123/my-gw/workers-ai/v1/embeddings");
    assertThat(embeddings.vectors().get(0)).containsExactly(0.5f, 0.25f);
  }

  @Test
  void responsesCallSendsInputAndReasoning() throws Exception {
    server.enqueue(json(200, "{\"id\":\"r\",\"status\":\"completed\",\"output\":[{\"type\":\"message\","
        + "\"content\":[{\"type\":\"output_text\",\"text\":\"Hello\"},{\"type\":\"output_text\",\"text\":\"!\"}]}],"
        + "\"usage\":{\"input_tokens\":3,\"output_tokens\":2,\"total_tokens\":5}}"));
    ModelDescriptor gptOss = ModelDescriptor.of("@cf/openai/gpt-oss-20b", "Text Generation");

    var result = client().openAi().responses(gptOss, ResponsesRequest.of("Hi").withReasoningEffort("high"));

    RecordedRequest r = take();
    assertThat(r.getUrl().encodedPath()).isEqualTo(V1 + "responses");
    assertThat(bodyJson(r).toString())
        .isEqualTo("{\"model\":\"@cf/openai/gpt-oss-20b\",\"input\":\"Hi\",\"reasoning\":{\"effort\":\"high\"}}");
    assertThat(result.outputText()).isEqualTo("Hello!");
    assertThat(result.usage().promptTokens()).isEqualTo(3);
    assertThat(result.usage().completionTokens()).isEqualTo(2);
  }

  @Test
  void toolCallsAreReadInBothWireForms() throws Exception {
    server.enqueue(json(200, "{\"choices\":[{\"index\":0,\"finish_reason\":\"tool_calls\",\"message\":{"
        + "\"role\":\"assistant\",\"content\":null,\"tool_calls\":["
        + "{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"a\",\"arguments\":\"{\\\"x\\\":1}\"}},"
        + "{\"name\":\"b\",\"arguments\":{\"y\":2}}]}}]}"));

    List<ToolCall> calls = client().openAi().chatCompletion(LLAMA, hello()).toolCalls();

    assertThat(calls).containsExactly(ToolCall.function("call_1", "a", "{\"x\":1}"),
        new ToolCall(null, null, "function", new dev.workersai.runtime.openai.FunctionCall("b", "{\"y\":2}")));
  }

  @Test
  void textGenerationThroughChatCompletionsSendsOneUserMessageAndMapsChunks() throws Exception {
    server.enqueue(json(200, COMPLETION));
    server.enqueue(sse("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\",\"reasoning_content\":\"r\"}}]}\n\n"
        + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
        + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":1,\"total_tokens\":5}}\n\n"
        + "data: [DONE]\n\n"));
    var text = client().openAi().textGeneration(LLAMA, CallOptions.defaults());

    assertThat(text.generate("why?")).isEqualTo("hi");
    assertThat(bodyJson(take()).path("messages").toString()).isEqualTo("[{\"role\":\"user\",\"content\":\"why?\"}]");
    List<StreamChunk> chunks = new ArrayList<>();
    try (ChunkStream<StreamChunk> stream = text.streamText("why?")) {
      stream.forEach(chunks::add);
    }
    assertThat(chunks).extracting(StreamChunk::response).containsExactly("x", "", "");
    assertThat(chunks.get(0).reasoning()).isEqualTo("r");
    assertThat(chunks.get(1).finishReason()).contains("stop");
    assertThat(chunks.get(2).usage()).hasValueSatisfying(u -> assertThat(u.totalTokens()).isEqualTo(5));
  }
}
