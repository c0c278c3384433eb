package dev.workersai.emulator;

import static dev.workersai.emulator.RunEndpointTest.assertError;
import static dev.workersai.emulator.TestSnapshot.json;
import static dev.workersai.emulator.TestSnapshot.post;
import static dev.workersai.emulator.TestSnapshot.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GatewayTest extends SnapshotEmulatorTest {
  private static HttpRequest.Builder viaGateway(String gateway, String model, String body) {
    return post(emulator.gatewayUrl(gateway) + "/" + model, "application/json",
        body.getBytes(StandardCharsets.UTF_8), emulator.token());
  }

  @Test
  void answersLikeRunAndCachesIdenticalRequests() {
    HttpResponse<byte[]> first = send(viaGateway("g1", "@cf/test/chat", "{\"prompt\":\"cache me\"}").build());
    HttpResponse<byte[]> second = send(viaGateway("g1", "@cf/test/chat", "{\"prompt\":\"cache me\"}").build());
    HttpResponse<byte[]> different = send(viaGateway("g1", "@cf/test/chat", "{\"prompt\":\"not me\"}").build());

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(json(first)).isEqualTo(json(TestSnapshot.postJson(emulator, "@cf/test/chat", "{\"prompt\":\"cache me\"}")));
    assertThat(first.headers().firstValue("cf-aig-cache-status")).hasValue("MISS");
    assertThat(second.headers().firstValue("cf-aig-cache-status")).hasValue("HIT");
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(different.headers().firstValue("cf-aig-cache-status")).hasValue("MISS");
    assertThat(first.headers().firstValue("cf-aig-log-id")).isPresent();
    assertThat(second.headers().firstValue("cf-aig-log-id")).isPresent().isNotEqualTo(first.headers().firstValue("cf-aig-log-id"));
  }

  @Test
  void skipCacheHeaderForcesAMiss() {
    send(viaGateway("g2", "@cf/test/chat", "{\"prompt\":\"skip\"}").build());

    HttpResponse<byte[]> skipped = send(viaGateway("g2", "@cf/test/chat", "{\"prompt\":\"skip\"}")
        .header("cf-aig-skip-cache", "true").build());

    assertThat(skipped.headers().firstValue("cf-aig-cache-status")).hasValue("MISS");
  }

  @Test
  void binaryAnswersAreCachedToo() {
    HttpResponse<byte[]> first = send(viaGateway("g3", "@cf/test/painter", "{\"prompt\":\"boat\"}").build());
    HttpResponse<byte[]> second = send(viaGateway("g3", "@cf/test/painter", "{\"prompt\":\"boat\"}").build());

    assertThat(second.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(second.headers().firstValue("cf-aig-cache-status")).hasValue("HIT");
    assertThat(second.body()).isEqualTo(first.body());
  }

  @Test
  void errorsAreNotCachedAndTheTokenIsChecked() {
    HttpResponse<byte[]> bad = send(viaGateway("g4", "@cf/test/chat", "{\"prompt\":1}").build());
    HttpResponse<byte[]> badAgain = send(viaGateway("g4", "@cf/test/chat", "{\"prompt\":1}").build());
    assertError(bad, 400, 5006);
    assertThat(badAgain.headers().firstValue("cf-aig-cache-status")).hasValue("MISS");

    HttpResponse<byte[]> noToken = send(post(emulator.gatewayUrl("g4") + "/@cf/test/chat", "application/json",
        "{\"prompt\":\"x\"}".getBytes(StandardCharsets.UTF_8), null).build());
    assertError(noToken, 401, 10000);
  }

  @Test
  void streamsPassThroughTheGateway() {
    HttpResponse<byte[]> stream = send(viaGateway("g5", "@cf/test/chat", "{\"prompt\":\"a b\",\"stream\":true}").build());

    assertThat(stream.headers().firstValue("Content-Type")).hasValue("text/event-stream");
    assertThat(stream.headers().firstValue("cf-aig-cache-status")).hasValue("MISS");
    assertThat(new String(stream.body(), StandardCharsets.UTF_8)).endsWith("data: [DONE]\n\n");
  }
}
