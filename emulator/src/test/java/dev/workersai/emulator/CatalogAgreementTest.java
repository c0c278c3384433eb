package dev.workersai.emulator;

import static dev.workersai.emulator.TestSnapshot.post;
import static dev.workersai.emulator.TestSnapshot.runUrl;
import static dev.workersai.emulator.TestSnapshot.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.catalog.Catalog;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.CatalogReader;
import dev.workersai.catalog.SharedCorpus;
import dev.workersai.catalog.sample.SchemaSampler;
import dev.workersai.catalog.schema.ModelSchemas;
import dev.workersai.catalog.transport.JsonForms;
import dev.workersai.catalog.transport.Transport;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator and the generated client read every model of the catalog the same way: for each model,
 * each request the client sends, as the catalog's {@link Transport} decides it (a JSON body sampled from
 * the input's JSON forms, the same with {@code "stream": true}, the raw bytes, a multipart form), is
 * answered 200 with the content type the client then reads; the bodies the transport rules out are
 * refused with 400. Run over the bundled snapshot and the corpus.
 */
class CatalogAgreementTest {
  private static final Path BUNDLED = Path.of("..", "model-schemas", "models");

  @Test
  void bundledSnapshot() {
    assertAgreement(BUNDLED);
  }

  @Test
  void corpus(@TempDir Path temp) throws Exception {
    assertAgreement(SharedCorpus.snapshotIn(temp));
  }

  @Test
  void aModelWithoutSchemasOfATaskWithoutCommonOnesCannotRun(@TempDir Path temp) throws Exception {
    Files.writeString(temp.resolve("classifier.json"),
        "{\"name\": \"@cf/test/classifier\", \"task\": {\"name\": \"Image Classification\"}, \"properties\": []}");
    try (WorkersAiEmulator emulator = WorkersAiEmulator.builder().schemas(temp).start()) {
      CatalogModel model = CatalogReader.read(temp).models().get(0);
      assertThat(ModelSchemas.of(model)).isEmpty();

      HttpResponse<byte[]> response = json(emulator, model, "{\"prompt\":\"hi\"}");
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("no schema");
    }
  }

  @Test
  void aBatchOfAModelAnsweringBytesGetsThemAsBase64(@TempDir Path temp) throws Exception {
    // aura-1 takes batches (async_queue) and answers audio/mpeg; a batch's responses are JSON.
    try (WorkersAiEmulator emulator = WorkersAiEmulator.builder().schemas(SharedCorpus.snapshotIn(temp))
        .batchPendingPolls(0).start()) {
      String url = runUrl(emulator, "@cf/deepgram/aura-1") + "?queueRequest=true";
      HttpResponse<byte[]> queued = send(post(url, "application/json",
          "{\"requests\":[{\"text\":\"hello\"}]}".getBytes(StandardCharsets.UTF_8), emulator.token()).build());
      String poll = "{\"request_id\":\"" + TestSnapshot.json(queued).path("result").path("request_id").asText() + "\"}";
      JsonNode done = TestSnapshot.json(send(post(url, "application/json", poll.getBytes(StandardCharsets.UTF_8),
          emulator.token()).build())).path("result");

      JsonNode result = done.path("responses").get(0).path("result");
      assertThat(result.path("contentType").asText()).isEqualTo("audio/mpeg");
      assertThat(Base64.getDecoder().decode(result.path("audio").asText())[0] & 0xFF).isEqualTo(0xFF);
    }
  }

  private static void assertAgreement(Path snapshot) {
    Catalog catalog = CatalogReader.read(snapshot);
    List<String> disagreements = new ArrayList<>();
    int runnable = 0;
    try (WorkersAiEmulator emulator = WorkersAiEmulator.builder().schemas(snapshot).token("agreement").start()) {
      for (CatalogModel model : catalog.models()) {
        Optional<ModelSchemas> schemas = ModelSchemas.of(model);
        if (schemas.isEmpty()) {
          expect(disagreements, model, "a run of a model without schemas", json(emulator, model, "{}"), 400, null);
          continue;
        }
        runnable++;
        check(emulator, model, schemas.get(), disagreements);
      }
    }
    assertThat(disagreements).isEmpty();
    assertThat(runnable).isGreaterThan(90);
  }

  private static void check(WorkersAiEmulator emulator, CatalogModel model, ModelSchemas schemas, List<String> out) {
    Transport t = schemas.transport();
    String answer = t.answerContentType();
    if (t.jsonBody()) {
      JsonNode body = sample(JsonForms.ofInput(schemas.input()).orElseThrow());
      expect(out, model, "a JSON body " + body, json(emulator, model, body.toString()), 200, answer);
      if (t.batches()) {
        String batch = "{\"requests\":[" + body + "]}";
        HttpResponse<byte[]> queued = send(post(runUrl(emulator, model.id()) + "?queueRequest=true", "application/json",
            batch.getBytes(StandardCharsets.UTF_8), emulator.token()).build());
        expect(out, model, "a queued batch", queued, 200, "application/json");
      }
      if (t.stream() && body instanceof ObjectNode object) {
        object.put("stream", true);
        expect(out, model, "a streamed JSON body", json(emulator, model, object.toString()), 200, "text/event-stream");
      }
    } else {
      expect(out, model, "a JSON body it does not take", json(emulator, model, "{\"prompt\":\"a cat\"}"), 400, null);
    }
    byte[] bytes = "some bytes".getBytes(StandardCharsets.UTF_8);
    HttpResponse<byte[]> raw = send(post(runUrl(emulator, model.id()), "application/octet-stream", bytes,
        emulator.token()).build());
    expect(out, model, "the raw bytes", raw, t.acceptsBytes() ? 200 : 400, t.acceptsBytes() ? answer : null);
    if (t.multipart()) {
      String form = "--B\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\na cat\r\n--B--\r\n";
      HttpResponse<byte[]> multipart = send(post(runUrl(emulator, model.id()), "multipart/form-data; boundary=B",
          form.getBytes(StandardCharsets.UTF_8), emulator.token()).build());
      expect(out, model, "a multipart form", multipart, 200, answer);
    }
  }

  /** A body of the model's JSON forms, as a caller fills one: what is required, strings given as text. */
  private static JsonNode sample(JsonNode jsonForms) {
    return SchemaSampler.requiredOnly().withText("a short prompt").sample(jsonForms);
  }

  private static HttpResponse<byte[]> json(WorkersAiEmulator emulator, CatalogModel model, String body) {
    return send(post(runUrl(emulator, model.id()), "application/json", body.getBytes(StandardCharsets.UTF_8),
        emulator.token()).build());
  }

  private static void expect(List<String> out, CatalogModel model, String what, HttpResponse<byte[]> response,
      int status, String contentType) {
    String got = response.headers().firstValue("Content-Type").orElse("");
    if (response.statusCode() != status || contentType != null && !got.startsWith(contentType)) {
      String text = new String(response.body(), StandardCharsets.UTF_8);
      out.add(model.id() + ": " + what + " got " + response.statusCode() + " " + got + ", expected " + status
          + (contentType == null ? "" : " " + contentType) + ": " + text.substring(0, Math.min(300, text.length())));
    }
  }
}
