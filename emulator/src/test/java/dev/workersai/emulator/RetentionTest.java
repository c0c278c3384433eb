package dev.workersai.emulator;

import static dev.workersai.emulator.RunEndpointTest.assertError;
import static dev.workersai.emulator.TestSnapshot.post;
import static dev.workersai.emulator.TestSnapshot.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 9: what the emulator keeps between requests is bounded. */
class RetentionTest {

  @Test
  void theRequestLogKeepsTheNewestEntriesWithLongQueriesCut() {
    try (WorkersAiEmulator emulator = WorkersAiEmulator.builder().schemas(TestSnapshot.DIR).token("t")
        .requestLogCapacity(100).start()) {
      String query = "q=" + "x".repeat(32 * 1024);
      for (int i = 0; i < 500; i++) {
        // Unauthenticated requests to no route: each was kept whole, 32 KB query included.
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(
            URI.create(emulator.rootUrl() + "/nowhere/" + i + "?" + query)).timeout(Duration.ofSeconds(20)).GET().build());
        assertError(response, 404, 7000);
      }

      RequestLog log = emulator.requestLog();
      assertThat(log.total()).isEqualTo(500);
      assertThat(log.forgotten()).isEqualTo(400);
      assertThat(log.entries()).hasSize(100);
      assertThat(log.entries().get(0).path()).isEqualTo("/nowhere/400");
      assertThat(log.entries()).allSatisfy(entry -> assertThat(entry.query())
          .hasSize(RequestLog.MAX_TEXT_CHARS + RequestLog.CUT_MARK.length()).endsWith(RequestLog.CUT_MARK));
    }
  }

  @Test
  void theRequestLogIsBoundedByDefault() {
    try (WorkersAiEmulator emulator = TestSnapshot.start()) {
      assertThat(emulator.config().requestLogCapacity()).isEqualTo(EmulatorConfig.DEFAULT_REQUEST_LOG_CAPACITY);
    }
  }

  private static HttpResponse<byte[]> viaGateway(WorkersAiEmulator emulator, String prompt, String ttl) {
    HttpRequest.Builder request = post(emulator.gatewayUrl("g") + "/@cf/test/chat", "application/json",
        ("{\"prompt\":\"" + prompt + "\"}").getBytes(StandardCharsets.UTF_8), emulator.token());
    if (ttl != null) {
      request.header("cf-aig-cache-ttl", ttl);
    }
    return send(request.build());
  }

  private static String cacheStatus(HttpResponse<byte[]> response) {
    return response.headers().firstValue("cf-aig-cache-status").orElseThrow();
  }

  @Test
  void theGatewayCacheKeepsAtMostItsEntryBound() {
    try (WorkersAiEmulator emulator = WorkersAiEmulator.builder().schemas(TestSnapshot.DIR).token("t")
        .gatewayCacheEntries(2).start()) {
      viaGateway(emulator, "one", null);
      viaGateway(emulator, "two", null);
      assertThat(cacheStatus(viaGateway(emulator, "two", null))).isEqualTo("HIT");

      viaGateway(emulator, "three", null);

      assertThat(cacheStatus(viaGateway(emulator, "one", null))).isEqualTo("MISS");
    }
  }

  @Test
  void theGatewayHonoursTheRequestsCacheTtl() {
    try (WorkersAiEmulator emulator = TestSnapshot.start()) {
      viaGateway(emulator, "never kept", "0");
      assertThat(cacheStatus(viaGateway(emulator, "never kept", "0"))).isEqualTo("MISS");

      viaGateway(emulator, "kept an hour", "3600");
      assertThat(cacheStatus(viaGateway(emulator, "kept an hour", "3600"))).isEqualTo("HIT");

      HttpResponse<byte[]> bad = viaGateway(emulator, "bad", "an hour");
      assertError(bad, 400, 5006);
      assertThat(RunEndpointTest.message(bad)).isEqualTo("Bad cf-aig-cache-ttl header: expected whole seconds, got 'an hour'");
    }
  }
}
