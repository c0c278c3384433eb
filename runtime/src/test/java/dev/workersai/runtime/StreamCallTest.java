package dev.workersai.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The client's half of streaming: the request it sends and how it hands the response over. */
class StreamCallTest extends MockServerSupport {
  static MockResponse sse(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
  }

  static List<String> texts(ChunkStream<StreamChunk> stream) {
    List<String> out = new ArrayList<>();
    try (stream) {
      for (StreamChunk chunk : stream) {
        out.add(chunk.response());
      }
    }
    return out;
  }

  @Test
  void streamSendsStreamTrueAndYieldsTheEventStreamChunks() throws Exception {
    server.enqueue(sse("data: {\"response\":\"New\"}\n\ndata: {\"response\":\" York\"}\n\ndata: [DONE]\n\n"));

    List<String> texts = texts(client().stream(LLAMA, RequestPayload.json(Map.of("prompt", "city?")),
        CallOptions.defaults().withRejectIfBusy(true)));

    assertThat(String.join("", texts)).isEqualTo("New York");
    RecordedRequest r = take();
    assertThat(r.getUrl().encodedPath()).isEqualTo(LLAMA_PATH);
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(r.getHeaders().get("Accept")).isEqualTo("text/event-stream, application/json");
    assertThat(bodyJson(r)).isEqualTo(JSON.readTree(
        "{\"prompt\":\"city?\",\"stream\":true,\"options\":{\"rejectIfBusy\":true}}"));
  }

  @Test
  void streamIsRetriedBeforeTheBodyIsRead() {
    server.enqueue(error(429, "[{\"code\":3040,\"message\":\"busy\"}]"));
    server.enqueue(sse("data: {\"response\":\"ok\"}\n\ndata: [DONE]\n\n"));

    assertThat(texts(client().stream(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults()))).contains("ok");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void streamErrorsAreMappedLikeRun() {
    server.enqueue(error(401, "[{\"code\":10000,\"message\":\"Authentication error\"}]"));

    assertThatThrownBy(() -> client().stream(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults()))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("model @cf/meta/llama-3.1-8b-instruct: HTTP 401: 10000: Authentication error");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void jsonAnswerToAStreamRequestBecomesOneChunk() {
    server.enqueue(ok("{\"response\":\"whole answer\"}"));

    assertThat(texts(client().stream(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults())))
        .containsExactly("whole answer");
  }

  @Test
  void errorEnvelopeWithHttp200ToAStreamRequestIsAnErrorRetriedLikeA429() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(200, "{\"success\":false,\"errors\":[{\"code\":\"3040\",\"message\":\"busy\"}],\"result\":null}"));
    }

    assertThatThrownBy(() -> client().stream(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults()))
        .isInstanceOf(RateLimitException.class)
        .hasMessage("model @cf/meta/llama-3.1-8b-instruct: HTTP 200: 3040: busy")
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(2));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void streamNeedsAJsonObjectInput() {
    assertThatThrownBy(() -> client().stream(LLAMA, RequestPayload.json(List.of(1, 2)), CallOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("model @cf/meta/llama-3.1-8b-instruct: \"stream\" and \"options\" need a JSON object input, got ARRAY");
    assertThat(server.getRequestCount()).isZero();
  }
}
