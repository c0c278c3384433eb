package dev.workersai.benchmarks;

import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.StreamChunk;
import dev.workersai.runtime.internal.sse.SseChunkStreams;
import dev.workersai.runtime.internal.sse.SseEvent;
import dev.workersai.runtime.internal.sse.SseReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okio.BufferedSource;
import okio.Okio;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How fast a streamed answer is parsed, with no network in the way: a recorded-style body of {@value
 * #CHUNKS} events read through an {@link java.io.InputStream} source, as a socket would deliver it.
 *
 * <p>Scores are chunks per second ({@link OperationsPerInvocation} makes one operation one chunk);
 * multiply by the bytes per chunk printed at setup for MB/s. With {@code -prof gc}, {@code
 * gc.alloc.rate.norm} is the allocation per chunk. The printed {@code [cpu]} line ({@link
 * CpuTime}) is the thread's CPU per chunk, steadier than the score on a busy machine.
 *
 * <ul>
 *   <li>{@code chunks}: the full path users get, {@link SseChunkStreams#read} (framing, JSON parse,
 *       normalisation into {@link StreamChunk}).
 *   <li>{@code framingOnly}: {@link SseReader} alone, to show how the cost splits.
 * </ul>
 */
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SseParseBenchmark {
  /** Events per body: the usual length of a chat answer, in tokens. */
  static final int CHUNKS = 1000;

  private static final String MODEL = "@cf/meta/llama-3.1-8b-instruct";
  private static final String[] WORDS = {" the", " quick", " brown", " fox", " jumps", " over", " lazy", " dogs"};

  /**
   * {@code native}: {@code {"response":..,"p":..}} frames. {@code openai}: {@code
   * chat.completion.chunk} frames with a duplicate top-level {@code response}, as newer models send.
   */
  @Param({"native", "openai"})
  public String format;

  private byte[] body;

  @Setup
  public void buildBody() {
    StringBuilder sse = new StringBuilder();
    for (int i = 0; i < CHUNKS - 1; i++) {
      String word = WORDS[i % WORDS.length];
      if (format.equals("native")) {
        sse.append("data: {\"response\":\"").append(word).append("\",\"p\":\"abcdefghijklmnop\"}\n\n");
      } else {
        sse.append("data: {\"id\":\"chatcmpl-8f1e2d3c\",\"object\":\"chat.completion.chunk\",")
            .append("\"created\":1764288000,\"model\":\"").append(MODEL).append("\",")
            .append("\"choices\":[{\"index\":0,\"delta\":{\"content\":\"").append(word)
            .append("\"},\"finish_reason\":null}],\"response\":\"").append(word).append("\"}\n\n");
      }
    }
    sse.append("data: {\"response\":\"\",\"usage\":{\"prompt_tokens\":24,\"completion_tokens\":")
        .append(CHUNKS - 1).append(",\"total_tokens\":").append(CHUNKS + 23).append("}}\n\n")
        .append("data: [DONE]\n\n");
    body = sse.toString().getBytes(StandardCharsets.UTF_8);
    System.out.printf("%n[sse %s] %d bytes, %d chunks, %.1f bytes/chunk%n",
        format, body.length, CHUNKS, body.length / (double) CHUNKS);
  }

  private BufferedSource source() {
    return Okio.buffer(Okio.source(new ByteArrayInputStream(body)));
  }

  @Benchmark
  @OperationsPerInvocation(CHUNKS)
  public void chunks(Blackhole blackhole, CpuTime cpu) {
    long start = CpuTime.now();
    int count = 0;
    try (ChunkStream<StreamChunk> stream = SseChunkStreams.read(source(), MODEL)) {
      for (StreamChunk chunk : stream) {
        blackhole.consume(chunk);
        count++;
      }
    }
    cpu.record(start, CHUNKS);
    if (count != CHUNKS) {
      throw new IllegalStateException("expected " + CHUNKS + " chunks, got " + count);
    }
  }

  @Benchmark
  @OperationsPerInvocation(CHUNKS)
  public void framingOnly(Blackhole blackhole, CpuTime cpu) throws IOException {
    long start = CpuTime.now();
    SseReader reader = new SseReader(source());
    int count = 0;
    for (SseEvent event = reader.next(); event != null; event = reader.next()) {
      blackhole.consume(event);
      count++;
    }
    cpu.record(start, CHUNKS);
    if (count != CHUNKS + 1) { // the chunks and [DONE]
      throw new IllegalStateException("expected " + (CHUNKS + 1) + " events, got " + count);
    }
  }
}
