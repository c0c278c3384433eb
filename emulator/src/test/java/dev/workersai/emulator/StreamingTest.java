package dev.workersai.emulator;

import static dev.workersai.emulator.TestSnapshot.json;
import static dev.workersai.emulator.TestSnapshot.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamingTest extends SnapshotEmulatorTest {
  @Test
  void streamIsNativeChunksThenUsageThenDone() throws Exception {
    HttpResponse<byte[]> response = postJson(emulator, "@cf/test/chat", "{\"prompt\":\"count the stars\",\"stream\":true}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
    String body = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(body).endsWith("data: [DONE]\n\n");
    List<String> events = List.of(body.split("\n\n"));
    for (String event : events) {
      assertThat(event).startsWith("data: ").doesNotContain("\n");
    }
    List<JsonNode> chunks = new ArrayList<>();
    for (String event : events.subList(0, events.size() - 1)) {
      chunks.add(TestSnapshot.JSON.readTree(event.substring("data: ".length())));
    }
    JsonNode last = chunks.get(chunks.size() - 1);
    assertThat(last.path("response").asText()).isEmpty();
    assertThat(last.path("usage").path("total_tokens").asInt()).isPositive();
    StringBuilder text = new StringBuilder();
    chunks.subList(0, chunks.size() - 1).forEach(chunk -> text.append(chunk.path("response").asText()));
    assertThat(chunks.size()).isGreaterThan(3);

    String whole = json(postJson(emulator, "@cf/test/chat", "{\"prompt\":\"count the stars\"}"))
        .path("result").path("response").asText();
    assertThat(text.toString()).isEqualTo(whole);
    assertThat(last.path("usage")).isEqualTo(json(postJson(emulator, "@cf/test/chat",
        "{\"prompt\":\"count the stars\"}")).path("result").path("usage"));
  }

  @Test
  void streamFlagOnANonTextModelIsIgnoredWhenItsSchemaAllowsIt() {
    HttpResponse<byte[]> response = postJson(emulator, "@cf/test/embed", "{\"text\":\"a\",\"stream\":true}");

    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
  }
}
