package dev.workersai.emulator;

import static dev.workersai.emulator.RunEndpointTest.assertError;
import static dev.workersai.emulator.TestSnapshot.post;
import static dev.workersai.emulator.TestSnapshot.runUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Issue 9: large uploads at once must neither exhaust the heap nor go unanswered. */
class MemoryBoundsTest {

  /** A JSON prompt of {@code bytes} bytes made of short words, the worst case for word counting. */
  static byte[] promptOfSize(int bytes) {
    byte[] body = new byte[bytes];
    Arrays.fill(body, (byte) ' ');
    byte[] head = "{\"prompt\":\"".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, body, 0, head.length);
    for (int i = head.length; i < bytes - 2; i += 2) {
      body[i] = 'a';
    }
    body[bytes - 2] = '"';
    body[bytes - 1] = '}';
    return body;
  }

  @Test
  void manyLargeUploadsAtOnceToASmallHeapAreAllAnsweredWithoutRunningOutOfMemory() throws Exception {
    int clients = 24;
    byte[] body = promptOfSize(6 * 1024 * 1024);
    try (ChildEmulator emulator = ChildEmulator.start("128m")) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      List<CompletableFuture<String>> answers = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.runUrl("@cf/test/chat")))
            .timeout(Duration.ofSeconds(120))
            .header("Authorization", "Bearer t")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
            .thenApply(response -> response.statusCode() + (response.statusCode() == 200 ? "" : " " + response.body()))
            .exceptionally(Throwable::toString));
      }
      Map<String, Integer> outcomes = new TreeMap<>();
      answers.forEach(answer -> outcomes.merge(answer.join(), 1, Integer::sum));

      // Uploads beyond the default budget (an eighth of the heap) wait their turn instead.
      assertThat(outcomes).isEqualTo(Map.of("200", clients));
      assertThat(emulator.stderr()).doesNotContain("OutOfMemoryError");
    }
  }

  @Test
  void uploadsBeyondTheBudgetTakeTurnsAndAreAllAnswered() {
    try (WorkersAiEmulator emulator = WorkersAiEmulator.builder().schemas(TestSnapshot.DIR).token("t")
        .maxBodyBytes(256 * 1024).bodyMemoryBytes(256 * 1024).start()) {
      byte[] body = promptOfSize(200 * 1024);
      List<CompletableFuture<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        answers.add(TestSnapshot.HTTP.sendAsync(post(runUrl(emulator, "@cf/test/chat"), "application/json", body, "t").build(),
            HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode));
      }

      assertThat(answers).allSatisfy(answer -> assertThat(answer.join()).isEqualTo(200));
    }
  }

  @Test
  void aBodyOverTheConfiguredCapIsAnswered413() {
    try (WorkersAiEmulator emulator = WorkersAiEmulator.builder().schemas(TestSnapshot.DIR).token("t")
        .maxBodyBytes(64 * 1024).start()) {
      HttpResponse<byte[]> tooLarge = TestSnapshot.send(post(runUrl(emulator, "@cf/test/chat"), "application/json",
          promptOfSize(2 * 1024 * 1024), "t").build());

      assertError(tooLarge, 413, 3006);
      assertThat(RunEndpointTest.message(tooLarge)).isEqualTo("Request too large: the limit is 65536 bytes");
    }
  }

  @Test
  void aLargeBodyRefusedBeforeItIsReadIsStillAnswered() {
    try (WorkersAiEmulator emulator = TestSnapshot.start()) {
      HttpResponse<byte[]> refused = TestSnapshot.send(post(runUrl(emulator, "@cf/test/chat"), "application/json",
          promptOfSize(4 * 1024 * 1024), "not-the-token").build());

      assertError(refused, 401, 10000);
    }
  }

  @Test
  void bodyLimitsOutOfRangeAreRefusedNamingTheSetting() {
    EmulatorConfig.Builder builder = EmulatorConfig.builder().maxBodyBytes(2048).bodyMemoryBytes(1024);
    assertThat(org.assertj.core.api.Assertions.catchThrowable(builder::build))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bodyMemoryBytes (1024) < maxBodyBytes (2048): a body of the largest size could never be read");
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> EmulatorConfig.builder().maxBodyBytes(Integer.MAX_VALUE)))
        .hasMessage("maxBodyBytes not in 1..1073741824: 2147483647");
  }
}
