package dev.workersai.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class WorkersAiRunTest extends MockServerSupport {

  record Prompt(String prompt, Integer max_tokens) {}

  record TextOutput(String response) {}

  @Test
  void runPostsJsonToModelPathWithBearerTokenAndUnwrapsEnvelope() throws Exception {
    server.enqueue(ok("{\"response\":\"Hello\",\"extra\":1}"));

    ModelResponse answer = client().run(LLAMA, RequestPayload.json(new Prompt("Hi", null)), CallOptions.defaults());

    assertThat(answer.isJson()).isTrue();
    assertThat(answer.contentType()).isEqualTo("application/json");
    assertThat(answer.as(TextOutput.class)).isEqualTo(new TextOutput("Hello"));
    assertThat(answer.result().get("extra").asInt()).isEqualTo(1);
    assertThat(answer.metadata().httpStatus()).isEqualTo(200);
    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo(LLAMA_PATH);
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(request.getBody().utf8()).isEqualTo("{\"prompt\":\"Hi\"}"); // null max_tokens left out
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void binaryAnswerIsChosenByContentTypeNotByModel() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "image/png").body(new Buffer().write(png)).build());

    ModelResponse answer = client().run(LLAMA, RequestPayload.json(Map.of("prompt", "cat")), CallOptions.defaults());

    assertThat(answer.isJson()).isFalse();
    assertThat(answer.binary().contentType()).isEqualTo("image/png");
    assertThat(answer.binary().bytes()).isEqualTo(png);
    assertThat(answer.as(BinaryOutput.class).bytes()).isEqualTo(png);
    assertThatThrownBy(answer::result).isInstanceOf(WorkersAiException.class).hasMessageContaining("binary (image/png)");
  }

  @Test
  void tenMegabyteBinaryAnswerArrivesWhole() throws Exception {
    byte[] big = new byte[10 * 1024 * 1024];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31);
    }
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "audio/mpeg").body(new Buffer().write(big)).build());

    BinaryOutput out = client().run(LLAMA, RequestPayload.json(Map.of("text", "x")), CallOptions.defaults()).binary();

    assertThat(out.contentType()).isEqualTo("audio/mpeg");
    assertThat(out.bytes()).hasSize(big.length).isEqualTo(big);
  }

  @Test
  void runForStreamReadsTenMegabytesFromTheConnection() throws Exception {
    byte[] big = new byte[10 * 1024 * 1024];
    big[big.length - 1] = 42;
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "audio/wav").body(new Buffer().write(big)).build());

    long total = 0;
    int last = -1;
    try (BinaryStream audio = client().runForStream(LLAMA, RequestPayload.json(Map.of("text", "x")), CallOptions.defaults())) {
      assertThat(audio.contentType()).isEqualTo("audio/wav");
      assertThat(audio.contentLength()).hasValue(big.length);
      InputStream in = audio.inputStream();
      byte[] buf = new byte[8192];
      for (int n; (n = in.read(buf)) != -1; ) {
        total += n;
        last = buf[n - 1];
      }
    }
    assertThat(total).isEqualTo(big.length);
    assertThat(last).isEqualTo(42);
  }

  @Test
  void runForStreamRejectsJsonAnswer() {
    server.enqueue(ok("{\"response\":\"text\"}"));

    assertThatThrownBy(() -> client().runForStream(LLAMA, RequestPayload.json(Map.of("a", 1)), CallOptions.defaults()))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage("model @cf/meta/llama-3.1-8b-instruct: answered application/json, not a binary body; use run()");
  }

  @Test
  void successFalseWithHttp200IsAnError() {
    server.enqueue(json(200, "{\"result\":null,\"success\":false,\"errors\":[{\"code\":5004,\"message\":\"Invalid data type for base64 input\"}],\"messages\":[]}"));

    assertThatThrownBy(() -> client().run(LLAMA, RequestPayload.json(Map.of("a", 1)), CallOptions.defaults()))
        .isInstanceOf(WorkersAiException.class)
        .hasMessage("model @cf/meta/llama-3.1-8b-instruct: HTTP 200: 5004: Invalid data type for base64 input")
        .satisfies(e -> {
          WorkersAiException w = (WorkersAiException) e;
          assertThat(w.httpStatus()).isEqualTo(200);
          assertThat(w.errorCode()).hasValue(5004);
          assertThat(w.isRetryable()).isFalse();
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void truncatedJsonIsAnInvalidResponse() {
    server.enqueue(json(200, "{\"result\":{\"response\":\"Hel"));

    assertThatThrownBy(() -> client().run(LLAMA, RequestPayload.json(Map.of("a", 1)), CallOptions.defaults()))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageStartingWith("model @cf/meta/llama-3.1-8b-instruct: response is not valid JSON (26 bytes; truncated?)");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void metadataCarriesRayAndGatewayHeaders() {
    server.enqueue(new MockResponse.Builder(ok("{}"))
        .setHeader("cf-ray", "8abc-LHR").setHeader("cf-aig-cache-status", "HIT").setHeader("cf-aig-log-id", "log-1").build());

    ResponseMetadata meta = client().run(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults()).metadata();

    assertThat(meta).isEqualTo(new ResponseMetadata(200, java.util.Optional.of("8abc-LHR"),
        java.util.Optional.of("HIT"), java.util.Optional.of("log-1")));
  }

  @Test
  void rejectIfBusyGoesToTopLevelOptionsAndSessionAffinityToHeader() throws Exception {
    server.enqueue(ok("{}"));
    server.enqueue(ok("{}"));
    WorkersAi ai = client();

    ai.run(LLAMA, RequestPayload.json(Map.of("prompt", "p")),
        CallOptions.defaults().withRejectIfBusy(true).withSessionAffinity("conv-7").withHeader("x-trace", "t1"));
    Map<String, Object> withOptions = new LinkedHashMap<>();
    withOptions.put("prompt", "p");
    withOptions.put("options", Map.of("other", 1));
    ai.run(LLAMA, RequestPayload.json(withOptions), CallOptions.defaults().withRejectIfBusy(true));

    RecordedRequest first = take();
    assertThat(bodyJson(first)).isEqualTo(JSON.readTree("{\"prompt\":\"p\",\"options\":{\"rejectIfBusy\":true}}"));
    assertThat(first.getHeaders().get("x-session-affinity")).isEqualTo("conv-7");
    assertThat(first.getHeaders().get("x-trace")).isEqualTo("t1");
    assertThat(bodyJson(take())).isEqualTo(JSON.readTree("{\"prompt\":\"p\",\"options\":{\"other\":1,\"rejectIfBusy\":true}}"));
  }

  @Test
  void rawBinaryBodyWithContentTypeAndQueryParameters() throws Exception {
    server.enqueue(ok("{\"text\":\"hi\"}"));
    byte[] audio = {1, 2, 3, 4};

    client().run(ModelDescriptor("@cf/deepgram/nova-3"),
        RequestPayload.binary(BinaryBody.of(audio, "audio/mpeg"), Map.of("detect_language", "true")), CallOptions.defaults());

    RecordedRequest r = take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/client/v4/accounts/acc123/ai/run/@cf/deepgram/nova-3");
    assertThat(r.getUrl().queryParameter("detect_language")).isEqualTo("true");
    assertThat(r.getHeaders().get("Content-Type")).isEqualTo("audio/mpeg");
    assertThat(r.getBody().toByteArray()).isEqualTo(audio);
  }

  @Test
  void multipartSendsFilePartsAndStringFields() throws Exception {
    server.enqueue(ok("{\"image\":\"aGk=\"}"));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("prompt", "a cat");
    fields.put("steps", 4);
    fields.put("input_image_0", BinaryBody.of(new byte[] {9, 8, 7}, "image/png"));

    client().run(ModelDescriptor("@cf/black-forest-labs/flux-2-dev"), RequestPayload.multipart(fields), CallOptions.defaults());

    RecordedRequest r = take();
    assertThat(r.getHeaders().get("Content-Type")).startsWith("multipart/form-data; boundary=");
    String body = r.getBody().string(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(body).contains("Content-Disposition: form-data; name=\"prompt\"\r\n\r\na cat\r\n");
    assertThat(body).contains("Content-Disposition: form-data; name=\"steps\"\r\n\r\n4\r\n");
    assertThat(body).contains("Content-Disposition: form-data; name=\"input_image_0\"; filename=\"input_image_0\"\r\n"
        + "Content-Type: image/png\r\n\r\n\u0009\u0008\u0007\r\n");
  }

  @Test
  void oneShotStreamBodyIsSent() throws Exception {
    server.enqueue(ok("{}"));

    client().run(LLAMA, RequestPayload.binary(BinaryBody.oneShot(new ByteArrayInputStream(new byte[] {5, 6}), "audio/wav"),
        Map.of()), CallOptions.defaults());

    assertThat(take().getBody().toByteArray()).containsExactly(5, 6);
  }

  @Test
  void inputIsValidatedBeforeSending() {
    ModelInput invalid = new ModelInput() {
      @Override
      public void validate() {
        throw new InputValidationException("messages[0].content", "must not be empty");
      }
    };

    assertThatThrownBy(() -> client().run(LLAMA, RequestPayload.json(invalid), CallOptions.defaults()))
        .isInstanceOf(InputValidationException.class)
        .hasMessage("messages[0].content: must not be empty");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void usersOwnOkHttpClientInterceptorsRunAndTheirClientIsUnchanged() {
    server.enqueue(ok("{}"));
    AtomicInteger seen = new AtomicInteger();
    OkHttpClient users = new OkHttpClient.Builder().addInterceptor(chain -> {
      seen.incrementAndGet();
      return chain.proceed(chain.request());
    }).build();

    builder().okHttpClient(users).build().run(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults());

    assertThat(seen).hasValue(1);
    assertThat(users.interceptors()).hasSize(1);
  }

  @Test
  void asyncRunCompletesWithTheAnswer() throws Exception {
    server.enqueue(ok("{\"response\":\"async\"}"));

    ModelResponse answer = client().runAsync(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults())
        .get(5, java.util.concurrent.TimeUnit.SECONDS);

    assertThat(answer.result().get("response").asText()).isEqualTo("async");
  }

  @Test
  void asyncRunFailsWithTheMappedException() {
    server.enqueue(error(404, "[{\"code\":3042,\"message\":\"Invalid model ID\"}]"));

    assertThat(client().runAsync(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults()))
        .failsWithin(java.time.Duration.ofSeconds(5))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isInstanceOf(ModelNotFoundException.class)
        .withMessage("model @cf/meta/llama-3.1-8b-instruct: HTTP 404: 3042: Invalid model ID");
  }

  @Test
  void oneClientServesConcurrentCallsFromManyThreads() throws Exception {
    int calls = 20;
    for (int i = 0; i < calls; i++) {
      server.enqueue(ok("{\"response\":\"r\"}"));
    }
    WorkersAi ai = client();

    List<java.util.concurrent.CompletableFuture<ModelResponse>> futures = new java.util.ArrayList<>();
    for (int i = 0; i < calls; i++) {
      futures.add(ai.runAsync(LLAMA, RequestPayload.json(Map.of("i", i)), CallOptions.defaults()));
    }

    for (var future : futures) {
      assertThat(future.get(10, java.util.concurrent.TimeUnit.SECONDS).result().get("response").asText()).isEqualTo("r");
    }
    assertThat(server.getRequestCount()).isEqualTo(calls);
  }

  @Test
  void asyncRunReportsInputProblemsThroughTheFutureWithoutSending() {
    ModelInput invalid = new ModelInput() {
      @Override
      public void validate() {
        throw new InputValidationException("prompt", "must not be empty");
      }
    };

    assertThat(client().runAsync(LLAMA, RequestPayload.json(invalid), CallOptions.defaults()))
        .isCompletedExceptionally()
        .failsWithin(java.time.Duration.ZERO)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isInstanceOf(InputValidationException.class)
        .withMessage("prompt: must not be empty");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void cancellingTheFutureCancelsTheCall() throws Exception {
    server.enqueue(new MockResponse.Builder(ok("{}")).headersDelay(5, java.util.concurrent.TimeUnit.SECONDS).build());
    WorkersAi ai = client();

    var future = ai.runAsync(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults());
    take(); // the request is in flight
    assertThat(future.cancel(true)).isTrue();

    assertThat(future).isCancelled();
    // The dispatcher is free again: a canceled call does not hold its slot.
    long deadline = System.nanoTime() + 2_000_000_000L;
    while (ai.httpClient().dispatcher().runningCallsCount() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(ai.httpClient().dispatcher().runningCallsCount()).isZero();
  }

  @Test
  void serverSlowerThanTheReadTimeoutIsARequestTimeoutAfterOneRequest() {
    server.enqueue(new MockResponse.Builder(ok("{}")).headersDelay(2, java.util.concurrent.TimeUnit.SECONDS).build());

    assertThatThrownBy(() -> client().run(LLAMA, RequestPayload.json(Map.of()),
        CallOptions.defaults().withReadTimeout(java.time.Duration.ofMillis(100))))
        .isInstanceOf(RequestTimeoutException.class)
        .hasMessageStartingWith("model @cf/meta/llama-3.1-8b-instruct: timed out waiting for the server")
        .satisfies(e -> assertThat(((WorkersAiException) e).isRetryable()).isFalse());
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void callTimeoutBoundsTheWholeCall() {
    server.enqueue(new MockResponse.Builder(ok("{}")).headersDelay(2, java.util.concurrent.TimeUnit.SECONDS).build());

    assertThatThrownBy(() -> client().run(LLAMA, RequestPayload.json(Map.of()),
        CallOptions.defaults().withTimeout(java.time.Duration.ofMillis(100))))
        .isInstanceOf(RequestTimeoutException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void modelIdWithBadSegmentIsRejectedBeforeSending() {
    assertThatThrownBy(() -> client().run(ModelDescriptor("@cf//x"), RequestPayload.json(Map.of()), CallOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a valid model id (empty or dot path segment): \"@cf//x\"");
  }

  @Test
  void asWithGenericTypeAndUnreadableType() {
    server.enqueue(ok("[{\"response\":\"a\"},{\"response\":\"b\"}]"));
    ModelResponse answer = client().run(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults());

    List<TextOutput> list = answer.as(new com.fasterxml.jackson.core.type.TypeReference<List<TextOutput>>() {});

    assertThat(list).containsExactly(new TextOutput("a"), new TextOutput("b"));
    assertThatThrownBy(() -> answer.as(TextOutput.class))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageStartingWith("model @cf/meta/llama-3.1-8b-instruct: cannot read the result as "
            + TextOutput.class.getName());
    JsonNode raw = answer.as(JsonNode.class);
    assertThat(raw.size()).isEqualTo(2);
  }

  private static dev.workersai.runtime.model.ModelDescriptor ModelDescriptor(String id) {
    return dev.workersai.runtime.model.ModelDescriptor.of(id, "");
  }
}
