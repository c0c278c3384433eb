package dev.workersai.emulator.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workersai.catalog.SharedCorpus;
import dev.workersai.emulator.WorkersAiEmulator;
import dev.workersai.emulator.fault.Fault;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /ai/v1 endpoints at the HTTP level: error shapes, shared rate limits, faults on streams. */
class V1HttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String CHAT = "{\"model\":\"" + CorpusEmulator.CHAT + "\",\"messages\":[{\"role\":\"user\","
      + "\"content\":\"hi there\"}]}";

  @TempDir
  Path temp;

  private static HttpResponse<String> post(String url, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode error(HttpResponse<String> response) throws IOException {
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.has("success")).as("not a Cloudflare envelope: " + body).isFalse();
    return body.path("error");
  }

  @Test
  void errorsAreOpenAiShapedWithTheWorkersAiCode() throws Exception {
    try (WorkersAiEmulator emulator = CorpusEmulator.start(temp)) {
      String base = CorpusEmulator.openAiBaseUrl(emulator);

      HttpResponse<String> unauthenticated = post(base + "/chat/completions", "wrong", CHAT);
      assertThat(unauthenticated.statusCode()).isEqualTo(401);
      assertThat(error(unauthenticated).path("type").asText()).isEqualTo("authentication_error");

      HttpResponse<String> unknown = post(base + "/chat/completions", emulator.token(),
          "{\"model\":\"@cf/nobody/nothing\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(error(unknown).path("code").asText()).isEqualTo("5007");
      assertThat(error(unknown).path("message").asText()).contains("@cf/nobody/nothing");

      HttpResponse<String> noMessages = post(base + "/chat/completions", emulator.token(),
          "{\"model\":\"" + CorpusEmulator.CHAT + "\",\"messages\":[]}");
      assertThat(error(noMessages).path("message").asText()).contains("/messages");

      HttpResponse<String> noRoute = post(base + "/completions", emulator.token(), CHAT);
      assertThat(noRoute.statusCode()).isEqualTo(404);
      assertThat(error(noRoute).path("type").asText()).isEqualTo("not_found_error");
    }
  }

  @Test
  void aModelsRateLimitIsSharedByAiRunAndAiV1() throws Exception {
    try (WorkersAiEmulator emulator = WorkersAiEmulator.builder().schemas(SharedCorpus.snapshotIn(temp))
        .enforceRateLimits(true).rateLimit(CorpusEmulator.CHAT, 2).start()) {
      String run = emulator.baseUrl() + "/accounts/" + emulator.accountId() + "/ai/run/" + CorpusEmulator.CHAT;
      String v1 = CorpusEmulator.openAiBaseUrl(emulator) + "/chat/completions";

      assertThat(post(run, emulator.token(), "{\"prompt\":\"a\"}").statusCode()).isEqualTo(200);
      assertThat(post(v1, emulator.token(), CHAT).statusCode()).isEqualTo(200);
      HttpResponse<String> limited = post(v1, emulator.token(), CHAT);

      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(error(limited).path("code").asText()).isEqualTo("3021");
      assertThat(error(limited).path("type").asText()).isEqualTo("rate_limit_error");
    }
  }

  @Test
  void streamFaultsApplyToChatCompletionStreams() throws Exception {
    try (WorkersAiEmulator emulator = CorpusEmulator.start(temp)) {
      emulator.faults().forModel(CorpusEmulator.CHAT, Fault.malformedSse(), 1);
      String stream = CHAT.replace("{\"model\"", "{\"stream\":true,\"model\"");

      HttpResponse<String> damaged = post(CorpusEmulator.openAiBaseUrl(emulator) + "/chat/completions",
          emulator.token(), stream);
      HttpResponse<String> clean = post(CorpusEmulator.openAiBaseUrl(emulator) + "/chat/completions",
          emulator.token(), stream);

      assertThat(damaged.headers().firstValue("Content-Type")).hasValue("text/event-stream");
      assertThat(damaged.body()).contains("{\"response\": \"brok");
      assertThat(clean.body()).doesNotContain("brok").contains("chat.completion.chunk").endsWith("data: [DONE]\n\n");
      assertThat(emulator.requestLog().count("/client/v4/accounts/" + emulator.accountId()
          + "/ai/v1/chat/completions")).isEqualTo(2);
    }
  }
}
