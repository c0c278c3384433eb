package dev.workersai.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Issue 9: many simultaneous connections must all be answered, on threads sized for the machine. */
class ConcurrentLoadTest {
  private static final int CLIENTS = 200;

  @Test
  void everyOneOf200SimultaneousRequestsToAFreshEmulatorIsAnswered() throws Exception {
    // A fresh JVM, as in the report: cold code accepts slowly, so a burst overflowed the JDK's
    // default backlog of 50 and clients saw "Connection reset".
    try (ChildEmulator emulator = ChildEmulator.start("256m")) {
      Map<String, Integer> outcomes = burst(emulator.port(), "/client/v4/accounts/"
          + EmulatorConfig.DEFAULT_ACCOUNT_ID + "/ai/run/@cf/test/chat", "t");

      assertThat(outcomes).isEqualTo(Map.of("HTTP/1.1 200 OK", CLIENTS));
    }
  }

  @Test
  void aBurstRunsOnABoundedNumberOfThreads() throws Exception {
    try (WorkersAiEmulator emulator = TestSnapshot.start()) {
      Map<String, Integer> outcomes = burst(emulator.port(), "/client/v4/accounts/" + emulator.accountId()
          + "/ai/run/@cf/test/chat", emulator.token());

      assertThat(outcomes).isEqualTo(Map.of("HTTP/1.1 200 OK", CLIENTS));
      String prefix = "workers-ai-emulator-" + emulator.port() + "-";
      long threads = Thread.getAllStackTraces().keySet().stream()
          .filter(thread -> thread.getName().startsWith(prefix)).count();
      assertThat(threads).isPositive().isLessThanOrEqualTo(WorkersAiEmulator.MAX_THREADS);
    }
  }

  @Test
  @SuppressWarnings("try") // the emulator is started for its side effect on the property
  void acceptedSocketsSendWithoutNagleDelay() {
    // Else each answer on a kept-alive connection waited ~40 ms for the client's delayed ACK.
    try (WorkersAiEmulator emulator = TestSnapshot.start()) {
      assertThat(System.getProperty(WorkersAiEmulator.NO_DELAY_PROPERTY)).isEqualTo("true");
    }
  }

  /** Sends {@value #CLIENTS} requests at once, each on its own connection; counts status lines and errors. */
  static Map<String, Integer> burst(int port, String path, String token) throws Exception {
    byte[] body = "{\"prompt\":\"all at once\"}".getBytes(StandardCharsets.UTF_8);
    String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        results.add(clients.submit((Callable<String>) () -> {
          go.await();
          return exchange(port, head, body);
        }));
      }
      go.countDown();
      Map<String, Integer> outcomes = new TreeMap<>();
      for (Future<String> result : results) {
        outcomes.merge(result.get(), 1, Integer::sum);
      }
      return outcomes;
    } finally {
      clients.shutdownNow();
    }
  }

  private static String exchange(int port, String head, byte[] body) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 60_000);
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      int lineEnd = response.indexOf("\r\n");
      return lineEnd < 0 ? "no status line: " + response : response.substring(0, lineEnd);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
