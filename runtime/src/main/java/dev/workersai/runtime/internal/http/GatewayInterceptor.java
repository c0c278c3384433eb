package dev.workersai.runtime.internal.http;

import dev.workersai.runtime.internal.CallContext;
import java.io.IOException;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Routes a call through AI Gateway when its {@link CallContext} names a gateway: the REST URL
 * {@code .../accounts/{a}/ai/run/{model}} becomes {@code {gatewayBase}/{a}/{gateway}/workers-ai/{model}}
 * (the documented provider-native form, without wap's extra {@code run/}), query kept, and the
 * {@code cf-aig-*} headers are added. The model id's slashes stay path separators. OpenAI-compatible
 * calls ({@link V1Route}) go to {@code {gatewayBase}/{a}/{gateway}/workers-ai/v1/{path}}.
 */
public final class GatewayInterceptor implements Interceptor {
  private final HttpUrl gatewayBase;
  private final String accountId;

  /** {@code gatewayBase} is normally {@code https://gateway.ai.cloudflare.com/v1}. */
  public GatewayInterceptor(HttpUrl gatewayBase, String accountId) {
    this.gatewayBase = gatewayBase;
    this.accountId = accountId;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallContext ctx = request.tag(CallContext.class);
    if (ctx == null || ctx.gatewayId() == null) {
      return chain.proceed(request);
    }
    HttpUrl.Builder url = gatewayBase.newBuilder()
        .addPathSegment(accountId)
        .addPathSegment(ctx.gatewayId())
        .addPathSegment("workers-ai");
    V1Route v1 = request.tag(V1Route.class);
    if (v1 != null) {
      // OpenAI-compatible calls keep their endpoint path: .../workers-ai/v1/chat/completions.
      url.addPathSegment("v1").addPathSegments(v1.path());
    } else {
      ModelPaths.addModelSegments(url, ctx.model().id());
    }
    url.encodedQuery(request.url().encodedQuery());
    Request.Builder routed = request.newBuilder().url(url.build());
    for (Map.Entry<String, String> header : ctx.gatewayHeaders().entrySet()) {
      routed.header(header.getKey(), header.getValue());
    }
    return chain.proceed(routed.build());
  }
}
