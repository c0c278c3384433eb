package dev.workersai.runtime.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.runtime.ConnectionException;
import dev.workersai.runtime.DailyQuotaExceededException;
import dev.workersai.runtime.InvalidRequestException;
import dev.workersai.runtime.RateLimitException;
import dev.workersai.runtime.RetryPolicy;
import dev.workersai.runtime.ServerException;
import dev.workersai.runtime.WorkersAiException;
import dev.workersai.runtime.internal.CallContext;
import dev.workersai.runtime.model.ModelDescriptor;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The auth and gateway interceptors on a plain OkHttp client, and the retry decisions alone. */
class InterceptorsTest {
  private static final WorkersAiException.Details NONE = WorkersAiException.Details.NONE;
  private MockWebServer server;
  private OkHttpClient client;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client = new OkHttpClient.Builder()
        .addInterceptor(new GatewayInterceptor(HttpUrl.get("http://127.0.0.1:" + server.getPort() + "/gw"), "acc"))
        .addInterceptor(new AuthInterceptor("tok-SECRET-0123456789"))
        .build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void requestsTheRuntimeDidNotBuildPassUntouched() throws Exception {
    server.enqueue(new MockResponse.Builder().build());

    try (Response response = client.newCall(new Request.Builder().url(server.url("/other")).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      RecordedRequest r = server.takeRequest();
      assertThat(r.getHeaders().get("Authorization")).isNull();
      assertThat(r.getUrl().encodedPath()).isEqualTo("/other");
    }
  }

  @Test
  void taggedRequestsGetAuthAndGatewayRoute() throws Exception {
    server.enqueue(new MockResponse.Builder().build());
    CallContext ctx = new CallContext(ModelDescriptor.of("@cf/baai/bge-base-en-v1.5", ""), RetryPolicy.none(),
        Duration.ZERO, "gw", Map.of("cf-aig-skip-cache", "true"), null);
    Request request = new Request.Builder().url(server.url("/client/v4/accounts/acc/ai/run/@cf/baai/bge-base-en-v1.5?x=1"))
        .tag(CallContext.class, ctx).build();

    try (Response response = client.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
      RecordedRequest r = server.takeRequest();
      assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer tok-SECRET-0123456789");
      assertThat(r.getUrl().encodedPath()).isEqualTo("/gw/acc/gw/workers-ai/@cf/baai/bge-base-en-v1.5");
      assertThat(r.getUrl().encodedQuery()).isEqualTo("x=1");
      assertThat(r.getHeaders().get("cf-aig-skip-cache")).isEqualTo("true");
    }
    assertThat(new AuthInterceptor("tok-SECRET-0123456789").toString()).doesNotContain("SECRET");
  }

  @Test
  void retryDecisionsGiveTheirReason() {
    RetryPolicy policy = RetryPolicy.defaults();
    RateLimitException busy = new RateLimitException("busy", null, NONE, null);
    RateLimitException asksTwoSeconds = new RateLimitException("busy", null, NONE, Duration.ofSeconds(2));

    assertThat(RetryDecision.decide(busy, 0, policy, true, 0.0))
        .isEqualTo(new RetryDecision(true, Duration.ofMillis(500), "backoff 500 ms before retry 1"));
    assertThat(RetryDecision.decide(asksTwoSeconds, 1, policy, true, 0.5))
        .isEqualTo(new RetryDecision(true, Duration.ofSeconds(2), "server asked to retry after 2000 ms"));
    assertThat(RetryDecision.decide(busy, 2, policy, true, 0.0).reason()).isEqualTo("retries exhausted (2)");
    assertThat(RetryDecision.decide(new ServerException("x", null, NONE), 0, policy, false, 0.0).reason())
        .isEqualTo("request body is one-shot and cannot be sent again");
    assertThat(RetryDecision.decide(new InvalidRequestException("x", null, NONE), 0, policy, true, 0.0).reason())
        .isEqualTo("not retryable: InvalidRequestException");
    assertThat(RetryDecision.decide(new DailyQuotaExceededException("x", null, NONE, Instant.EPOCH), 0, policy, true, 0.0)
        .retry()).isFalse();
    assertThat(RetryDecision.decide(new ConnectionException("x", null, NONE), 1, policy, true, 0.0).delay())
        .isEqualTo(Duration.ofSeconds(1));
  }
}
