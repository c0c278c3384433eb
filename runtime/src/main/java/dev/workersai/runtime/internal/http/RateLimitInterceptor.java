package dev.workersai.runtime.internal.http;

import dev.workersai.runtime.RateLimitWaitException;
import dev.workersai.runtime.RateLimiter;
import dev.workersai.runtime.internal.CallContext;
import dev.workersai.runtime.internal.Time;
import dev.workersai.runtime.internal.WorkersAiIOException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Takes a permit from the client's {@link RateLimiter} before each attempt (retries included, since
 * each one counts against the server's limit too). Sits inside the retry interceptor. When no permit
 * comes within the call's wait, the request is not sent and {@link RateLimitWaitException} names
 * the model and its limit. The call's observer hears how long each attempt waited.
 */
public final class RateLimitInterceptor implements Interceptor {
  private final RateLimiter limiter;
  private final Time time;

  public RateLimitInterceptor(RateLimiter limiter) {
    this(limiter, Time.system());
  }

  /** @param time the clock the wait is measured with */
  public RateLimitInterceptor(RateLimiter limiter, Time time) {
    this.limiter = limiter;
    this.time = time;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    CallContext ctx = chain.request().tag(CallContext.class);
    if (ctx == null) {
      return chain.proceed(chain.request());
    }
    boolean granted;
    long start = time.nanoTime();
    try {
      granted = limiter.acquire(ctx.model(), ctx.rateLimitWait());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted waiting for the rate limiter");
      interrupted.initCause(e);
      throw interrupted;
    }
    ctx.observer().rateLimitWaited(Duration.ofNanos(Math.max(0, time.nanoTime() - start)), granted);
    if (!granted) {
      throw new WorkersAiIOException(
          new RateLimitWaitException(ctx.model().id(), ctx.model().requestsPerMinute(), ctx.rateLimitWait()));
    }
    return chain.proceed(chain.request());
  }
}
