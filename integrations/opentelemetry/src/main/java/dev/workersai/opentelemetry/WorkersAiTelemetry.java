package dev.workersai.opentelemetry;

import static dev.workersai.opentelemetry.GenAiAttributes.*;

import dev.workersai.runtime.model.ModelDescriptor;
import dev.workersai.runtime.observe.CallKind;
import dev.workersai.runtime.observe.CallListener;
import dev.workersai.runtime.observe.CallObserver;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.Objects;

/**
 * Spans and metrics for every call of a {@code WorkersAi} client, after the OpenTelemetry GenAI
 * semantic conventions:
 *
 * <pre>{@code
 * WorkersAi ai = WorkersAi.builder()
 *     .accountId(..).apiToken(..)
 *     .callListener(WorkersAiTelemetry.create(openTelemetry))
 *     .build();
 * }</pre>
 *
 * <p>Each call is one {@code CLIENT} span named {@code "{operation} {model}"} (such as {@code chat
 * @cf/meta/llama-3.1-8b-instruct}), parented on the caller's current context, that lasts until the
 * answer is read (for streams: until the stream ends or is closed). Retries and client-side
 * rate-limit waits are events on it. The histograms {@code gen_ai.client.operation.duration} and
 * {@code gen_ai.client.token.usage} follow the conventions; {@code
 * workers_ai.client.rate_limit.wait.duration} records each wait for the client-side limiter.
 */
public final class WorkersAiTelemetry implements CallListener {
  /** The instrumentation scope name, for views and filters. */
  public static final String SCOPE = "dev.workersai.opentelemetry";

  private final Tracer tracer;
  private final DoubleHistogram duration;
  private final LongHistogram tokens;
  private final DoubleHistogram rateLimitWait;

  private WorkersAiTelemetry(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer(SCOPE);
    Meter meter = openTelemetry.getMeter(SCOPE);
    this.duration = meter.histogramBuilder(METRIC_DURATION)
        .setDescription("GenAI operation duration")
        .setUnit("s")
        .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
        .build();
    this.tokens = meter.histogramBuilder(METRIC_TOKENS)
        .setDescription("Measures number of input and output tokens used")
        .setUnit("{token}")
        .ofLongs()
        .setExplicitBucketBoundariesAdvice(TOKEN_BUCKETS)
        .build();
    this.rateLimitWait = meter.histogramBuilder(METRIC_RATE_LIMIT_WAIT)
        .setDescription("Time a call waited for the client-side rate limiter before an attempt")
        .setUnit("s")
        .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
        .build();
  }

  /** A listener reporting to {@code openTelemetry} (the SDK your application set up, or the global one). */
  public static WorkersAiTelemetry create(OpenTelemetry openTelemetry) {
    return new WorkersAiTelemetry(Objects.requireNonNull(openTelemetry, "openTelemetry"));
  }

  @Override
  public CallObserver callStarted(ModelDescriptor model, CallKind kind) {
    String operation = Operations.of(model.task());
    Attributes common = Attributes.of(OPERATION_NAME, operation, PROVIDER_NAME, PROVIDER, REQUEST_MODEL, model.id());
    Span span = tracer.spanBuilder(operation + " " + model.id())
        .setSpanKind(SpanKind.CLIENT)
        .setParent(Context.current())
        .setAllAttributes(common)
        .setAttribute(STREAM, kind == CallKind.STREAM)
        .startSpan();
    return new SpanObserver(span, common, System.nanoTime(), this);
  }

  DoubleHistogram duration() {
    return duration;
  }

  LongHistogram tokens() {
    return tokens;
  }

  DoubleHistogram rateLimitWait() {
    return rateLimitWait;
  }
}
