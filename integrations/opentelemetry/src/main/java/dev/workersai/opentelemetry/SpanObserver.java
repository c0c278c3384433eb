package dev.workersai.opentelemetry;

import static dev.workersai.opentelemetry.GenAiAttributes.*;

import dev.workersai.runtime.StreamChunk;
import dev.workersai.runtime.WorkersAiException;
import dev.workersai.runtime.observe.CallObserver;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/** One call's span, ended once, and its measurements. */
final class SpanObserver implements CallObserver {
  /** Shorter waits are the limiter's own bookkeeping, not waiting for a permit. */
  static final Duration NOTABLE_WAIT = Duration.ofMillis(1);

  private final Span span;
  private final Attributes common;
  private final long startNanos;
  private final WorkersAiTelemetry instruments;
  private final AtomicBoolean ended = new AtomicBoolean();

  SpanObserver(Span span, Attributes common, long startNanos, WorkersAiTelemetry instruments) {
    this.span = span;
    this.common = common;
    this.startNanos = startNanos;
    this.instruments = instruments;
  }

  @Override
  public void rateLimitWaited(Duration waited, boolean granted) {
    if (granted && waited.compareTo(NOTABLE_WAIT) < 0) {
      return; // the usual case: a permit at once (measuring it takes microseconds), not worth an event
    }
    double seconds = seconds(waited);
    span.addEvent(EVENT_RATE_LIMIT_WAIT, Attributes.of(RATE_LIMIT_WAIT, seconds, RATE_LIMIT_GRANTED, granted));
    instruments.rateLimitWait().record(seconds, common);
  }

  @Override
  public void retrying(int retry, WorkersAiException failure, Duration delay) {
    span.addEvent(EVENT_RETRY, Attributes.of(RETRY, (long) retry, RETRY_DELAY, seconds(delay),
        ERROR_TYPE, failure.getClass().getName()));
  }

  @Override
  public void succeeded(Optional<StreamChunk.Usage> usage) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    usage.ifPresent(u -> {
      span.setAttribute(INPUT_TOKENS, u.promptTokens());
      span.setAttribute(OUTPUT_TOKENS, u.completionTokens());
      instruments.tokens().record(u.promptTokens(), common.toBuilder().put(TOKEN_TYPE, "input").build());
      instruments.tokens().record(u.completionTokens(), common.toBuilder().put(TOKEN_TYPE, "output").build());
    });
    instruments.duration().record(elapsedSeconds(), common);
    span.end();
  }

  @Override
  public void failed(Throwable failure) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    // A stream closed early was the caller's choice: "cancelled", after the conventions' advice for aborts.
    String errorType = failure instanceof CancellationException ? "cancelled" : failure.getClass().getName();
    span.setAttribute(ERROR_TYPE, errorType);
    span.setStatus(StatusCode.ERROR, failure.getMessage() == null ? errorType : failure.getMessage());
    span.recordException(failure);
    instruments.duration().record(elapsedSeconds(), common.toBuilder().put(ERROR_TYPE, errorType).build());
    span.end();
  }

  private double elapsedSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
