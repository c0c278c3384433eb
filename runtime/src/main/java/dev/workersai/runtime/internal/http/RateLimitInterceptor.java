package dev.workersai.runtime.internal.http;

import dev.workersai.runtime.RateLimitWaitException;
import dev.workersai.runtime.RateLimiter;
import dev.workersai.runtime.internal.CallContext;
import dev.workersai.runtime.internal.WorkersAiIOException;
import java.io.IOException;
import java.io.InterruptedIOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Takes a permit from the client's {@link RateLimiter} before each attempt (retries included, since
 * each one counts against the server's limit too). Sits inside the retry interceptor. When no permit
 * comes within the call's wait, the request is not sent and {@link RateLimitWaitException} names
 * the model and its limit.
 */
public final class RateLimitInterceptor implements Interceptor {
  private final RateLimiter limiter;

  public RateLimitInterceptor(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    CallContext ctx = chain.request().tag(CallContext.class);
    if (ctx == null) {
      return chain.proceed(chain.request());
    }
    boolean granted;
    try {
      granted = limiter.acquire(ctx.model(), ctx.rateLimitWait());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted waiting for the rate limiter");
      interrupted.initCause(e);
      throw interrupted;
    }
    if (!granted) {
      throw new WorkersAiIOException(
          new RateLimitWaitException(ctx.model().id(), ctx.model().requestsPerMinute(), ctx.rateLimitWait()));
    }
    return chain.proceed(chain.request());
  }
}
