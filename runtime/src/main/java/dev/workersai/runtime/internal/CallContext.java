package dev.workersai.runtime.internal;

import dev.workersai.runtime.RetryPolicy;
import dev.workersai.runtime.WorkersAiException;
import dev.workersai.runtime.model.ModelDescriptor;
import dev.workersai.runtime.observe.CallObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the interceptors need to know about one call, attached to its request as a tag: the model,
 * the effective retry policy and rate-limit wait, the AI Gateway route, the failures of earlier
 * attempts (so the final exception can carry them as suppressed), and the call's observer.
 */
public final class CallContext {
  private final ModelDescriptor model;
  private final RetryPolicy retryPolicy;
  private final Duration rateLimitWait;
  private final String gatewayId;
  private final Map<String, String> gatewayHeaders;
  private final Duration readTimeout;
  private final List<WorkersAiException> earlierFailures = new ArrayList<>();
  private volatile CallObserver observer = CallObserver.NONE;

  /**
   * @param gatewayId the AI Gateway id, or null to call the REST API directly
   * @param gatewayHeaders the {@code cf-aig-*} headers to send through the gateway
   * @param readTimeout a per-call read timeout, or null for the client's
   */
  public CallContext(
      ModelDescriptor model,
      RetryPolicy retryPolicy,
      Duration rateLimitWait,
      String gatewayId,
      Map<String, String> gatewayHeaders,
      Duration readTimeout) {
    this.model = Objects.requireNonNull(model, "model");
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    this.rateLimitWait = Objects.requireNonNull(rateLimitWait, "rateLimitWait");
    this.gatewayId = gatewayId;
    this.gatewayHeaders = Map.copyOf(gatewayHeaders);
    this.readTimeout = readTimeout;
  }

  public ModelDescriptor model() {
    return model;
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  public Duration rateLimitWait() {
    return rateLimitWait;
  }

  /** The gateway id, or null when the call goes straight to the REST API. */
  public String gatewayId() {
    return gatewayId;
  }

  public Map<String, String> gatewayHeaders() {
    return gatewayHeaders;
  }

  /** The per-call read timeout, or null. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** The observer of this call ({@link CallObserver#NONE} until one is set). */
  public CallObserver observer() {
    return observer;
  }

  /** Sets the observer, once the call is about to be sent. */
  public void observeWith(CallObserver observer) {
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  /** Records the failure of an attempt that was retried. */
  public synchronized void recordRetriedFailure(WorkersAiException failure) {
    earlierFailures.add(failure);
  }

  /** Adds the failures of earlier attempts to {@code finalFailure} as suppressed, and returns it. */
  public synchronized <T extends Throwable> T withEarlierFailures(T finalFailure) {
    for (WorkersAiException earlier : earlierFailures) {
      if (earlier != finalFailure) {
        finalFailure.addSuppressed(earlier);
      }
    }
    return finalFailure;
  }
}
