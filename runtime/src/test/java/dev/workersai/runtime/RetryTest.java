package dev.workersai.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

class RetryTest extends MockServerSupport {
  private static final String CAPACITY = "[{\"code\":3040,\"message\":\"Capacity temporarily exceeded, please try again.\"}]";

  @Test
  void stormOf429WithoutRetryAfterUsesExponentialBackoffThenFails() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(error(429, CAPACITY));
    }

    assertThatThrownBy(() -> client().run(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults()))
        .isInstanceOf(RateLimitException.class)
        .hasMessage("model @cf/meta/llama-3.1-8b-instruct: HTTP 429: 3040: Capacity temporarily exceeded, please try again.")
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(2).allMatch(s -> s instanceof RateLimitException));
    assertThat(server.getRequestCount()).isEqualTo(3); // 1 + RetryPolicy.DEFAULT_MAX_RETRIES
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void stormOf429WithRetryAfterWaitsAsAskedThenSucceeds() {
    server.enqueue(new MockResponse.Builder(error(429, CAPACITY)).setHeader("Retry-After", "3").build());
    server.enqueue(new MockResponse.Builder(error(429, "[{\"code\":3021,\"message\":\"per min rate reached\"}]"))
        .setHeader("Retry-After", "Sat, 28 Nov 2026 10:15:35 GMT").build());
    server.enqueue(ok("{\"response\":\"finally\"}"));

    ModelResponse answer = client().run(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults());

    assertThat(answer.result().get("response").asText()).isEqualTo("finally");
    assertThat(server.getRequestCount()).isEqualTo(3);
    // 3 s as asked; the HTTP date is 5 s after the fake clock's start, 3 s of which have passed.
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(2));
  }

  @Test
  void retryAfterBeyondTheCapFailsAtOnceWithTheRequestedWait() {
    server.enqueue(new MockResponse.Builder(error(429, CAPACITY)).setHeader("Retry-After", "3600").build());

    assertThatThrownBy(() -> client().run(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults()))
        .isInstanceOfSatisfying(RateLimitException.class,
            e -> assertThat(e.retryAfter()).hasValue(Duration.ofHours(1)));
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void http200EnvelopesReportingCapacityOrRateLimitAreRetriedLikeA429() {
    server.enqueue(error(200, CAPACITY));
    server.enqueue(new MockResponse.Builder(error(200, "[{\"code\":3021,\"message\":\"per min rate reached\"}]"))
        .setHeader("Retry-After", "3").build());
    server.enqueue(ok("{\"response\":\"finally\"}"));

    ModelResponse answer = client().run(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults());

    assertThat(answer.result().get("response").asText()).isEqualTo("finally");
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(3));
  }

  @Test
  void http200CapacityEnvelopeEveryTimeEndsAsTheSameRateLimitExceptionAsA429() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(error(200, CAPACITY));
    }

    assertThatThrownBy(() -> client().run(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults()))
        .isInstanceOf(RateLimitException.class)
        .hasMessage("model @cf/meta/llama-3.1-8b-instruct: HTTP 200: 3040: Capacity temporarily exceeded, please try again.")
        .satisfies(e -> assertThat(((RateLimitException) e).isRetryable()).isTrue())
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(2).allMatch(s -> s instanceof RateLimitException));
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void http200DailyQuotaEnvelopeIsNotRetried() {
    server.enqueue(error(200, "[{\"code\":3036,\"message\":\"daily free allocation used up\"}]"));
    server.enqueue(ok("{}"));

    assertThatThrownBy(() -> client().run(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults()))
        .isInstanceOf(DailyQuotaExceededException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void streamRequestAnswered200CapacityEnvelopeIsRetriedBeforeStreaming() {
    server.enqueue(error(200, CAPACITY));
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
        .body("data: {\"response\":\"hi\"}\n\ndata: [DONE]\n\n").build());

    try (ChunkStream<StreamChunk> chunks = client().stream(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults())) {
      assertThat(chunks.stream().map(StreamChunk::response)).containsExactly("hi");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void dailyQuotaIsNeverRetried() {
    server.enqueue(error(429, "[{\"code\":3036,\"message\":\"You have used up your daily free allocation of 10,000 neurons\"}]"));

    assertThatThrownBy(() -> client().run(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults()))
        .isInstanceOfSatisfying(DailyQuotaExceededException.class,
            e -> assertThat(e.resetsAt()).isEqualTo(java.time.Instant.parse("2026-11-29T00:00:00Z")));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void serverErrorsAreRetriedUntilSuccess() {
    server.enqueue(json(502, "<html>bad gateway</html>"));
    server.enqueue(error(500, "[{\"code\":1000,\"message\":\"internal\"}]"));
    server.enqueue(ok("{\"response\":\"ok\"}"));

    assertThat(client().run(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults()).result().get("response").asText())
        .isEqualTo("ok");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void timeout408IsRetried() {
    server.enqueue(error(408, "[{\"code\":3007,\"message\":\"Request timeout\"}]"));
    server.enqueue(ok("{}"));

    client().run(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults());

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void badRequestIsNotRetried() {
    server.enqueue(error(400, "[{\"code\":5004,\"message\":\"bad input\"}]"));

    assertThatThrownBy(() -> client().run(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults()))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).isEmpty());
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void perCallMaxRetriesOverridesTheClient() {
    for (int i = 0; i < 6; i++) {
      server.enqueue(error(503, "[]"));
    }
    WorkersAi ai = builder().maxRetries(4).build();

    assertThatThrownBy(() -> ai.run(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults().withMaxRetries(0)))
        .isInstanceOf(ServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);

    assertThatThrownBy(() -> ai.run(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults()))
        .isInstanceOf(ServerException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(4));
    assertThat(server.getRequestCount()).isEqualTo(6);
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(4));
  }

  @Test
  void connectionResetIsRetried() {
    server.enqueue(new MockResponse.Builder(ok("{}")).onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(ok("{\"response\":\"after reset\"}"));

    ModelResponse answer = client().run(LLAMA, RequestPayload.json(Map.of()),
        CallOptions.defaults().withMaxRetries(1));

    assertThat(answer.result().get("response").asText()).isEqualTo("after reset");
    assertThat(time.sleeps()).hasSize(1);
  }

  @Test
  void connectionResetEveryTimeEndsAsConnectionException() {
    for (int i = 0; i < 10; i++) {
      server.enqueue(new MockResponse.Builder(ok("{}")).onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    }

    assertThatThrownBy(() -> client().run(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults()))
        .isInstanceOf(ConnectionException.class)
        .hasMessageStartingWith("model @cf/meta/llama-3.1-8b-instruct: connection failed: ")
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(2).allMatch(s -> s instanceof ConnectionException));
    assertThat(time.sleeps()).hasSize(2);
  }

  @Test
  void bodyCutOffAfterTheHeadersIsAConnectionFailureAndNotReplayed() {
    server.enqueue(new MockResponse.Builder(ok("{\"response\":\"" + "x".repeat(100_000) + "\"}"))
        .onResponseBody(new SocketEffect.CloseSocket()).build());
    server.enqueue(ok("{}"));

    assertThatThrownBy(() -> client().run(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults()))
        .isInstanceOf(ConnectionException.class)
        .hasMessage("model @cf/meta/llama-3.1-8b-instruct: connection failed: ProtocolException: unexpected end of stream");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void connectionRefusedIsAConnectionException() throws Exception {
    int port = server.getPort();
    server.close();
    WorkersAi ai = WorkersAi.builder().accountId(ACCOUNT).apiToken(TOKEN).baseUrl("http://127.0.0.1:" + port + "/v4")
        .time(time).jitter(() -> 0.0).build();

    assertThatThrownBy(() -> ai.run(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults()))
        .isInstanceOf(ConnectionException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void oneShotBodyIsNeverRetried() {
    server.enqueue(error(503, "[]"));
    server.enqueue(ok("{}"));

    assertThatThrownBy(() -> client().run(LLAMA,
        RequestPayload.binary(BinaryBody.oneShot(new ByteArrayInputStream(new byte[] {1}), "audio/wav"), Map.of()),
        CallOptions.defaults()))
        .isInstanceOf(ServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void fileBodyIsReplayedOnRetry(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path audio = dir.resolve("a.wav");
    java.nio.file.Files.write(audio, new byte[] {7, 7, 7});
    server.enqueue(error(503, "[]"));
    server.enqueue(ok("{}"));

    client().run(LLAMA, RequestPayload.binary(BinaryBody.of(audio, "audio/wav"), Map.of()), CallOptions.defaults());

    assertThat(take().getBody().toByteArray()).containsExactly(7, 7, 7);
    assertThat(take().getBody().toByteArray()).containsExactly(7, 7, 7);
  }

  @Test
  void policyBackoffIsCappedAndJittered() {
    RetryPolicy p = RetryPolicy.defaults();

    assertThat(p.backoff(0, 0.0)).isEqualTo(Duration.ofMillis(500));
    assertThat(p.backoff(3, 0.0)).isEqualTo(Duration.ofSeconds(4));
    assertThat(p.backoff(4, 0.0)).isEqualTo(Duration.ofSeconds(8));
    assertThat(p.backoff(30, 0.0)).isEqualTo(Duration.ofSeconds(8));
    assertThat(p.backoff(1, 0.999)).isBetween(Duration.ofMillis(750), Duration.ofMillis(751));
    assertThatThrownBy(() -> p.backoff(0, 1.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> p.withMaxRetries(-1)).hasMessage("maxRetries must be >= 0: -1");
  }
}
