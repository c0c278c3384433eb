package dev.workersai.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.Generator;
import dev.workersai.generator.compile.GeneratedCode;
import dev.workersai.runtime.WorkersAi;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated model class's {@code runAsync}, compiled from the made-up model in {@code
 * src/test/resources/convenience/} and called against a server that never answers: cancelling the
 * typed future it returns cancels the HTTP call in flight.
 */
class AsyncCancellationTest {
  @TempDir
  static Path tmp;
  private static ClassLoader classes;

  private MockWebServer server;

  @BeforeAll
  static void compile() {
    classes = GeneratedCode.compile(Generator.render(GenerationRequest.of(
        Paths.get("src", "test", "resources", "convenience"), tmp.resolve("unused"))).files(), tmp);
  }

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** What OkHttp reports of a call's end. */
  static final class CallEnds extends EventListener {
    final CountDownLatch canceled = new CountDownLatch(1);
    final CountDownLatch failed = new CountDownLatch(1);
    volatile boolean flaggedCanceled;

    @Override
    public void canceled(Call call) {
      flaggedCanceled = call.isCanceled();
      canceled.countDown();
    }

    @Override
    public void callFailed(Call call, IOException ioe) {
      failed.countDown();
    }
  }

  @Test
  void cancellingTheTypedFutureCancelsTheCallInFlight() throws Exception {
    CallEnds ends = new CallEnds();
    WorkersAi ai = WorkersAi.builder().accountId("acc").apiToken("test-token-0123456789")
        .baseUrl(server.url("/client/v4").toString())
        .okHttpClient(new OkHttpClient.Builder().eventListener(ends).build())
        .build();
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body("{\"result\":{\"response\":\"late\"},\"success\":true}").onResponseStart(SocketEffect.Stall.INSTANCE)
        .build());
    Class<?> chat = classes.loadClass("dev.workersai.models.acme.Chat");
    Class<?> inputType = classes.loadClass("dev.workersai.models.acme.Chat$Input");
    Object builder = inputType.getMethod("builder").invoke(null);
    Object input = builder.getClass().getMethod("messages", List.class).invoke(builder, List.of());
    input = input.getClass().getMethod("build").invoke(input);
    Object binding = chat.getMethod("on", WorkersAi.class).invoke(null, ai);

    CompletableFuture<?> future = (CompletableFuture<?>) chat.getMethod("runAsync", inputType).invoke(binding, input);
    assertThat(server.takeRequest(5, TimeUnit.SECONDS)).as("the request reached the server").isNotNull();
    assertThat(future.cancel(true)).isTrue();

    assertThat(ends.canceled.await(5, TimeUnit.SECONDS)).as("OkHttp reported the call canceled").isTrue();
    assertThat(ends.failed.await(5, TimeUnit.SECONDS)).as("the call in flight ended").isTrue();
    assertThat(ends.flaggedCanceled).isTrue();
    assertThat(future).isCancelled();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
