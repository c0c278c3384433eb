package dev.workersai.emulator;

import static dev.workersai.emulator.TestSnapshot.json;
import static dev.workersai.emulator.TestSnapshot.post;
import static dev.workersai.emulator.TestSnapshot.postJson;
import static dev.workersai.emulator.TestSnapshot.runUrl;
import static dev.workersai.emulator.TestSnapshot.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.catalog.SharedCorpus;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * llama-3.3's input is a {@code oneOf} of Prompt, Messages and an "Async Batch" form that requires
 * nothing, so a valid chat request matches two branches. Workers AI accepts it: a run is checked
 * against the input's JSON forms (the batch form is for {@code ?queueRequest=true} only), each
 * {@code oneOf} read as {@code anyOf}.
 */
class OverlappingBranchesTest {
  private static final String LLAMA = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";

  @TempDir
  static Path temp;

  private static WorkersAiEmulator emulator;

  @BeforeAll
  static void start() throws Exception {
    emulator = WorkersAiEmulator.builder().schemas(SharedCorpus.snapshotIn(temp)).start();
  }

  @AfterAll
  static void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void aChatRequestMatchingTheBatchFormTooIsAccepted() {
    HttpResponse<byte[]> response = postJson(emulator, LLAMA,
        "{\"messages\":[{\"role\":\"user\",\"content\":\"What is Workers AI?\"}],\"max_tokens\":50}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("result").path("response").asText()).contains("What is Workers AI?");
  }

  @Test
  void aRequestMatchingTwoOfTheModelsOwnFormsIsAccepted() {
    assertThat(postJson(emulator, LLAMA,
        "{\"prompt\":\"hi\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").statusCode()).isEqualTo(200);
  }

  @Test
  void theBatchFormIsNoWayToPassARun() {
    // {} fits "Async Batch" (nothing required) but neither Prompt nor Messages.
    HttpResponse<byte[]> empty = postJson(emulator, LLAMA, "{}");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(json(empty).path("errors").get(0).path("message").asText()).contains("prompt");

    // Nor for a batch item: each is checked as a run.
    HttpResponse<byte[]> batch = send(post(runUrl(emulator, LLAMA) + "?queueRequest=true", "application/json",
        "{\"requests\":[{\"max_tokens\":5}]}".getBytes(StandardCharsets.UTF_8), emulator.token()).build());
    assertThat(batch.statusCode()).isEqualTo(400);
    assertThat(json(batch).path("errors").get(0).path("message").asText()).contains("/requests/0");
  }
}
