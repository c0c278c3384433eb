package dev.workersai.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class ClientConfigTest extends MockServerSupport {

  @Test
  void fromEnvNamesTheMissingVariable() {
    assertThatThrownBy(() -> WorkersAi.fromEnv(Map.of("CLOUDFLARE_API_TOKEN", TOKEN)::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("environment variable CLOUDFLARE_ACCOUNT_ID is not set; WorkersAi.fromEnv() needs "
            + "CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN");
    assertThatThrownBy(() -> WorkersAi.fromEnv(Map.of("CLOUDFLARE_ACCOUNT_ID", "a", "CLOUDFLARE_API_TOKEN", " ")::get))
        .hasMessageStartingWith("environment variable CLOUDFLARE_API_TOKEN is not set");
    assertThat(WorkersAi.fromEnv(Map.of("CLOUDFLARE_ACCOUNT_ID", "acc", "CLOUDFLARE_API_TOKEN", TOKEN)::get).accountId())
        .isEqualTo("acc");
  }

  @Test
  void fromEnvReadsTheBaseUrlVariable() throws Exception {
    server.enqueue(ok("{\"response\": \"hi\"}"));
    WorkersAi ai = WorkersAi.fromEnv(Map.of("CLOUDFLARE_ACCOUNT_ID", "acc", "CLOUDFLARE_API_TOKEN", TOKEN,
        "WORKERS_AI_BASE_URL", server.url("/client/v4").toString())::get);

    ai.run(LLAMA, RequestPayload.json(Map.of("prompt", "hi")), CallOptions.defaults());

    assertThat(take().getUrl().encodedPath()).isEqualTo("/client/v4/accounts/acc/ai/run/" + LLAMA.id());
    assertThatThrownBy(() -> WorkersAi.fromEnv(Map.of("CLOUDFLARE_ACCOUNT_ID", "acc", "CLOUDFLARE_API_TOKEN", TOKEN,
        "WORKERS_AI_BASE_URL", "localhost:8787")::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("environment variable WORKERS_AI_BASE_URL is not an http(s) URL: \"localhost:8787\"");
  }

  @Test
  void closingStopsTheThreadsAndConnectionsItMadeAndLeavesAGivenClientAlone() throws Exception {
    server.enqueue(ok("{\"response\": \"hi\"}"));
    WorkersAi ai = client();
    ai.run(LLAMA, RequestPayload.json(Map.of("prompt", "hi")), CallOptions.defaults());
    assertThat(ai.httpClient().connectionPool().idleConnectionCount()).isEqualTo(1);

    try (WorkersAi closing = ai) {
      assertThat(closing.gateway("g")).isNotSameAs(closing);
    }

    assertThat(ai.httpClient().dispatcher().executorService().isShutdown()).isTrue();
    assertThat(ai.httpClient().connectionPool().connectionCount()).isZero();

    assertThatThrownBy(() -> ai.runAsync(LLAMA, RequestPayload.json(Map.of("prompt", "hi")), CallOptions.defaults()).join())
        .cause().isInstanceOf(WorkersAiException.class).hasMessageContaining("nothing was sent")
        .cause().isInstanceOf(RejectedExecutionException.class);

    OkHttpClient yours = new OkHttpClient();
    ExecutorService executor = Executors.newSingleThreadExecutor();
    builder().okHttpClient(yours).asyncExecutor(executor).build().close();
    assertThat(yours.dispatcher().executorService().isShutdown()).isFalse();
    assertThat(executor.isShutdown()).isFalse();
    executor.shutdown();
  }

  @Test
  void builderNamesWhatIsMissingOrMalformed() {
    assertThatThrownBy(() -> WorkersAi.builder().accountId("a").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("apiToken is required; set it on WorkersAi.builder() or use WorkersAi.fromEnv()");
    assertThatThrownBy(() -> WorkersAi.builder().apiToken(TOKEN).build())
        .hasMessage("accountId is required; set it on WorkersAi.builder() or use WorkersAi.fromEnv()");
    assertThatThrownBy(() -> WorkersAi.builder().accountId("a").apiToken(TOKEN).baseUrl("ftp://x").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseUrl is not an http(s) URL: \"ftp://x\"");
    assertThatThrownBy(() -> WorkersAi.builder().readTimeout(Duration.ZERO)).hasMessage("readTimeout must be positive: PT0S");
  }

  @Test
  void tokenAppearsInNoToStringMessageOrStackTrace() {
    server.enqueue(error(401, "[{\"code\":10000,\"message\":\"bad token " + TOKEN + "\"}]"));
    WorkersAi.Builder builder = builder();
    WorkersAi ai = builder.build();

    WorkersAiException failure = null;
    try {
      ai.run(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults());
    } catch (WorkersAiException e) {
      failure = e;
    }

    assertThat(failure).isInstanceOf(AuthenticationException.class);
    ByteArrayOutputStream trace = new ByteArrayOutputStream();
    failure.printStackTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
    assertThat(trace.toString(StandardCharsets.UTF_8)).doesNotContain(TOKEN).contains("bad token [REDACTED]");
    assertThat(builder.toString()).doesNotContain(TOKEN).contains("apiToken=***");
    assertThat(ai.toString()).doesNotContain(TOKEN);
    assertThat(ai.httpClient().interceptors().toString()).doesNotContain(TOKEN);
    assertThat(CallOptions.defaults().withHeader("x", "y").toString()).doesNotContain(TOKEN);
  }

  @Test
  void credentialsCannotBeOverriddenPerCall() {
    assertThatThrownBy(() -> CallOptions.defaults().withHeader("Authorization", "Bearer other"))
        .hasMessage("header Authorization is set by the client from its credentials");
  }

  @Test
  void timeoutsDefaultsUserClientsAndExplicitValues() {
    OkHttpClient ours = client().httpClient();
    assertThat(ours.connectTimeoutMillis()).isEqualTo(10_000);
    assertThat(ours.readTimeoutMillis()).isEqualTo(120_000);

    OkHttpClient users = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(42)).build();
    assertThat(builder().okHttpClient(users).build().httpClient().readTimeoutMillis()).isEqualTo(42_000);
    assertThat(builder().okHttpClient(users).readTimeout(Duration.ofSeconds(7)).build().httpClient().readTimeoutMillis())
        .isEqualTo(7_000);
    assertThat(users.readTimeoutMillis()).isEqualTo(42_000);
  }

  @Test
  void gatewayCopySharesTheConnectionPool() {
    WorkersAi ai = client();
    assertThat(ai.gateway("g").httpClient()).isSameAs(ai.httpClient());
  }

  @Test
  void callOptionsAreImmutableCopies() {
    CallOptions base = CallOptions.defaults();
    CallOptions changed = base.withMaxRetries(5).withTimeout(Duration.ofSeconds(3)).withSessionAffinity("s");

    assertThat(base.maxRetries()).isEmpty();
    assertThat(base.timeout()).isEmpty();
    assertThat(changed.maxRetries()).hasValue(5);
    assertThat(changed.timeout()).hasValue(Duration.ofSeconds(3));
    assertThat(changed.sessionAffinity()).hasValue("s");
    assertThat(changed.effectiveRetryPolicy(RetryPolicy.defaults()).maxRetries()).isEqualTo(5);
    assertThat(base.withRetryPolicy(RetryPolicy.none()).effectiveRetryPolicy(RetryPolicy.defaults()))
        .isEqualTo(RetryPolicy.none());
  }
}
