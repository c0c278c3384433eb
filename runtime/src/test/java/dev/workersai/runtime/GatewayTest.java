package dev.workersai.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class GatewayTest extends MockServerSupport {

  @Test
  void gatewayCopyRoutesThroughTheProviderNativeUrlWithAuth() throws Exception {
    server.enqueue(new MockResponse.Builder(ok("{\"response\":\"cached\"}"))
        .setHeader("cf-aig-cache-status", "HIT").setHeader("cf-aig-log-id", "01JLOG").build());
    WorkersAi direct = client();

    ModelResponse answer = direct.gateway("my-gw").run(LLAMA, RequestPayload.json(Map.of("prompt", "x")),
        CallOptions.defaults());

    RecordedRequest r = take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/gw/v1/acc123/my-gw/workers-ai/@cf/meta/llama-3.1-8b-instruct");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(answer.metadata().gatewayCacheStatus()).hasValue("HIT");
    assertThat(answer.metadata().gatewayLogId()).hasValue("01JLOG");
    assertThat(direct.toString()).doesNotContain("gateway");
    assertThat(direct.gateway("my-gw").toString()).isEqualTo("WorkersAi[account=acc123, baseUrl=http://127.0.0.1:"
        + server.getPort() + "/client/v4, gateway=my-gw]");
  }

  @Test
  void optionsBecomeCfAigHeaders() throws Exception {
    server.enqueue(ok("{}"));
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("team", "search");
    meta.put("build", 42);
    meta.put("beta", true);
    GatewayOptions options = GatewayOptions.of("gw-1")
        .withSkipCache(true)
        .withCacheTtl(Duration.ofMinutes(5))
        .withCacheKey("k1")
        .withMetadata(meta)
        .withRequestTimeout(Duration.ofSeconds(3))
        .withMaxAttempts(3)
        .withRetryDelay(Duration.ofMillis(250))
        .withBackoff(GatewayOptions.Backoff.EXPONENTIAL)
        .withCollectLog(false)
        .withAuthToken("gateway-SECRET-token");

    client().run(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults().withGateway(options));

    RecordedRequest r = take();
    assertThat(r.getUrl().encodedPath()).startsWith("/gw/v1/acc123/gw-1/workers-ai/");
    assertThat(r.getHeaders().get("cf-aig-skip-cache")).isEqualTo("true");
    assertThat(r.getHeaders().get("cf-aig-cache-ttl")).isEqualTo("300");
    assertThat(r.getHeaders().get("cf-aig-cache-key")).isEqualTo("k1");
    assertThat(r.getHeaders().get("cf-aig-metadata")).isEqualTo("{\"team\":\"search\",\"build\":42,\"beta\":true}");
    assertThat(r.getHeaders().get("cf-aig-request-timeout")).isEqualTo("3000");
    assertThat(r.getHeaders().get("cf-aig-max-attempts")).isEqualTo("3");
    assertThat(r.getHeaders().get("cf-aig-retry-delay")).isEqualTo("250");
    assertThat(r.getHeaders().get("cf-aig-backoff")).isEqualTo("exponential");
    assertThat(r.getHeaders().get("cf-aig-collect-log")).isEqualTo("false");
    assertThat(r.getHeaders().get("cf-aig-authorization")).isEqualTo("Bearer gateway-SECRET-token");
    assertThat(options.toString()).doesNotContain("gateway-SECRET-token").contains("authToken=***");
  }

  @Test
  void queryParametersSurviveGatewayRouting() throws Exception {
    server.enqueue(ok("{}"));

    client().gateway("g").run(LLAMA, RequestPayload.binary(BinaryBody.of(new byte[] {1}, "audio/wav"),
        Map.of("detect_language", "true")), CallOptions.defaults());

    assertThat(take().getUrl().encodedQuery()).isEqualTo("detect_language=true");
  }

  @Test
  void optionsAreCheckedAgainstDocumentedLimits() {
    Map<String, Object> six = new LinkedHashMap<>();
    for (int i = 0; i < 6; i++) {
      six.put("k" + i, i);
    }
    assertThatThrownBy(() -> GatewayOptions.of("g").withMetadata(six))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AI Gateway metadata takes at most 5 entries, got 6: [k0, k1, k2, k3, k4, k5]");
    assertThatThrownBy(() -> GatewayOptions.of("g").withMetadata(Map.of("nested", Map.of())))
        .hasMessageStartingWith("AI Gateway metadata \"nested\" must be a string, number or boolean, got ");
    assertThatThrownBy(() -> GatewayOptions.of("g").withMaxAttempts(6)).hasMessage("gateway max attempts must be 1..5: 6");
    assertThatThrownBy(() -> GatewayOptions.of("g").withRetryDelay(Duration.ofSeconds(6)))
        .hasMessage("gateway retry delay must be 0..5000 ms: 6000 ms");
    assertThatThrownBy(() -> GatewayOptions.of("bad/id")).hasMessage("not a valid AI Gateway id: \"bad/id\"");
  }
}
