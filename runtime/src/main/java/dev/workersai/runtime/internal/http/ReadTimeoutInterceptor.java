package dev.workersai.runtime.internal.http;

import dev.workersai.runtime.internal.CallContext;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Applies a call's own read timeout ({@code CallOptions.withReadTimeout}) to the rest of the chain. */
public final class ReadTimeoutInterceptor implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    CallContext ctx = chain.request().tag(CallContext.class);
    if (ctx == null || ctx.readTimeout() == null) {
      return chain.proceed(chain.request());
    }
    return chain.withReadTimeout((int) Math.min(Integer.MAX_VALUE, ctx.readTimeout().toMillis()), TimeUnit.MILLISECONDS)
        .proceed(chain.request());
  }
}
