package dev.workersai.runtime;

import dev.workersai.runtime.internal.ErrorMapper;
import dev.workersai.runtime.internal.http.AuthInterceptor;
import dev.workersai.runtime.internal.http.GatewayInterceptor;
import dev.workersai.runtime.internal.http.RateLimitInterceptor;
import dev.workersai.runtime.internal.http.ReadTimeoutInterceptor;
import dev.workersai.runtime.internal.http.RetryInterceptor;
import dev.workersai.runtime.internal.ratelimit.TokenBucketRateLimiter;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The OkHttp client a {@link WorkersAi} sends with: the user's client (or a new one with the
 * default timeouts) and, after the user's interceptors, the runtime's in the order they must run.
 * Retry is outermost, so every attempt (a retry too) waits for its own rate-limit permit and is
 * routed and authenticated afresh.
 */
final class InterceptorChain {
  private InterceptorChain() {}

  static OkHttpClient build(WorkersAiBuilder b, HttpUrl gatewayBase, ErrorMapper errors) {
    OkHttpClient.Builder http;
    if (b.okHttpClient != null) {
      http = b.okHttpClient.newBuilder(); // shares the user's connection pool; their interceptors run first
    } else {
      // No dispatcher limits to tune: the runtime never enqueues; runAsync runs blocking calls on its executor.
      http = new OkHttpClient.Builder()
          .connectTimeout(WorkersAi.DEFAULT_CONNECT_TIMEOUT)
          .readTimeout(WorkersAi.DEFAULT_READ_TIMEOUT)
          .writeTimeout(WorkersAi.DEFAULT_READ_TIMEOUT);
    }
    if (b.connectTimeout != null) {
      http.connectTimeout(b.connectTimeout);
    }
    if (b.readTimeout != null) {
      http.readTimeout(b.readTimeout);
    }
    if (b.writeTimeout != null) {
      http.writeTimeout(b.writeTimeout);
    }
    http.addInterceptor(new RetryInterceptor(errors, b.time, b.jitter));
    if (b.rateLimiting) {
      http.addInterceptor(new RateLimitInterceptor(b.rateLimiter != null ? b.rateLimiter
          : TokenBucketRateLimiter.create(b.time, b.rateLimitBurstAboveLimit), b.time));
    }
    http.addInterceptor(new GatewayInterceptor(gatewayBase, b.accountId));
    http.addInterceptor(new AuthInterceptor(b.apiToken));
    http.addInterceptor(new ReadTimeoutInterceptor());
    return http.build();
  }
}
