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
import java.util.concurrent.Executors;
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
 * <p>Thread-safe. Requests are served on a pool of daemon threads.
 */
public final class WorkersAiEmulator implements AutoCloseable {
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
    this.requestLog = new RequestLog(config.accountId());
    this.server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 0);
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "workers-ai-emulator-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", new Router(catalog, faults, config.accountId(), config.token(),
        config.enforceRateLimits(), config.batchPendingPolls(), requestLog::record));
    server.start();
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

  /** Every request received so far. */
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
