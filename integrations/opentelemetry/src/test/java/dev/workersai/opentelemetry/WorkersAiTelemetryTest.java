package dev.workersai.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workersai.runtime.CallOptions;
import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.RateLimitWaitException;
import dev.workersai.runtime.RequestPayload;
import dev.workersai.runtime.RetryPolicy;
import dev.workersai.runtime.StreamChunk;
import dev.workersai.runtime.WorkersAi;
import dev.workersai.runtime.WorkersAiException;
import dev.workersai.runtime.model.ModelDescriptor;
import dev.workersai.runtime.model.RateLimit;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkersAiTelemetryTest {
  private static final String TOKEN = "tok-SECRET-0123456789abcdef";
  private static final ModelDescriptor LLAMA = ModelDescriptor.of("@cf/meta/llama-3.1-8b-instruct", "Text Generation");
  private static final ModelDescriptor BGE = ModelDescriptor.of("@cf/baai/bge-base-en-v1.5", "Text Embeddings");

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private OpenTelemetrySdk otel;
  private MockWebServer server;
  private WorkersAi ai;

  @BeforeEach
  void setUp() throws IOException {
    otel = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
        .build();
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    ai = client().build();
  }

  private WorkersAi.Builder client() {
    return WorkersAi.builder().accountId("acc").apiToken(TOKEN)
        .baseUrl("http://127.0.0.1:" + server.getPort() + "/client/v4")
        .retryPolicy(RetryPolicy.defaults().withInitialDelay(Duration.ofMillis(1)))
        .callListener(WorkersAiTelemetry.create(otel));
  }

  @AfterEach
  void tearDown() {
    server.close();
    otel.close();
  }

  @Test
  void aChatCallIsOneClientSpanWithTheGenAiAttributesAndBothMetrics() {
    server.enqueue(ok("{\"response\":\"hi\",\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":11}}"));

    ai.run(LLAMA, RequestPayload.json(Map.of("prompt", "x")), CallOptions.defaults());

    SpanData span = onlySpan();
    assertThat(span.getName()).isEqualTo("chat @cf/meta/llama-3.1-8b-instruct");
    assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.getAttributes().asMap()).containsEntry(GenAiAttributes.OPERATION_NAME, "chat")
        .containsEntry(GenAiAttributes.PROVIDER_NAME, "cloudflare.workers_ai")
        .containsEntry(GenAiAttributes.REQUEST_MODEL, "@cf/meta/llama-3.1-8b-instruct")
        .containsEntry(GenAiAttributes.INPUT_TOKENS, 7L)
        .containsEntry(GenAiAttributes.OUTPUT_TOKENS, 11L)
        .doesNotContainKey(GenAiAttributes.ERROR_TYPE);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);

    assertThat(histogram("gen_ai.client.operation.duration").getUnit()).isEqualTo("s");
    assertThat(points("gen_ai.client.operation.duration")).singleElement()
        .satisfies(p -> assertThat(p.getCount()).isEqualTo(1))
        .satisfies(p -> assertThat(p.getAttributes().get(GenAiAttributes.REQUEST_MODEL))
            .isEqualTo("@cf/meta/llama-3.1-8b-instruct"));
    Map<String, Double> tokens = points("gen_ai.client.token.usage").stream()
        .collect(Collectors.toMap(p -> p.getAttributes().get(GenAiAttributes.TOKEN_TYPE), HistogramPointData::getSum));
    assertThat(tokens).containsExactlyInAnyOrderEntriesOf(Map.of("input", 7.0, "output", 11.0));
  }

  @Test
  void anEmbeddingCallIsNamedEmbeddings() {
    server.enqueue(ok("{\"shape\":[1,2],\"data\":[[0.1,0.2]]}"));

    ai.run(BGE, RequestPayload.json(Map.of("text", List.of("a"))), CallOptions.defaults());

    assertThat(onlySpan().getName()).isEqualTo("embeddings @cf/baai/bge-base-en-v1.5");
    assertThat(points("gen_ai.client.token.usage")).isEmpty(); // nothing reported, nothing invented
  }

  @Test
  void retriesAreEventsOnTheCallsOneSpan() {
    server.enqueue(error(503));
    server.enqueue(ok("{\"response\":\"hi\"}"));

    ai.run(LLAMA, RequestPayload.json(Map.of("prompt", "x")), CallOptions.defaults());

    List<EventData> events = onlySpan().getEvents(); // no rate-limit events: the model has no published limit
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.getName()).isEqualTo("workers_ai.retry");
      assertThat(e.getAttributes().get(GenAiAttributes.RETRY)).isEqualTo(1L);
      assertThat(e.getAttributes().get(GenAiAttributes.ERROR_TYPE)).isEqualTo("dev.workersai.runtime.ServerException");
    });
  }

  @Test
  void aStreamsSpanEndsWhenTheStreamEndsAndCarriesItsUsage() {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .body("data: {\"response\":\"a\"}\n\ndata: {\"response\":\"b\",\"usage\":{\"prompt_tokens\":2,"
            + "\"completion_tokens\":3}}\n\ndata: [DONE]\n\n").build());

    try (ChunkStream<StreamChunk> chunks = ai.stream(LLAMA, RequestPayload.json(Map.of("prompt", "x")),
        CallOptions.defaults())) {
      assertThat(spans.getFinishedSpanItems()).isEmpty(); // still open while the answer streams
      chunks.forEach(c -> { });
    }

    SpanData span = onlySpan();
    assertThat(span.getAttributes().get(GenAiAttributes.STREAM)).isTrue();
    assertThat(span.getAttributes().get(GenAiAttributes.OUTPUT_TOKENS)).isEqualTo(3L);
    assertThat(points("gen_ai.client.operation.duration")).singleElement()
        .satisfies(p -> assertThat(p.getAttributes().get(GenAiAttributes.ERROR_TYPE)).isNull());
  }

  @Test
  void aFailedCallSetsErrorTypeAndStatusOnSpanAndMetricWithoutTheToken() {
    server.enqueue(new MockResponse.Builder().code(400).setHeader("Content-Type", "application/json")
        .body("{\"result\":null,\"success\":false,\"errors\":[{\"code\":5006,\"message\":\"bad " + TOKEN
            + "\"}],\"messages\":[]}").build());

    assertThatThrownBy(() -> ai.run(LLAMA, RequestPayload.json(Map.of("prompt", "x")), CallOptions.defaults()))
        .isInstanceOf(WorkersAiException.class);

    SpanData span = onlySpan();
    String errorType = span.getAttributes().get(GenAiAttributes.ERROR_TYPE);
    assertThat(errorType).startsWith("dev.workersai.runtime.");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.toString()).doesNotContain(TOKEN);
    assertThat(points("gen_ai.client.operation.duration")).singleElement()
        .satisfies(p -> assertThat(p.getAttributes().get(GenAiAttributes.ERROR_TYPE)).isEqualTo(errorType));
  }

  @Test
  void aRateLimitWaitThatRunsOutIsAnEventAndAMeasurement() {
    ModelDescriptor limited = new ModelDescriptor(LLAMA.id(), LLAMA.task(), 10, RateLimit.Source.TASK_DEFAULT, false);
    WorkersAi refusing = client().rateLimiter((model, maxWait) -> false).build();

    assertThatThrownBy(() -> refusing.run(limited, RequestPayload.json(Map.of("prompt", "x")), CallOptions.defaults()))
        .isInstanceOf(RateLimitWaitException.class);

    SpanData span = onlySpan();
    assertThat(span.getEvents()).filteredOn(e -> !e.getName().equals("exception")).singleElement().satisfies(e -> {
      assertThat(e.getName()).isEqualTo("workers_ai.rate_limit.wait");
      assertThat(e.getAttributes().get(GenAiAttributes.RATE_LIMIT_GRANTED)).isFalse();
    });
    assertThat(span.getAttributes().get(GenAiAttributes.ERROR_TYPE))
        .isEqualTo("dev.workersai.runtime.RateLimitWaitException");
    assertThat(points("workers_ai.client.rate_limit.wait.duration")).singleElement()
        .satisfies(p -> assertThat(p.getCount()).isEqualTo(1));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aWaitForAPermitIsAnEventWhileAnImmediateGrantIsNot() {
    SpanObserver call = (SpanObserver) WorkersAiTelemetry.create(otel).callStarted(LLAMA,
        dev.workersai.runtime.observe.CallKind.RUN);
    call.rateLimitWaited(Duration.ofNanos(20_000), true);
    call.rateLimitWaited(Duration.ofSeconds(3), true);
    call.succeeded(java.util.Optional.empty());

    assertThat(onlySpan().getEvents()).singleElement()
        .satisfies(e -> assertThat(e.getAttributes().get(GenAiAttributes.RATE_LIMIT_WAIT)).isEqualTo(3.0));
    assertThat(points("workers_ai.client.rate_limit.wait.duration")).singleElement()
        .satisfies(p -> assertThat(p.getSum()).isEqualTo(3.0));
  }

  @Test
  void tasksTheConventionsDoNotNameKeepTheirOwnName() {
    assertThat(Operations.of("Text-to-Image")).isEqualTo("text_to_image");
    assertThat(Operations.of("Automatic Speech Recognition")).isEqualTo("automatic_speech_recognition");
    assertThat(Operations.of("")).isEqualTo("run");
  }

  private SpanData onlySpan() {
    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(finished).hasSize(1);
    return finished.get(0);
  }

  private List<MetricData> all;

  private MetricData histogram(String name) {
    if (all == null) {
      all = List.copyOf(metrics.collectAllMetrics());
    }
    return all.stream().filter(m -> m.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name + " in " + all));
  }

  private List<HistogramPointData> points(String name) {
    if (all == null) {
      all = List.copyOf(metrics.collectAllMetrics());
    }
    return all.stream().filter(m -> m.getName().equals(name))
        .flatMap(m -> m.getHistogramData().getPoints().stream()).collect(Collectors.toList());
  }

  private static MockResponse ok(String result) {
    return new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .body("{\"result\":" + result + ",\"success\":true,\"errors\":[],\"messages\":[]}").build();
  }

  private static MockResponse error(int code) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .body("{\"result\":null,\"success\":false,\"errors\":[],\"messages\":[]}").build();
  }

}
