package dev.workersai.emulator;

import static dev.workersai.emulator.TestSnapshot.get;
import static dev.workersai.emulator.TestSnapshot.json;
import static dev.workersai.emulator.TestSnapshot.post;
import static dev.workersai.emulator.TestSnapshot.postJson;
import static dev.workersai.emulator.TestSnapshot.runUrl;
import static dev.workersai.emulator.TestSnapshot.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workersai.catalog.SharedCorpus;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emulator started on the real catalog answers its best-known models the way WIRE.md says. */
class CorpusHttpTest {
  @TempDir
  static Path temp;

  private static WorkersAiEmulator emulator;
  private static Path snapshot;

  @BeforeAll
  static void start() throws Exception {
    snapshot = SharedCorpus.snapshotIn(temp);
    emulator = WorkersAiEmulator.builder().schemas(snapshot).start();
  }

  @AfterAll
  static void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void listsEveryModelOfTheSnapshot() throws Exception {
    long files;
    try (var list = Files.list(snapshot)) {
      files = list.count();
    }
    JsonNode body = json(get(emulator, "/ai/models/search?per_page=1000"));
    assertThat(body.path("result").size()).isEqualTo((int) files).isEqualTo(emulator.modelIds().size());
    JsonNode gptOss = json(get(emulator, "/ai/models/schema?model=%40cf%2Fopenai%2Fgpt-oss-120b")).path("result");
    JsonNode file = TestSnapshot.JSON.readTree(snapshot.resolve("gpt-oss-120b.json").toFile()).path("schema");
    assertThat(gptOss).isEqualTo(file);
  }

  @Test
  void chatModelAnswersAndStreams() {
    JsonNode result = json(postJson(emulator, "@cf/meta/llama-3.1-8b-instruct",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"What is Workers AI?\"}]}")).path("result");
    assertThat(result.path("response").asText()).contains("What is Workers AI?");
    // Its schema offers tool_calls but the emulated model never calls a tool; usage is always there.
    assertThat(result.has("tool_calls")).isFalse();
    assertThat(result.path("usage").path("total_tokens").asInt()).isPositive();

    HttpResponse<byte[]> stream = postJson(emulator, "@cf/meta/llama-3.1-8b-instruct", "{\"prompt\":\"hi\",\"stream\":true}");
    assertThat(stream.headers().firstValue("Content-Type")).hasValue("text/event-stream");
    assertThat(new String(stream.body(), StandardCharsets.UTF_8)).endsWith("data: [DONE]\n\n");
  }

  @Test
  void openAiShapedChatModelAnswersOneAssistantMessage() {
    JsonNode result = json(postJson(emulator, "@cf/qwen/qwen3-30b-a3b-fp8",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"name a colour\"}]}")).path("result");

    JsonNode message = result.path("choices").get(0).path("message");
    assertThat(message.path("role").asText()).isEqualTo("assistant");
    assertThat(message.path("content").asText()).endsWith("to: name a colour");
    assertThat(message.has("tool_calls")).isFalse();
    assertThat(result.path("model").asText()).isEqualTo("@cf/qwen/qwen3-30b-a3b-fp8");
  }

  @Test
  void embeddingModelUsesItsOutputDimensions() {
    JsonNode result = json(postJson(emulator, "@cf/baai/bge-base-en-v1.5", "{\"text\":[\"a\",\"b\",\"c\"]}")).path("result");

    assertThat(result.path("shape").toString()).isEqualTo("[3,768]");
    assertThat(result.path("data").get(2)).hasSize(768);
  }

  @Test
  void imageModelsAnswerPngJpegAndBase64() throws Exception {
    HttpResponse<byte[]> sdxl = postJson(emulator, "@cf/stabilityai/stable-diffusion-xl-base-1.0", "{\"prompt\":\"a cat\"}");
    assertThat(sdxl.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(ImageIO.read(new ByteArrayInputStream(sdxl.body()))).isNotNull();

    HttpResponse<byte[]> phoenix = postJson(emulator, "@cf/leonardo/phoenix-1.0", "{\"prompt\":\"a cat\"}");
    assertThat(phoenix.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(ImageIO.read(new ByteArrayInputStream(phoenix.body()))).isNotNull();

    String image = json(postJson(emulator, "@cf/black-forest-labs/flux-1-schnell", "{\"prompt\":\"a cat\"}"))
        .path("result").path("image").asText();
    assertThat(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(image)))).isNotNull();
  }

  @Test
  void flux2TakesMultipart() throws Exception {
    String form = "--B\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\na cat\r\n--B--\r\n";
    HttpResponse<byte[]> response = send(post(runUrl(emulator, "@cf/black-forest-labs/flux-2-dev"),
        "multipart/form-data; boundary=B", form.getBytes(StandardCharsets.UTF_8), emulator.token()).build());

    String image = json(response).path("result").path("image").asText();
    assertThat(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(image)))).isNotNull();
  }

  @Test
  void speechModelsAnswerMp3RawOrAsBase64() {
    HttpResponse<byte[]> aura = postJson(emulator, "@cf/deepgram/aura-1", "{\"text\":\"hello\"}");
    assertThat(aura.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
    assertThat(aura.body()[0] & 0xFF).isEqualTo(0xFF);

    String audio = json(postJson(emulator, "@cf/myshell-ai/melotts", "{\"prompt\":\"hello\"}"))
        .path("result").path("audio").asText();
    assertThat(Base64.getDecoder().decode(audio)[0] & 0xFF).isEqualTo(0xFF);
  }

  @Test
  void speechRecognitionTakesRawAudio() {
    HttpResponse<byte[]> whisper = send(post(runUrl(emulator, "@cf/openai/whisper"), "application/octet-stream",
        new byte[100], emulator.token()).build());
    assertThat(json(whisper).path("result").path("text").asText()).contains("100 bytes");

    HttpResponse<byte[]> nova = send(post(runUrl(emulator, "@cf/deepgram/nova-3") + "?detect_language=true",
        "audio/mpeg", new byte[100], emulator.token()).build());
    assertThat(nova.statusCode()).isEqualTo(200);

    HttpResponse<byte[]> resnet = send(post(runUrl(emulator, "@cf/microsoft/resnet-50"), "image/png",
        new byte[100], emulator.token()).build());
    assertThat(resnet.statusCode()).isEqualTo(200);
  }
}
