package dev.workersai.runtime.internal.http;

import dev.workersai.runtime.internal.CallContext;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Bearer <token>} to the runtime's own requests (those tagged with a
 * {@link CallContext}); other requests through a shared client pass untouched. OkHttp itself drops
 * the header if a redirect leaves the host.
 */
public final class AuthInterceptor implements Interceptor {
  private final String authorization;

  public AuthInterceptor(String apiToken) {
    this.authorization = "Bearer " + apiToken;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (chain.request().tag(CallContext.class) == null) {
      return chain.proceed(chain.request());
    }
    return chain.proceed(chain.request().newBuilder().header("Authorization", authorization).build());
  }

  @Override
  public String toString() {
    return "AuthInterceptor[Bearer ***]";
  }
}
