package dev.workersai.emulator;

import static dev.workersai.emulator.RunEndpointTest.assertError;
import static dev.workersai.emulator.TestSnapshot.json;
import static dev.workersai.emulator.TestSnapshot.post;
import static dev.workersai.emulator.TestSnapshot.postJson;
import static dev.workersai.emulator.TestSnapshot.runUrl;
import static dev.workersai.emulator.TestSnapshot.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BatchTest extends SnapshotEmulatorTest {
  private static HttpResponse<byte[]> queue(String model, String body) {
    return send(post(runUrl(emulator, model) + "?queueRequest=true", "application/json",
        body.getBytes(StandardCharsets.UTF_8), emulator.token()).build());
  }

  @Test
  void submitThenPollUntilResponsesArriveOutOfOrderKeyedById() {
    JsonNode queued = json(queue("@cf/test/chat",
        "{\"requests\":[{\"prompt\":\"first\",\"external_reference\":\"ref-0\"},{\"prompt\":\"second\"},{\"prompt\":\"third\"}]}"))
        .path("result");
    assertThat(queued.path("status").asText()).isEqualTo("queued");
    assertThat(queued.path("model").asText()).isEqualTo("@cf/test/chat");
    String requestId = queued.path("request_id").asText();
    assertThat(requestId).isNotBlank();

    String poll = "{\"request_id\":\"" + requestId + "\"}";
    JsonNode running = json(queue("@cf/test/chat", poll)).path("result");
    assertThat(running.path("status").asText()).isEqualTo("running");

    JsonNode done = json(postJson(emulator, "@cf/test/chat", poll)).path("result");
    JsonNode responses = done.path("responses");
    assertThat(responses.findValuesAsText("id")).containsExactly("2", "1", "0");
    for (JsonNode item : responses) {
      String expected = new String[] {"first", "second", "third"}[item.path("id").asInt()];
      assertThat(item.path("success").asBoolean()).isTrue();
      assertThat(item.path("result").path("response").asText()).endsWith("to: " + expected);
    }
    assertThat(responses.get(2).path("external_reference").asText()).isEqualTo("ref-0");
    assertThat(responses.get(0).has("external_reference")).isFalse();
    assertThat(done.path("usage").path("prompt_tokens").asInt()).isEqualTo(3);
  }

  @Test
  void invalidBatchItemNamesItsIndexAndField() {
    HttpResponse<byte[]> response = queue("@cf/test/chat", "{\"requests\":[{\"prompt\":\"ok\"},{\"prompt\":7}]}");

    assertError(response, 400, 5006);
    assertThat(RunEndpointTest.message(response)).contains("/requests/1/prompt");
  }

  @Test
  void modelsWithoutAsyncQueueAndUnknownBatchesAreRefused() {
    assertError(queue("@cf/test/flux-json", "{\"requests\":[{\"prompt\":\"x\"}]}"), 400, 5006);
    HttpResponse<byte[]> unknown = queue("@cf/test/chat", "{\"request_id\":\"no-such-batch\"}");
    assertError(unknown, 400, 5006);
    assertThat(RunEndpointTest.message(unknown)).contains("no-such-batch");
  }

  @Test
  void embeddingBatchesCarryVectors() {
    String requestId = json(queue("@cf/test/embed", "{\"requests\":[{\"text\":\"a\"},{\"text\":\"b\"}]}"))
        .path("result").path("request_id").asText();
    queue("@cf/test/embed", "{\"request_id\":\"" + requestId + "\"}");

    JsonNode done = json(queue("@cf/test/embed", "{\"request_id\":\"" + requestId + "\"}")).path("result");

    assertThat(done.path("responses")).hasSize(2);
    assertThat(done.path("responses").get(0).path("result").path("data").get(0)).hasSize(8);
  }
}
