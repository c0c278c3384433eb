package dev.workersai.runtime.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.ConnectionException;
import dev.workersai.runtime.InvalidResponseException;
import dev.workersai.runtime.StreamAccumulator;
import dev.workersai.runtime.StreamChunk;
import dev.workersai.runtime.RequestTimeoutException;
import dev.workersai.runtime.WorkersAiException;
import dev.workersai.runtime.internal.Redactor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.util.Iterator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SseChunkStreams#open} over real HTTP: a MockWebServer on 127.0.0.1 and an OkHttp call made
 * here, as the client makes it, so transport faults reach the stream the way they would in use.
 */
class SseChunkStreamsHttpTest {
  private static final String MODEL = "@cf/meta/llama-3.1-8b-instruct";

  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient client = new OkHttpClient.Builder().readTimeout(10, TimeUnit.SECONDS).build();
  private Call call;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private ChunkStream<StreamChunk> openStream() throws IOException {
    call = client.newCall(new Request.Builder().url(server.url("/ai/run/" + MODEL)).build());
    Response response = call.execute();
    assertThat(response.code()).isEqualTo(200);
    return SseChunkStreams.open(call, response, MODEL, Redactor.none());
  }

  private static MockResponse eventStream(MockResponseBody body) {
    return new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .body(body)
        .build();
  }

  /** A body written as the client reads it, never held whole by the server either. */
  private interface Writer {
    void writeTo(BufferedSink sink) throws IOException;
  }

  private static MockResponseBody streamed(Writer writer) {
    return new MockResponseBody() {
      @Override
      public long getContentLength() {
        return -1;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        writer.writeTo(sink);
      }
    };
  }

  @Test
  void readsAWholeAnswerAndReleasesTheConnection() throws IOException {
    server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .body("data: {\"response\":\"Hello\"}\n\ndata: {\"response\":\" world\"}\n\n"
            + "data: {\"response\":\"\",\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":2,\"total_tokens\":6}}\n\n"
            + "data: [DONE]\n\n")
        .build());

    StreamAccumulator answer = StreamAccumulator.collect(openStream());

    assertThat(answer.text()).isEqualTo("Hello world");
    assertThat(answer.usage()).contains(new StreamChunk.Usage(4, 2, 6));
    assertThat(call.isCanceled()).as("a normal end does not cancel").isFalse();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void hundredThousandChunksStreamWithBoundedBuffering() throws IOException {
    int chunkCount = 100_000;
    server.enqueue(eventStream(streamed(sink -> {
      for (int i = 0; i < chunkCount; i++) {
        sink.writeUtf8("data: {\"response\":\"t").writeUtf8(Integer.toString(i % 10))
            .writeUtf8("\",\"p\":\"abcdefgh\"}\n\n");
      }
      sink.writeUtf8("data: {\"response\":\"\",\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":100000,"
          + "\"total_tokens\":100001}}\n\ndata: [DONE]\n\n");
    })));

    long maxBuffered = 0;
    long chunks = 0;
    long textLength = 0;
    try (ChunkStream<StreamChunk> stream = openStream()) {
      SseChunkStream sse = (SseChunkStream) stream;
      for (StreamChunk chunk : stream) {
        chunks++;
        textLength += chunk.response().length();
        maxBuffered = Math.max(maxBuffered, sse.bufferedBytes());
      }
    }

    assertThat(chunks).isEqualTo(chunkCount + 1);
    assertThat(textLength).isEqualTo(2L * chunkCount);
    // About 4 MB went through; the reader never held more than a read segment or two of it.
    assertThat(maxBuffered).isLessThanOrEqualTo(16 * 1024);
  }

  @Test
  void connectionDroppedMidStreamIsAnErrorWithItsCause() throws IOException {
    // The server closes its socket halfway through a body whose length it announced.
    String first = "data: {\"response\":\"partial\"}\n\n";
    server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .body(first + "data: {\"response\":\"" + "x".repeat(first.length() * 4) + "\"}\n\ndata: [DONE]\n\n")
        .onResponseBody(new SocketEffect.CloseSocket(true, false, false))
        .build());

    ChunkStream<StreamChunk> stream = openStream();
    Iterator<StreamChunk> it = stream.iterator();
    assertThat(it.next().response()).isEqualTo("partial");
    assertThatThrownBy(it::hasNext)
        .isExactlyInstanceOf(ConnectionException.class)
        .hasMessageStartingWith("stream from model " + MODEL + " failed after 1 chunks: java.")
        .cause()
        .isInstanceOf(IOException.class)
        .as("the drop is seen at once, not as a read timeout")
        .isNotInstanceOf(SocketTimeoutException.class);
    assertThat(it.hasNext()).isFalse();
    stream.close();
  }

  @Test
  void serverClosingWithoutDoneIsATruncationError() throws IOException {
    server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .body("data: {\"response\":\"cut\"}\n\n")
        .build());

    assertThatThrownBy(() -> StreamAccumulator.collect(openStream()))
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessage("stream from model " + MODEL + " ended without [DONE] after 1 chunks; the answer is truncated");
  }

  @Test
  void malformedLineOverHttpNamesTheModel() throws IOException {
    server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .body("data: {\"response\":\"ok\"}\n\ndata: {oops\n\ndata: [DONE]\n\n")
        .build());

    assertThatThrownBy(() -> StreamAccumulator.collect(openStream()))
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessageStartingWith("model " + MODEL + " sent a malformed stream chunk")
        .hasMessageEndingWith("): {oops");
  }

  @Test
  void closingEarlyCancelsTheCallAndTheServerSeesTheConnectionGo() throws Exception {
    CountDownLatch serverSawDisconnect = new CountDownLatch(1);
    server.enqueue(eventStream(streamed(sink -> {
      sink.writeUtf8("data: {\"response\":\"first\"}\n\n").flush();
      try {
        while (true) { // an answer that never ends unless the client goes away
          sink.writeUtf8(": keep-alive\n\n").flush();
          Thread.sleep(5);
        }
      } catch (IOException expected) {
        serverSawDisconnect.countDown();
        throw expected;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    })));

    try (ChunkStream<StreamChunk> stream = openStream()) {
      for (StreamChunk chunk : stream) {
        assertThat(chunk.response()).isEqualTo("first");
        break;
      }
    }

    assertThat(call.isCanceled()).isTrue();
    assertThat(serverSawDisconnect.await(10, TimeUnit.SECONDS))
        .as("the server's writes fail once the client has closed")
        .isTrue();
  }

  @Test
  void silenceLongerThanTheReadTimeoutIsATimeoutNamingTheRay() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .setHeader("cf-ray", "8f1e2d3c4b5a6978-AMS")
        .body(streamed(sink -> {
          sink.writeUtf8("data: {\"response\":\"first\"}\n\n").flush();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }))
        .build());
    OkHttpClient impatient = client.newBuilder().readTimeout(300, TimeUnit.MILLISECONDS).build();
    call = impatient.newCall(new Request.Builder().url(server.url("/ai/run/" + MODEL)).build());

    try (ChunkStream<StreamChunk> stream = SseChunkStreams.open(call, call.execute(), MODEL, Redactor.none())) {
      Iterator<StreamChunk> it = stream.iterator();
      assertThat(it.next().response()).isEqualTo("first");
      assertThatThrownBy(it::hasNext)
          .isExactlyInstanceOf(RequestTimeoutException.class)
          .hasMessageStartingWith("stream from model " + MODEL + " failed after 1 chunks: java.net.SocketTimeoutException")
          .satisfies(e -> {
            WorkersAiException failure = (WorkersAiException) e;
            assertThat(failure.rayId()).contains("8f1e2d3c4b5a6978-AMS");
            assertThat(failure.modelId()).contains(MODEL);
            assertThat(failure.isRetryable()).isFalse();
          });
    } finally {
      release.countDown();
    }
  }

  @Test
  void closingFromAnotherThreadUnblocksAReadQuietly() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.enqueue(eventStream(streamed(sink -> {
      sink.writeUtf8("data: {\"response\":\"first\"}\n\n").flush();
      try {
        release.await(10, TimeUnit.SECONDS); // stall: the client blocks in its next read
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    })));

    ChunkStream<StreamChunk> stream = openStream();
    Iterator<StreamChunk> it = stream.iterator();
    assertThat(it.next().response()).isEqualTo("first");
    Thread closer = new Thread(() -> {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      stream.close();
    });
    closer.start();
    try {
      assertThat(it.hasNext()).as("a close, not a failure").isFalse();
    } finally {
      release.countDown();
      closer.join();
    }
    assertThat(call.isCanceled()).isTrue();
  }
}
