package dev.workersai.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workersai.runtime.model.ModelDescriptor;
import dev.workersai.runtime.observe.CallKind;
import dev.workersai.runtime.observe.CallListener;
import dev.workersai.runtime.observe.CallObserver;
import dev.workersai.runtime.openai.ChatCompletionChunk;
import dev.workersai.runtime.openai.ChatCompletionRequest;
import dev.workersai.runtime.openai.ChatMessage;
import dev.workersai.runtime.openai.ResponsesRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

class CallListenerTest extends MockServerSupport {
  private final List<String> events = new ArrayList<>();

  /** Records every callback as one line. */
  private final CallListener recorder = (model, kind) -> {
    events.add("start " + model.id() + " " + kind);
    return new CallObserver() {
      @Override
      public void rateLimitWaited(Duration waited, boolean granted) {
        events.add("rate-limit " + waited + " " + granted);
      }

      @Override
      public void retrying(int retry, WorkersAiException failure, Duration delay) {
        events.add("retry " + retry + " " + failure.getClass().getSimpleName() + " " + delay);
      }

      @Override
      public void chunk(StreamChunk chunk) {
        events.add("chunk " + chunk.response());
      }

      @Override
      public void succeeded(Optional<StreamChunk.Usage> usage) {
        events.add("ok " + usage.map(u -> u.promptTokens() + "+" + u.completionTokens()).orElse("-"));
      }

      @Override
      public void failed(Throwable failure) {
        events.add("failed " + failure.getClass().getSimpleName());
      }
    };
  };

  @Test
  void aRunHearsItsRateLimitWaitsRetriesAndUsage() {
    server.enqueue(error(503, "[]"));
    server.enqueue(ok("{\"response\":\"hi\",\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":5}}"));
    ModelDescriptor one = limited("@cf/meta/llama-3.1-8b-instruct", 1); // the retry waits a minute for its permit
    WorkersAi ai = builder().callListener(recorder).maxRateLimitWait(Duration.ofMinutes(2)).build();

    ai.run(one, RequestPayload.json(Map.of()), CallOptions.defaults());

    assertThat(events).containsExactly(
        "start @cf/meta/llama-3.1-8b-instruct RUN",
        "rate-limit PT0S true",
        "retry 1 ServerException PT0.5S",
        "rate-limit PT59.6S true", // the next 60-second window (one 0.1 s slot longer), less the 0.5 s backoff
        "ok 3+5");
  }

  @Test
  void aStreamHearsEachChunkAndEndsWithTheLastUsage() {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .body("data: {\"response\":\"a\"}\n\ndata: {\"response\":\"b\",\"usage\":{\"prompt_tokens\":1,"
            + "\"completion_tokens\":2}}\n\ndata: [DONE]\n\n").build());
    WorkersAi ai = builder().callListener(recorder).build();

    try (ChunkStream<StreamChunk> chunks = ai.stream(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults())) {
      chunks.forEach(c -> { });
    }

    assertThat(events).containsExactly(
        "start @cf/meta/llama-3.1-8b-instruct STREAM", "rate-limit PT0S true", "chunk a", "chunk b", "ok 1+2");
  }

  @Test
  void aStreamClosedBeforeItsEndIsReportedOnceAsCancelled() {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .body("data: {\"response\":\"a\"}\n\ndata: {\"response\":\"b\"}\n\ndata: [DONE]\n\n").build());
    WorkersAi ai = builder().callListener(recorder).build();

    ChunkStream<StreamChunk> chunks = ai.stream(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults());
    chunks.iterator().next();
    chunks.close();
    chunks.close();

    assertThat(events).endsWith("chunk a", "failed CancellationException");
  }

  @Test
  void aFailedCallIsReportedWithItsException() {
    server.enqueue(error(400, "[{\"code\":5006,\"message\":\"bad input\"}]"));
    WorkersAi ai = builder().callListener(recorder).build();

    assertThatThrownBy(() -> ai.run(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults()))
        .isInstanceOf(WorkersAiException.class);

    assertThat(events).last().asString().startsWith("failed ");
    assertThat(events).hasSize(3);
  }

  private static final ChatCompletionRequest HELLO = ChatCompletionRequest.of(List.of(ChatMessage.user("hello")));

  @Test
  void anOpenAiCompatibleCallIsObservedLikeARun() {
    server.enqueue(json(503, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"));
    server.enqueue(json(200, "{\"id\":\"c1\",\"model\":\"m\",\"created\":1,\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":\"hi\"}}],"
        + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":5,\"total_tokens\":8}}"));
    WorkersAi ai = builder().callListener(recorder).build();

    ai.openAi().chatCompletion(LLAMA, HELLO);

    assertThat(events).containsExactly(
        "start @cf/meta/llama-3.1-8b-instruct RUN",
        "rate-limit PT0S true",
        "retry 1 ServerException PT0.5S",
        "rate-limit PT0S true",
        "ok 3+5");
  }

  @Test
  void theResponsesApisUsageIsReadUnderItsOwnNames() {
    server.enqueue(json(200, "{\"id\":\"r\",\"status\":\"completed\",\"output\":[],"
        + "\"usage\":{\"input_tokens\":3,\"output_tokens\":2,\"total_tokens\":5}}"));
    WorkersAi ai = builder().callListener(recorder).build();

    ai.openAi().responses(ModelDescriptor.of("@cf/openai/gpt-oss-20b", "Text Generation"), ResponsesRequest.of("Hi"));

    assertThat(events).containsExactly("start @cf/openai/gpt-oss-20b RUN", "rate-limit PT0S true", "ok 3+2");
  }

  @Test
  void anOpenAiCompatibleStreamHearsEachChunkAndEndsWithTheUsage() {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .body("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\n"
            + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":1,\"total_tokens\":5}}\n\n"
            + "data: [DONE]\n\n").build());
    WorkersAi ai = builder().callListener(recorder).build();

    try (ChunkStream<ChatCompletionChunk> chunks = ai.openAi().streamChatCompletion(LLAMA, HELLO)) {
      chunks.forEach(c -> { });
    }

    assertThat(events).containsExactly(
        "start @cf/meta/llama-3.1-8b-instruct STREAM", "rate-limit PT0S true", "chunk a", "chunk ", "ok 4+1");
  }

  @Test
  void aFailedOpenAiCompatibleCallIsReportedWithItsException() {
    server.enqueue(json(400, "{\"error\":{\"message\":\"bad input\",\"type\":\"invalid_request_error\"}}"));
    server.enqueue(json(404, "{\"error\":{\"message\":\"no such model\"}}"));
    WorkersAi ai = builder().callListener(recorder).build();

    assertThatThrownBy(() -> ai.openAi().chatCompletion(LLAMA, HELLO)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> ai.openAi().streamChatCompletion(LLAMA, HELLO))
        .isInstanceOf(ModelNotFoundException.class);

    assertThat(events).containsExactly(
        "start @cf/meta/llama-3.1-8b-instruct RUN", "rate-limit PT0S true", "failed InvalidRequestException",
        "start @cf/meta/llama-3.1-8b-instruct STREAM", "rate-limit PT0S true", "failed ModelNotFoundException");
  }
}
