package dev.workersai.emulator;

import com.sun.net.httpserver.HttpServer;
import dev.workersai.emulator.catalog.EmulatedCatalog;
import dev.workersai.emulator.catalog.EmulatedModel;
import dev.workersai.emulator.catalog.SnapshotLoader;
import dev.workersai.emulator.fault.Faults;
import dev.workersai.emulator.http.Router;
import dev.workersai.runtime.WorkersAi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local server that speaks the Workers AI REST API for the models of a catalog snapshot.
 * Start it, point a {@link WorkersAi} client at {@link #baseUrl()}, close it when done.
 *
 * <pre>{@code
 * try (WorkersAiEmulator emulator = WorkersAiEmulator.builder().schemas(dir).start()) {
 *   WorkersAi client = emulator.client();
 *   // ... or any HTTP client: POST emulator.baseUrl() + "/accounts/" + emulator.accountId()
 *   //     + "/ai/run/@cf/meta/llama-3.1-8b-instruct" with "Authorization: Bearer " + emulator.token()
 * }
 * }</pre>
 *
 * <p>Thread-safe. Requests are served on a bounded pool of daemon threads named
 * {@code workers-ai-emulator-<port>-<n>}.
 */
public final class WorkersAiEmulator implements AutoCloseable {
  /**
   * Connections waiting to be accepted. The JDK's default of 50 overflows when a test fires a
   * couple of hundred requests at once: the kernel drops the extra handshakes, which clients see
   * as resets or one-second retransmission stalls. The kernel caps it at {@code somaxconn}.
   */
  static final int BACKLOG = 1024;
  /**
   * Request threads at most. Answers are CPU work, so a 2-core machine gains nothing from hundreds
   * of threads; but latency faults and slow stream readers block a thread, so there are enough for
   * those not to hold up everything else. Requests beyond it wait in line, they are not refused.
   */
  static final int MAX_THREADS = Math.min(256, Math.max(64, 16 * Runtime.getRuntime().availableProcessors()));
  /** The JDK server's switch for TCP_NODELAY on the sockets it accepts. */
  static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

  static {
    // The JDK server sends an answer's headers and body as two writes. With Nagle's algorithm on,
    // the body waits for the client's delayed ACK of the headers: some 40 ms per request on a
    // kept-alive connection. The JDK reads this once, when its first server in the JVM starts;
    // a value the user set is kept.
    if (System.getProperty(NO_DELAY_PROPERTY) == null) {
      System.setProperty(NO_DELAY_PROPERTY, "true");
    }
  }

  private final EmulatorConfig config;
  private final EmulatedCatalog catalog;
  private final Faults faults = new Faults();
  private final RequestLog requestLog;
  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicBoolean closed = new AtomicBoolean();

  private WorkersAiEmulator(EmulatorConfig config) throws IOException {
    this.config = config;
    this.catalog = SnapshotLoader.load(config.schemas(), config.rateLimitsFile(), config.rateLimitOverrides());
    this.requestLog = new RequestLog(config.accountId(), config.requestLogCapacity());
    this.server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), BACKLOG);
    this.executor = requestThreads("workers-ai-emulator-" + server.getAddress().getPort() + "-");
    server.setExecutor(executor);
    server.createContext("/", new Router(catalog, faults, config.accountId(), config.token(),
        config.enforceRateLimits(), config.batchPendingPolls(),
        new Router.Limits(config.maxBodyBytes(), config.bodyMemoryBytes(), config.gatewayCacheEntries()),
        requestLog::record));
    server.start();
  }

  /**
   * Daemon threads named {@code namePrefix + n}, up to {@link #MAX_THREADS}, made as requests come
   * (a core thread per task until the maximum, then reuse) and ended after 30 idle seconds.
   */
  private static ExecutorService requestThreads(String namePrefix) {
    AtomicInteger threads = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), task -> {
          Thread thread = new Thread(task, namePrefix + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** Starts an emulator; it listens until {@link #close()}. */
  public static WorkersAiEmulator start(EmulatorConfig config) {
    try {
      return new WorkersAiEmulator(config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + config.bindAddress().getHostAddress() + ":" + config.port(), e);
    }
  }

  /** A configuration builder whose {@link EmulatorConfig.Builder#start()} starts the emulator. */
  public static EmulatorConfig.Builder builder() {
    return EmulatorConfig.builder();
  }

  /**
   * The base URL to give a client in place of {@code https://api.cloudflare.com/client/v4}, such
   * as {@code http://127.0.0.1:43123/client/v4}.
   */
  public String baseUrl() {
    return rootUrl() + "/client/v4";
  }

  /**
   * The base URL to give an OpenAI client (the OpenAI Java SDK, LangChain4j, Spring AI), such as
   * {@code http://127.0.0.1:43123/client/v4/accounts/<account>/ai/v1}; the token is its API key.
   */
  public String openAiBaseUrl() {
    return baseUrl() + "/accounts/" + accountId() + "/ai/v1";
  }

  /** The server's root, such as {@code http://127.0.0.1:43123}. */
  public String rootUrl() {
    InetAddress address = server.getAddress().getAddress();
    String host = address.isAnyLocalAddress() ? InetAddress.getLoopbackAddress().getHostAddress() : address.getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + port();
  }

  /**
   * The AI Gateway base for {@code gatewayId}, in place of
   * {@code https://gateway.ai.cloudflare.com/v1/{account}/{gateway}/workers-ai}.
   */
  public String gatewayUrl(String gatewayId) {
    return gatewayBaseUrl() + "/" + config.accountId() + "/" + gatewayId + "/workers-ai";
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The address it listens on. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** The bearer token it requires. */
  public String token() {
    return config.token();
  }

  /** The account id it answers to. */
  public String accountId() {
    return config.accountId();
  }

  /** The configuration it was started with. */
  public EmulatorConfig config() {
    return config;
  }

  /** The ids of the models it serves, sorted. */
  public List<String> modelIds() {
    return catalog.models().stream().map(EmulatedModel::id).toList();
  }

  /** The faults to inject; changes apply to the next request. */
  public Faults faults() {
    return faults;
  }

  /** The requests received so far (the most recent {@link EmulatorConfig#requestLogCapacity()}). */
  public RequestLog requestLog() {
    return requestLog;
  }

  /**
   * The AI Gateway root to give a client in place of {@code https://gateway.ai.cloudflare.com/v1},
   * such as {@code http://127.0.0.1:43123/v1}.
   */
  public String gatewayBaseUrl() {
    return rootUrl() + "/v1";
  }

  /**
   * A new {@link WorkersAi} client configured for this emulator: its base URL, gateway base URL,
   * account and token. Its other settings (retries, timeouts, rate limiting) are the runtime's
   * defaults; build your own from {@link #baseUrl()}, {@link #accountId()} and {@link #token()}
   * to change them.
   */
  public WorkersAi client() {
    return WorkersAi.builder()
        .accountId(accountId())
        .apiToken(token())
        .baseUrl(baseUrl())
        .gatewayBaseUrl(gatewayBaseUrl())
        .build();
  }

  /** Stops listening and ends the request threads; calling it again does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "WorkersAiEmulator{" + rootUrl() + ", models=" + catalog.models().size() + "}";
  }
}
