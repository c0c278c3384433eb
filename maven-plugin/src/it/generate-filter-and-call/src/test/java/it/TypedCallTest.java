package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.workersai.models.it.Chat;
import dev.workersai.runtime.WorkersAi;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls the generated {@code Chat} binding against a local fake of {@code POST /ai/run/{model}}. */
class TypedCallTest {
  private HttpServer server;
  private final AtomicReference<String> path = new AtomicReference<>();
  private final AtomicReference<String> body = new AtomicReference<>();
  private final AtomicReference<String> auth = new AtomicReference<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      path.set(exchange.getRequestURI().getRawPath());
      auth.set(exchange.getRequestHeaders().getFirst("Authorization"));
      body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] answer = "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"response\":\"pong\"}}"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void theGeneratedBindingSendsTypedInputAndReadsTypedOutput() {
    WorkersAi ai = WorkersAi.builder()
        .accountId("acc-it")
        .apiToken("it-token")
        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/client/v4")
        .build();

    Chat.Output output = Chat.on(ai).run(new Chat.Input("ping", 16L));

    assertEquals("pong", output.response());
    assertEquals("/client/v4/accounts/acc-it/ai/run/@cf/it/chat", path.get().replace("%40", "@"));
    assertEquals("Bearer it-token", auth.get());
    assertTrue(body.get().contains("\"prompt\":\"ping\"") && body.get().contains("\"max_tokens\":16"), body.get());
    assertEquals(300, Chat.DESCRIPTOR.requestsPerMinute());
  }
}
