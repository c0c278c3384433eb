package dev.workersai.runtime.internal.http;

import dev.workersai.runtime.WorkersAiException;
import dev.workersai.runtime.internal.CallContext;
import dev.workersai.runtime.internal.ErrorMapper;
import dev.workersai.runtime.internal.Time;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.function.DoubleSupplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends a call again after a retryable failure, as {@link RetryDecision} decides: connection failures,
 * 408, 429 for rate/capacity, 5xx, and a 2xx whose JSON envelope says {@code "success": false} with a
 * retryable code (3040 capacity, 3021 rate limit: mapped by {@link ErrorMapper} to the same exception
 * as the 429, so the same decision applies). Works only up to the response headers: once a response
 * is handed on, its body is the caller's and is never replayed (so a stream that fails midway is not
 * retried).
 *
 * <p>A final failed response is returned as is (the client maps it to an exception); a final
 * transport failure is rethrown. Earlier failures are recorded in the {@link CallContext} and end up
 * as suppressed exceptions of the final one.
 */
public final class RetryInterceptor implements Interceptor {
  private final ErrorMapper errors;
  private final Time time;
  private final DoubleSupplier jitter;

  public RetryInterceptor(ErrorMapper errors, Time time, DoubleSupplier jitter) {
    this.errors = errors;
    this.time = time;
    this.jitter = jitter;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallContext ctx = request.tag(CallContext.class);
    if (ctx == null) {
      return chain.proceed(request);
    }
    boolean replayable = request.body() == null || !request.body().isOneShot();
    String modelId = ctx.model().id();
    for (int retries = 0; ; retries++) {
      WorkersAiException failure;
      Response response = null;
      try {
        response = chain.proceed(request);
        failure = response.isSuccessful()
            ? errors.fromEnvelopeOf2xx(response, modelId)
            : errors.fromResponse(response, modelId);
        if (failure == null) {
          return response;
        }
      } catch (IOException e) {
        if (chain.call().isCanceled()) {
          throw e; // the caller gave up (closing the socket may look like a retryable connection failure)
        }
        failure = errors.fromIOException(e, modelId);
        RetryDecision decision = RetryDecision.decide(failure, retries, ctx.retryPolicy(), replayable, jitter.getAsDouble());
        if (!decision.retry()) {
          throw e;
        }
        ctx.recordRetriedFailure(failure);
        ctx.observer().retrying(retries + 1, failure, decision.delay());
        pause(decision, chain);
        continue;
      }
      RetryDecision decision = RetryDecision.decide(failure, retries, ctx.retryPolicy(), replayable, jitter.getAsDouble());
      if (!decision.retry()) {
        return response;
      }
      response.close();
      ctx.recordRetriedFailure(failure);
      ctx.observer().retrying(retries + 1, failure, decision.delay());
      pause(decision, chain);
    }
  }

  private void pause(RetryDecision decision, Chain chain) throws IOException {
    try {
      time.sleep(decision.delay());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted during retry backoff");
      interrupted.initCause(e);
      throw interrupted;
    }
    if (chain.call().isCanceled()) {
      throw new IOException("Canceled");
    }
  }
}
