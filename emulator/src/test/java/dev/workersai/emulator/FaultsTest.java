package dev.workersai.emulator;

import static dev.workersai.emulator.RunEndpointTest.assertError;
import static dev.workersai.emulator.TestSnapshot.json;
import static dev.workersai.emulator.TestSnapshot.post;
import static dev.workersai.emulator.TestSnapshot.postJson;
import static dev.workersai.emulator.TestSnapshot.runUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workersai.emulator.fault.Fault;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultsTest extends SnapshotEmulatorTest {
  private static final String CHAT = "@cf/test/chat";
  private static final String PROMPT = "{\"prompt\":\"hello\"}";
  private static final String STREAM = "{\"prompt\":\"one two three four five\",\"stream\":true}";

  @BeforeEach
  void clear() {
    emulator.faults().clear();
  }

  @ParameterizedTest
  @ValueSource(ints = {3021, 3036, 3040})
  void rateLimitFaultAnswers429WithTheCodeAndNoRetryAfter(int code) {
    emulator.faults().forModel(CHAT, Fault.rateLimited(code));

    HttpResponse<byte[]> response = postJson(emulator, CHAT, PROMPT);

    assertError(response, 429, code);
    assertThat(response.headers().firstValue("Retry-After")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {3021, 3036, 3040})
  void rateLimitFaultCanCarryRetryAfter(int code) {
    emulator.faults().global(Fault.rateLimited(code, Duration.ofSeconds(7)));

    HttpResponse<byte[]> response = postJson(emulator, CHAT, PROMPT);

    assertError(response, 429, code);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
  }

  @Test
  void countedFaultAppliesOnlyThatManyTimesAndOnlyToItsModel() {
    emulator.faults().forModel(CHAT, Fault.serverError(503), 2);

    assertError(postJson(emulator, CHAT, PROMPT), 503, 5003);
    assertThat(postJson(emulator, "@cf/test/flux-json", "{\"prompt\":\"x\"}").statusCode()).isEqualTo(200);
    assertError(postJson(emulator, CHAT, PROMPT), 503, 5003);
    assertThat(postJson(emulator, CHAT, PROMPT).statusCode()).isEqualTo(200);
  }

  @Test
  void clearRemovesFaults() {
    emulator.faults().global(Fault.serverError(500));
    assertError(postJson(emulator, CHAT, PROMPT), 500, 5000);

    emulator.faults().clear();

    assertThat(postJson(emulator, CHAT, PROMPT).statusCode()).isEqualTo(200);
  }

  @Test
  void latencyDelaysTheAnswerPastAClientTimeout() {
    emulator.faults().forModel(CHAT, Fault.latency(Duration.ofSeconds(3)), 1);
    var request = post(runUrl(emulator, CHAT), "application/json", PROMPT.getBytes(StandardCharsets.UTF_8),
        emulator.token()).timeout(Duration.ofMillis(300)).build();

    assertThatThrownBy(() -> TestSnapshot.HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray()))
        .isInstanceOf(HttpTimeoutException.class);
    // The fault was for one request: the next one (with a generous timeout) is answered.
    assertThat(postJson(emulator, CHAT, PROMPT).statusCode()).isEqualTo(200);
  }

  @Test
  void latencyCombinesWithAnErrorFault() {
    emulator.faults().global(Fault.latency(Duration.ofMillis(1)));
    emulator.faults().global(Fault.rateLimited(3040));

    assertError(postJson(emulator, CHAT, PROMPT), 429, 3040);
  }

  @Test
  void dropCutsAStreamAfterTheGivenNumberOfEvents() throws Exception {
    emulator.faults().forModel(CHAT, new Fault.DropConnection(2));

    // A raw socket shows exactly what went over the wire, whatever an HTTP client would make of it.
    String wire = rawExchange("POST", "/client/v4/accounts/" + emulator.accountId() + "/ai/run/" + CHAT, STREAM);

    assertThat(wire).startsWith("HTTP/1.1 200").contains("Transfer-encoding: chunked");
    assertThat(wire.split("data: ", -1)).hasSize(3);
    assertThat(wire).doesNotContain("[DONE]").doesNotEndWith("0\r\n\r\n");
  }

  private static String rawExchange(String method, String path, String body) throws IOException {
    try (Socket socket = new Socket(emulator.address().getAddress(), emulator.port())) {
      socket.setSoTimeout(10_000);
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + emulator.token()
          + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[4096];
      try {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          received.write(buffer, 0, n);
        }
      } catch (SocketException reset) {
        // A reset after the cut is as good as a close: the stream never finished.
      }
      return received.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void dropCutsAWholeAnswerHalfway() {
    emulator.faults().forModel("@cf/test/painter", Fault.dropConnection());

    assertThatThrownBy(() -> postJson(emulator, "@cf/test/painter", "{\"prompt\":\"x\"}"))
        .hasRootCauseInstanceOf(IOException.class);
  }

  @Test
  void malformedSseGarblesTheSecondEventAndStillEndsWithDone() throws Exception {
    emulator.faults().forModel(CHAT, Fault.malformedSse());

    HttpResponse<byte[]> response = postJson(emulator, CHAT, STREAM);

    String[] events = new String(response.body(), StandardCharsets.UTF_8).split("\n\n");
    TestSnapshot.JSON.readTree(events[0].substring(6));
    assertThatThrownBy(() -> TestSnapshot.JSON.readTree(events[1].substring(6))).isInstanceOf(IOException.class);
    assertThat(events[events.length - 1]).isEqualTo("data: [DONE]");
    // A stream-only fault leaves whole answers alone.
    assertThat(json(postJson(emulator, CHAT, PROMPT)).path("success").asBoolean()).isTrue();
  }

  @Test
  void schemaEndpointFaultHitsOnlyThatModelsSchema() {
    emulator.faults().forModel(CHAT, Fault.schemaEndpointError(500));

    HttpResponse<byte[]> failing = TestSnapshot.get(emulator, "/ai/models/schema?model=%40cf%2Ftest%2Fchat");
    assertError(failing, 500, 6000);
    assertThat(json(failing).path("result").isObject()).isTrue();
    assertThat(TestSnapshot.get(emulator, "/ai/models/schema?model=%40cf%2Ftest%2Fembed").statusCode()).isEqualTo(200);
    assertThat(postJson(emulator, CHAT, PROMPT).statusCode()).isEqualTo(200);
  }
}
