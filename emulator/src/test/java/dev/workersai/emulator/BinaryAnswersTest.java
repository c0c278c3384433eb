package dev.workersai.emulator;

import static dev.workersai.emulator.RunEndpointTest.assertError;
import static dev.workersai.emulator.TestSnapshot.json;
import static dev.workersai.emulator.TestSnapshot.post;
import static dev.workersai.emulator.TestSnapshot.postJson;
import static dev.workersai.emulator.TestSnapshot.runUrl;
import static dev.workersai.emulator.TestSnapshot.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

class BinaryAnswersTest extends SnapshotEmulatorTest {
  @Test
  void binaryImageModelAnswersARawPngThatDecodes() throws Exception {
    HttpResponse<byte[]> response = postJson(emulator, "@cf/test/painter", "{\"prompt\":\"a lighthouse\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(64);
    byte[] other = postJson(emulator, "@cf/test/painter", "{\"prompt\":\"a forest\"}").body();
    assertThat(other).isNotEqualTo(response.body());
  }

  @Test
  void jsonImageModelAnswersBase64PngInResultImage() throws Exception {
    JsonNode body = json(postJson(emulator, "@cf/test/flux-json", "{\"prompt\":\"a lighthouse\"}"));

    byte[] png = Base64.getDecoder().decode(body.path("result").path("image").asText());
    assertThat(ImageIO.read(new ByteArrayInputStream(png))).isNotNull();
  }

  @Test
  void multipartModelTakesFormFieldsAndNeedsAPrompt() throws Exception {
    String boundary = "b0undary";
    String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\na red boat\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"steps\"\r\n\r\n4\r\n--" + boundary + "--\r\n";
    HttpResponse<byte[]> response = send(post(runUrl(emulator, "@cf/test/multipart-image"),
        "multipart/form-data; boundary=" + boundary, form.getBytes(StandardCharsets.UTF_8), emulator.token()).build());

    assertThat(response.statusCode()).isEqualTo(200);
    byte[] png = Base64.getDecoder().decode(json(response).path("result").path("image").asText());
    assertThat(ImageIO.read(new ByteArrayInputStream(png))).isNotNull();

    String noPrompt = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"steps\"\r\n\r\n4\r\n--" + boundary + "--\r\n";
    HttpResponse<byte[]> refused = send(post(runUrl(emulator, "@cf/test/multipart-image"),
        "multipart/form-data; boundary=" + boundary, noPrompt.getBytes(StandardCharsets.UTF_8), emulator.token()).build());
    assertError(refused, 400, 5006);
    assertThat(RunEndpointTest.message(refused)).contains("prompt");
  }

  @Test
  void multipartToAJsonModelIsRefused() {
    HttpResponse<byte[]> response = send(post(runUrl(emulator, "@cf/test/chat"), "multipart/form-data; boundary=x",
        "--x\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nhi\r\n--x--\r\n".getBytes(StandardCharsets.UTF_8),
        emulator.token()).build());

    assertError(response, 400, 5006);
  }

  @Test
  void speechModelAnswersMpegAudioFrames() {
    HttpResponse<byte[]> response = postJson(emulator, "@cf/test/speaker", "{\"text\":\"good morning\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
    byte[] mp3 = response.body();
    assertThat(mp3.length % 417).isZero();
    for (int frame = 0; frame < mp3.length; frame += 417) {
      // 11 sync bits, MPEG-1 (11), Layer III (01); bitrate index 9 = 128 kbit/s; 44.1 kHz.
      assertThat(mp3[frame] & 0xFF).isEqualTo(0xFF);
      assertThat(mp3[frame + 1] & 0xFE).isEqualTo(0xFA);
      assertThat((mp3[frame + 2] & 0xF0) >>> 4).isEqualTo(9);
      assertThat((mp3[frame + 2] & 0x0C) >>> 2).isZero();
    }
  }

  @Test
  void wavSpeechModelAnswersPcmThatJavaSoundReads() throws Exception {
    HttpResponse<byte[]> response = postJson(emulator, "@cf/test/wav-speaker", "{\"prompt\":\"good morning\"}");

    assertThat(response.headers().firstValue("Content-Type")).hasValue("audio/wav");
    try (AudioInputStream audio = AudioSystem.getAudioInputStream(new ByteArrayInputStream(response.body()))) {
      AudioFormat format = audio.getFormat();
      assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
      assertThat(format.getSampleRate()).isEqualTo(16_000f);
      assertThat(audio.getFrameLength()).isPositive();
    }
  }

  @Test
  void aLongPromptGetsAtMostTwentySecondsOfWav() throws Exception {
    // Uncapped, 10 ms per character made a 10 MB prompt ask for gigabytes of PCM.
    String prompt = "word ".repeat(20_000);
    HttpResponse<byte[]> response = postJson(emulator, "@cf/test/wav-speaker", "{\"prompt\":\"" + prompt + "\"}");

    try (AudioInputStream audio = AudioSystem.getAudioInputStream(new ByteArrayInputStream(response.body()))) {
      assertThat(audio.getFrameLength()).isEqualTo(20 * 16_000);
    }
  }

  @Test
  void rawAudioBodyIsTranscribed() {
    byte[] audio = new byte[1234];
    HttpResponse<byte[]> response = send(post(runUrl(emulator, "@cf/test/listener"), "audio/mpeg", audio,
        emulator.token()).build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("result").path("text").asText()).contains("1234 bytes of audio/mpeg");
  }

  @Test
  void curlDefaultContentTypeCarriesJsonOrRawBytes() {
    // curl -d / --data-binary without -H Content-Type, as in Cloudflare's examples.
    HttpResponse<byte[]> chat = send(post(runUrl(emulator, "@cf/test/chat"), "application/x-www-form-urlencoded",
        "{\"prompt\":\"from curl\"}".getBytes(StandardCharsets.UTF_8), emulator.token()).build());
    assertThat(json(chat).path("result").path("response").asText()).endsWith("to: from curl");

    HttpResponse<byte[]> audio = send(post(runUrl(emulator, "@cf/test/listener"), "application/x-www-form-urlencoded",
        new byte[] {(byte) 0xFF, (byte) 0xFB, 0, 0}, emulator.token()).build());
    assertThat(json(audio).path("result").path("text").asText()).contains("4 bytes");
  }

  @Test
  void rawAudioWithQueryParametersIsAccepted() {
    HttpResponse<byte[]> response = send(post(runUrl(emulator, "@cf/test/nova") + "?detect_language=true",
        "audio/wav", new byte[64], emulator.token()).build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("result").path("results").path("channels").get(0)
        .path("alternatives").get(0).path("transcript").asText()).contains("64 bytes of audio/wav");
  }

  @Test
  void rawBytesToAJsonOnlyModelAndEmptyRawBodiesAreRefused() {
    assertError(send(post(runUrl(emulator, "@cf/test/chat"), "application/octet-stream", new byte[8],
        emulator.token()).build()), 400, 5006);
    assertError(send(post(runUrl(emulator, "@cf/test/listener"), "audio/mpeg", new byte[0],
        emulator.token()).build()), 400, 3003);
  }

  @Test
  void embeddingsHaveTheCatalogDimensionsOneUnitVectorPerText() {
    JsonNode result = json(postJson(emulator, "@cf/test/embed", "{\"text\":[\"alpha\",\"beta\"]}")).path("result");

    assertThat(result.path("shape").toString()).isEqualTo("[2,8]");
    assertThat(result.path("data")).hasSize(2);
    for (JsonNode vector : result.path("data")) {
      assertThat(vector).hasSize(8);
      double norm = 0;
      for (JsonNode value : vector) {
        norm += value.asDouble() * value.asDouble();
      }
      assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
    assertThat(result.path("data").get(0)).isNotEqualTo(result.path("data").get(1));
    JsonNode single = json(postJson(emulator, "@cf/test/embed", "{\"text\":\"alpha\"}")).path("result");
    assertThat(single.path("data").get(0)).isEqualTo(result.path("data").get(0));
  }
}
