package dev.workersai.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** The small hand-written snapshot under src/test/resources/snapshot and an HTTP helper for it. */
final class TestSnapshot {
  static final Path DIR = Path.of("src", "test", "resources", "snapshot");
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestSnapshot() {}

  static WorkersAiEmulator start() {
    return WorkersAiEmulator.builder().schemas(DIR).token("test-token").start();
  }

  static String runUrl(WorkersAiEmulator emulator, String model) {
    return emulator.baseUrl() + "/accounts/" + emulator.accountId() + "/ai/run/" + model;
  }

  static HttpRequest.Builder post(String url, String contentType, byte[] body, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(20))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  static HttpResponse<byte[]> postJson(WorkersAiEmulator emulator, String model, String json) {
    return send(post(runUrl(emulator, model), "application/json", json.getBytes(StandardCharsets.UTF_8),
        emulator.token()).build());
  }

  static HttpResponse<byte[]> get(WorkersAiEmulator emulator, String pathAndQuery) {
    return send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/accounts/" + emulator.accountId() + pathAndQuery))
        .timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + emulator.token())
        .GET().build());
  }

  static HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<byte[]> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + new String(response.body(), StandardCharsets.UTF_8), e);
    }
  }
}
