package dev.workersai.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.workersai.runtime.CallOptions;
import dev.workersai.runtime.RequestPayload;
import dev.workersai.runtime.WorkersAi;
import dev.workersai.runtime.model.ModelDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The runtime's cost per call compared with the least a caller could write by hand for the same
 * request: both POST the same JSON to the same local server (a JDK {@link HttpServer} on 127.0.0.1
 * answering a fixed Workers AI envelope), over the same kind of {@link OkHttpClient}, and read
 * {@code result.response} from the answer.
 *
 * <p>{@code runtime / handWritten} is the overhead ratio; the difference of the two scores is the
 * runtime's absolute cost per call (interceptors, rate-limit check, envelope checks, error mapping
 * set-up), since the network and server time are common to both. The printed {@code
 * [cpu]} line ({@link CpuTime}) is the calling thread's CPU per call, the steadier comparison on
 * a busy machine; {@code -prof gc} adds the allocation per call.
 *
 * <p>Warm-up is long because one call takes hundreds of microseconds: shorter runs leave OkHttp
 * and Jackson partly interpreted, and the scores then compare JIT progress, not clients.
 */
@Fork(1)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallOverheadBenchmark {
  private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
  private static final String TOKEN = "benchmark-token-not-a-secret";
  private static final ModelDescriptor MODEL =
      ModelDescriptor.of("@cf/meta/llama-3.1-8b-instruct", "Text Generation");
  private static final MediaType JSON = MediaType.get("application/json");
  private static final byte[] ANSWER = ("{\"result\":{\"response\":\"Hello! How can I help you today?\","
      + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":9,\"total_tokens\":21}},"
      + "\"success\":true,\"errors\":[],\"messages\":[]}").getBytes(StandardCharsets.UTF_8);

  private HttpServer server;
  private OkHttpClient handWrittenClient;
  private OkHttpClient handWrittenTimedClient;
  private WorkersAi runtime;
  private ObjectMapper mapper;
  private String runUrl;

  @Setup
  public void start() throws IOException {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK, and every call waits ~40 ms: that would measure TCP, not the clients. The
    // property is read when the server classes initialise, so it must be set before create().
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, ANSWER.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(ANSWER);
      }
    });
    // No executor: the server's dispatcher thread answers itself, so a call costs two thread
    // wake-ups (client, server) and scheduler noise on a busy machine stays as small as it can.
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/client/v4";
    runUrl = base + "/accounts/" + ACCOUNT + "/ai/run/" + MODEL.id();

    mapper = new ObjectMapper();
    handWrittenClient = new OkHttpClient();
    handWrittenTimedClient = handWrittenClient.newBuilder().callTimeout(WorkersAi.DEFAULT_CALL_TIMEOUT).build();
    runtime = WorkersAi.builder().accountId(ACCOUNT).apiToken(TOKEN).baseUrl(base).build();

    // Both sides must read the same answer, or the comparison means nothing.
    String expected = "Hello! How can I help you today?";
    if (!expected.equals(handWritten(handWrittenClient)) || !expected.equals(runtime())) {
      throw new IllegalStateException("the two clients read different answers");
    }
  }

  @TearDown
  public void stop() {
    server.stop(0);
    handWrittenClient.dispatcher().executorService().shutdown();
    handWrittenClient.connectionPool().evictAll();
  }

  /** OkHttp + Jackson written directly: serialise, POST, check {@code success}, read the field. */
  @Benchmark
  public String handWritten(CpuTime cpu) throws IOException {
    long start = CpuTime.now();
    String answer = handWritten(handWrittenClient);
    cpu.record(start, 1);
    return answer;
  }

  /**
   * {@link #handWritten} with the runtime's default whole-call timeout, which costs every call a
   * registration with OkHttp's timeout watchdog thread: separates that price from the rest.
   */
  @Benchmark
  public String handWrittenWithCallTimeout(CpuTime cpu) throws IOException {
    long start = CpuTime.now();
    String answer = handWritten(handWrittenTimedClient);
    cpu.record(start, 1);
    return answer;
  }

  /** The same request through {@link WorkersAi#run} with default options. */
  @Benchmark
  public String runtime(CpuTime cpu) {
    long start = CpuTime.now();
    String answer = runtime();
    cpu.record(start, 1);
    return answer;
  }

  private String handWritten(OkHttpClient client) throws IOException {
    byte[] body = mapper.writeValueAsBytes(Map.of("prompt", "Hello"));
    Request request = new Request.Builder()
        .url(runUrl)
        .header("Authorization", "Bearer " + TOKEN)
        .post(RequestBody.create(body, JSON))
        .build();
    try (Response response = client.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      JsonNode envelope = mapper.readTree(response.body().byteStream());
      if (!envelope.path("success").asBoolean()) {
        throw new IOException("success:false");
      }
      return envelope.path("result").path("response").asText();
    }
  }

  private String runtime() {
    return runtime.run(MODEL, RequestPayload.json(Map.of("prompt", "Hello")), CallOptions.defaults())
        .result().path("response").asText();
  }
}
