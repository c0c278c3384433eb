package dev.workersai.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.runtime.internal.Time;
import dev.workersai.runtime.model.ModelDescriptor;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.Call;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** runAsync: waits (backoff, rate limiter) happen off OkHttp's dispatcher, and cancelling stops them. */
class AsyncRunTest extends MockServerSupport {
  private static final String CAPACITY = "[{\"code\":3040,\"message\":\"Capacity temporarily exceeded, please try again.\"}]";

  /** A clock that stands still and a sleeper that blocks until released or interrupted. */
  static final class BlockingTime implements Time {
    final CountDownLatch sleeping = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch interrupted = new CountDownLatch(1);
    final List<String> sleeperThreads = new ArrayList<>();

    @Override
    public long nanoTime() {
      return 1_000_000_000L;
    }

    @Override
    public Instant now() {
      return Instant.parse("2026-11-28T10:15:30Z");
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      synchronized (this) {
        sleeperThreads.add(Thread.currentThread().getName());
      }
      sleeping.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw e;
      }
    }

    synchronized List<String> sleeperThreads() {
      return List.copyOf(sleeperThreads);
    }
  }

  private final BlockingTime blocking = new BlockingTime();

  private static void await(CountDownLatch latch) throws InterruptedException {
    assertThat(latch.await(5, TimeUnit.SECONDS)).as("latch reached within 5 s").isTrue();
  }

  @Test
  void retryBackoffOfOneCallDoesNotHoldTheDispatcherFromAnother() throws Exception {
    Dispatcher oneAtATime = new Dispatcher();
    oneAtATime.setMaxRequests(1);
    oneAtATime.setMaxRequestsPerHost(1);
    WorkersAi ai = builder().time(blocking).okHttpClient(new OkHttpClient.Builder().dispatcher(oneAtATime).build()).build();
    server.enqueue(error(429, CAPACITY));

    CompletableFuture<ModelResponse> waiting = ai.runAsync(LLAMA, RequestPayload.json(Map.of("n", "a")), CallOptions.defaults());
    await(blocking.sleeping); // the first call got its 429 and is in backoff
    server.enqueue(ok("{\"response\":\"b\"}"));
    ModelResponse other = ai.runAsync(LLAMA, RequestPayload.json(Map.of("n", "b")), CallOptions.defaults())
        .get(5, TimeUnit.SECONDS);

    assertThat(other.result().get("response").asText()).isEqualTo("b");
    assertThat(waiting).isNotDone();
    server.enqueue(ok("{\"response\":\"a\"}"));
    blocking.release.countDown();
    assertThat(waiting.get(5, TimeUnit.SECONDS).result().get("response").asText()).isEqualTo("a");
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(blocking.sleeperThreads()).singleElement().asString().startsWith("workers-ai-async-");
  }

  @Test
  void cancellingDuringRetryBackoffStopsTheWaitAndSendsNothingMore() throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    WorkersAi ai = builder().time(blocking).asyncExecutor(executor).build();
    server.enqueue(error(429, CAPACITY));
    server.enqueue(ok("{}")); // would be the retry

    CompletableFuture<ModelResponse> future = ai.runAsync(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults());
    await(blocking.sleeping);
    assertThat(future.cancel(false)).isTrue();

    await(blocking.interrupted);
    // The interrupt ends with the canceled call: the executor's thread is clean for the next task.
    assertThat(executor.submit(() -> Thread.currentThread().isInterrupted()).get(5, TimeUnit.SECONDS)).isFalse();
    executor.shutdown();
    assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    assertThat(future).isCancelled();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void cancellingWhileWaitingForTheRateLimiterSendsNothing() throws Exception {
    ModelDescriptor model = limited("@cf/meta/llama-3.1-8b-instruct", 10); // burst of 1, then one per 6 s
    ExecutorService executor = Executors.newSingleThreadExecutor();
    WorkersAi ai = builder().time(blocking).asyncExecutor(executor).build();
    server.enqueue(ok("{}"));
    server.enqueue(ok("{}"));
    ai.run(model, RequestPayload.json(Map.of()), CallOptions.defaults()); // takes the only permit

    CompletableFuture<ModelResponse> future = ai.runAsync(model, RequestPayload.json(Map.of()), CallOptions.defaults());
    await(blocking.sleeping);
    future.cancel(true);

    await(blocking.interrupted);
    executor.shutdown();
    assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    assertThat(future).isCancelled();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void callCanceledBeforeItStartsIsNeverSent() {
    List<Runnable> pending = new ArrayList<>();
    WorkersAi ai = builder().asyncExecutor(pending::add).build();
    server.enqueue(ok("{}"));

    CompletableFuture<ModelResponse> future = ai.runAsync(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults());
    future.cancel(true);
    assertThat(pending).hasSize(1);
    pending.get(0).run();

    assertThat(future).isCancelled();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void executorThatRefusesFailsTheFutureWithoutSending() {
    WorkersAi ai = builder().asyncExecutor(task -> {
      throw new RejectedExecutionException("pool shut down");
    }).build();

    assertThat(ai.runAsync(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults()))
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isExactlyInstanceOf(WorkersAiException.class)
        .withMessage("model @cf/meta/llama-3.1-8b-instruct: the async executor refused the call (pool shut down); "
            + "nothing was sent")
        .withCauseInstanceOf(RejectedExecutionException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  /** Records what OkHttp reports of a call's end: that it was canceled, and that it failed in flight. */
  static final class CallEnds extends EventListener {
    final CountDownLatch canceled = new CountDownLatch(1);
    final CountDownLatch failed = new CountDownLatch(1);
    volatile boolean flaggedCanceled;
    volatile IOException failure;

    @Override
    public void canceled(Call call) {
      flaggedCanceled = call.isCanceled();
      canceled.countDown();
    }

    @Override
    public void callFailed(Call call, IOException ioe) {
      failure = ioe;
      failed.countDown();
    }
  }

  @Test
  void cancellingAFutureMappedByTheReaderOverloadCancelsTheCallInFlight() throws Exception {
    CallEnds ends = new CallEnds();
    WorkersAi ai = builder().okHttpClient(new OkHttpClient.Builder().eventListener(ends).build()).build();
    server.enqueue(new MockResponse.Builder(ok("{}")).onResponseStart(SocketEffect.Stall.INSTANCE).build());

    CompletableFuture<String> future =
        ai.runAsync(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults(), r -> r.result().toString());
    take(); // the request reached the server, which never answers: the call is in flight
    assertThat(future.cancel(true)).isTrue();

    await(ends.canceled);
    await(ends.failed); // the exchange waiting for the answer was torn down
    assertThat(ends.flaggedCanceled).isTrue();
    assertThat(future).isCancelled();
    assertThat(time.sleeps()).as("no retry backoff after the cancel").isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void readerOverloadMapsTheAnswerAndFailsTheFutureWithWhatTheReaderThrows() throws Exception {
    WorkersAi ai = client();
    server.enqueue(ok("{\"response\":\"hi\"}"));
    server.enqueue(ok("{}"));

    assertThat(ai.runAsync(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults(),
        r -> r.result().get("response").asText()).get(5, TimeUnit.SECONDS)).isEqualTo("hi");
    assertThat(ai.runAsync(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults(), r -> {
      throw new IllegalStateException("unreadable");
    })).failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isExactlyInstanceOf(IllegalStateException.class)
        .withMessage("unreadable");
  }
}
