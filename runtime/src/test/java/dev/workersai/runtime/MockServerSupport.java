package dev.workersai.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workersai.runtime.model.ModelDescriptor;
import dev.workersai.runtime.model.RateLimit;
import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A MockWebServer on 127.0.0.1 per test and a client pointed at it, on a fake clock. */
abstract class MockServerSupport {
  static final String ACCOUNT = "acc123";
  static final String TOKEN = "tok-SECRET-0123456789abcdef";
  static final ObjectMapper JSON = new ObjectMapper();
  static final ModelDescriptor LLAMA = ModelDescriptor.of("@cf/meta/llama-3.1-8b-instruct", "Text Generation");
  static final String LLAMA_PATH = "/client/v4/accounts/acc123/ai/run/@cf/meta/llama-3.1-8b-instruct";

  MockWebServer server;
  FakeTime time;

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    time = new FakeTime();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  WorkersAi.Builder builder() {
    return WorkersAi.builder()
        .accountId(ACCOUNT)
        .apiToken(TOKEN)
        .baseUrl("http://127.0.0.1:" + server.getPort() + "/client/v4")
        .gatewayBaseUrl("http://127.0.0.1:" + server.getPort() + "/gw/v1")
        .time(time)
        .jitter(() -> 0.0);
  }

  WorkersAi client() {
    return builder().build();
  }

  static ModelDescriptor limited(String id, int rpm) {
    return new ModelDescriptor(id, "Text Generation", rpm, RateLimit.Source.TASK_DEFAULT, false);
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  static MockResponse ok(String resultJson) {
    return json(200, "{\"result\":" + resultJson + ",\"success\":true,\"errors\":[],\"messages\":[]}");
  }

  static MockResponse error(int code, String errorsJson) {
    return json(code, "{\"result\":null,\"success\":false,\"errors\":" + errorsJson + ",\"messages\":[]}");
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no request reached the server");
    }
    return r;
  }

  static JsonNode bodyJson(RecordedRequest r) throws IOException {
    return JSON.readTree(r.getBody().utf8());
  }
}
