package dev.workersai.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.runtime.internal.ErrorMapper;
import dev.workersai.runtime.internal.Redactor;
import dev.workersai.runtime.internal.http.AuthInterceptor;
import dev.workersai.runtime.internal.http.GatewayInterceptor;
import dev.workersai.runtime.internal.http.RateLimitInterceptor;
import dev.workersai.runtime.internal.http.ReadTimeoutInterceptor;
import dev.workersai.runtime.internal.http.RetryInterceptor;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The wiring alone: which interceptors, in which order, and whose timeouts. */
class InterceptorChainTest {
  private static final HttpUrl GATEWAY = HttpUrl.get("https://gateway.example/v1");
  private static final ErrorMapper ERRORS = new ErrorMapper(new com.fasterxml.jackson.databind.ObjectMapper(),
      new FakeTime(), Redactor.none());

  private static WorkersAi.Builder builder() {
    return WorkersAi.builder().accountId("acc").apiToken("tok").time(new FakeTime());
  }

  private static List<Class<?>> types(OkHttpClient http) {
    return http.interceptors().stream().<Class<?>>map(Object::getClass).toList();
  }

  @Test
  void theRuntimesInterceptorsRunAfterTheUsersRetryOutermost() {
    Interceptor users = chain -> chain.proceed(chain.request());
    OkHttpClient http = InterceptorChain.build(
        builder().okHttpClient(new OkHttpClient.Builder().addInterceptor(users).build()), GATEWAY, ERRORS);

    assertThat(http.interceptors().get(0)).isSameAs(users);
    assertThat(types(http).subList(1, http.interceptors().size())).containsExactly(RetryInterceptor.class,
        RateLimitInterceptor.class, GatewayInterceptor.class, AuthInterceptor.class, ReadTimeoutInterceptor.class);
  }

  @Test
  void rateLimitingOffLeavesItsInterceptorOut() {
    OkHttpClient http = InterceptorChain.build(builder().rateLimiting(false), GATEWAY, ERRORS);

    assertThat(types(http)).containsExactly(RetryInterceptor.class, GatewayInterceptor.class, AuthInterceptor.class,
        ReadTimeoutInterceptor.class);
  }

  @Test
  void timeoutsSetOnTheBuilderWinOverTheUsersClientWhoseOthersAreKept() {
    OkHttpClient users = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(3))
        .readTimeout(Duration.ofSeconds(4)).writeTimeout(Duration.ofSeconds(5)).build();

    OkHttpClient http = InterceptorChain.build(builder().okHttpClient(users).readTimeout(Duration.ofSeconds(40)),
        GATEWAY, ERRORS);

    assertThat(http.connectTimeoutMillis()).isEqualTo(3_000);
    assertThat(http.readTimeoutMillis()).isEqualTo(40_000);
    assertThat(http.writeTimeoutMillis()).isEqualTo(5_000);
  }

  @Test
  void withoutAClientOfTheUsersTheDefaultsApply() {
    OkHttpClient http = InterceptorChain.build(builder(), GATEWAY, ERRORS);

    assertThat(http.connectTimeoutMillis()).isEqualTo(WorkersAi.DEFAULT_CONNECT_TIMEOUT.toMillis());
    assertThat(http.readTimeoutMillis()).isEqualTo(WorkersAi.DEFAULT_READ_TIMEOUT.toMillis());
    assertThat(http.writeTimeoutMillis()).isEqualTo(WorkersAi.DEFAULT_READ_TIMEOUT.toMillis());
  }
}
