package dev.workersai.emulator;

import dev.workersai.emulator.catalog.DefaultSnapshot;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How to start a {@link WorkersAiEmulator}. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * EmulatorConfig config = EmulatorConfig.builder()
 *     .schemas(Path.of("model-schemas/models"))
 *     .port(0)                    // a free port
 *     .enforceRateLimits(true)
 *     .build();
 * }</pre>
 *
 * <p>{@link #toString()} leaves the token out.
 */
public final class EmulatorConfig {
  /** The account id the emulator answers to when none is given. */
  public static final String DEFAULT_ACCOUNT_ID = "emulator-account";
  /** The largest request body accepted when none is set: 10 MB, the real API's limit (WIRE.md §4). */
  public static final int DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
  /** The largest {@link Builder#maxBodyBytes(int)}: a body is read into one array. */
  public static final int MAX_BODY_BYTES_LIMIT = 1 << 30;
  /** How many requests the request log keeps when none is set. */
  public static final int DEFAULT_REQUEST_LOG_CAPACITY = 10_000;
  /** How many answers the AI Gateway cache keeps when none is set. */
  public static final int DEFAULT_GATEWAY_CACHE_ENTRIES = 1_000;

  private final Optional<Path> schemas;
  private final Optional<Path> rateLimitsFile;
  private final int port;
  private final InetAddress bindAddress;
  private final String token;
  private final String accountId;
  private final boolean enforceRateLimits;
  private final Map<String, Integer> rateLimitOverrides;
  private final int batchPendingPolls;
  private final int maxBodyBytes;
  private final long bodyMemoryBytes;
  private final int requestLogCapacity;
  private final int gatewayCacheEntries;

  private EmulatorConfig(Builder builder) {
    this.schemas = Optional.ofNullable(builder.schemas);
    this.rateLimitsFile = Optional.ofNullable(builder.rateLimitsFile);
    this.port = builder.port;
    this.bindAddress = builder.bindAddress;
    this.token = builder.token != null ? builder.token : randomToken();
    this.accountId = builder.accountId;
    this.enforceRateLimits = builder.enforceRateLimits;
    this.rateLimitOverrides = Map.copyOf(builder.rateLimitOverrides);
    this.batchPendingPolls = builder.batchPendingPolls;
    this.maxBodyBytes = builder.maxBodyBytes;
    // An eighth of the heap: a body costs a few times its size while it is parsed and answered.
    this.bodyMemoryBytes = builder.bodyMemoryBytes > 0 ? builder.bodyMemoryBytes
        : Math.max(maxBodyBytes, Runtime.getRuntime().maxMemory() / 8);
    this.requestLogCapacity = builder.requestLogCapacity;
    this.gatewayCacheEntries = builder.gatewayCacheEntries;
  }

  /** A builder with the defaults: bundled snapshot, free port, loopback, random token. */
  public static Builder builder() {
    return new Builder();
  }

  /** The snapshot folder; {@link DefaultSnapshot#locate()} when none was given. */
  public Path schemas() {
    return schemas.orElseGet(DefaultSnapshot::locate);
  }

  /**
   * The rate-limit table: the one given, else none when the snapshot folder has its own
   * {@code rate-limits.json}, else a {@code rate-limits.json} beside the folder (the bundled
   * {@code model-schemas/} layout).
   */
  public Optional<Path> rateLimitsFile() {
    return rateLimitsFile.isPresent() ? rateLimitsFile : DefaultSnapshot.rateLimitsBeside(schemas());
  }

  /** The port; {@code 0} means a free one chosen at start. */
  public int port() {
    return port;
  }

  /** The address the server listens on; loopback unless set. */
  public InetAddress bindAddress() {
    return bindAddress;
  }

  /** The bearer token clients must send. */
  public String token() {
    return token;
  }

  /** The account id in the paths the emulator answers. */
  public String accountId() {
    return accountId;
  }

  /** Whether the catalog's per-minute rate limits are enforced (429/3021 beyond them). */
  public boolean enforceRateLimits() {
    return enforceRateLimits;
  }

  /** Per-model limits (requests per minute) that replace the snapshot's. */
  public Map<String, Integer> rateLimitOverrides() {
    return rateLimitOverrides;
  }

  /** How many polls a queued batch answers {@code "running"} before its results. */
  public int batchPendingPolls() {
    return batchPendingPolls;
  }

  /** The largest request body accepted; a bigger one is answered 413 / 3006. */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * How many bytes of request bodies are held at once, over all requests in flight; more uploads
   * wait for their turn (up to 30 s, then 503 / 3040). Unless set, an eighth of the maximum heap
   * but at least {@link #maxBodyBytes()}.
   */
  public long bodyMemoryBytes() {
    return bodyMemoryBytes;
  }

  /** How many requests the {@link RequestLog} keeps; older ones are forgotten but still counted. */
  public int requestLogCapacity() {
    return requestLogCapacity;
  }

  /** How many answers the AI Gateway cache keeps; the least recently used go first. */
  public int gatewayCacheEntries() {
    return gatewayCacheEntries;
  }

  @Override
  public String toString() {
    return "EmulatorConfig{schemas=" + schemas.map(Path::toString).orElse("<default>")
        + ", rateLimitsFile=" + rateLimitsFile.map(Path::toString).orElse("<default>") + ", port=" + port
        + ", bindAddress=" + bindAddress.getHostAddress() + ", accountId=" + accountId
        + ", enforceRateLimits=" + enforceRateLimits + ", rateLimitOverrides=" + rateLimitOverrides
        + ", batchPendingPolls=" + batchPendingPolls + ", maxBodyBytes=" + maxBodyBytes
        + ", bodyMemoryBytes=" + bodyMemoryBytes + ", requestLogCapacity=" + requestLogCapacity
        + ", gatewayCacheEntries=" + gatewayCacheEntries + "}";
  }

  private static String randomToken() {
    byte[] bytes = new byte[20];
    new SecureRandom().nextBytes(bytes);
    return "emulator-" + HexFormat.of().formatHex(bytes);
  }

  /** Builds an {@link EmulatorConfig}. Not thread-safe. */
  public static final class Builder {
    private Path schemas;
    private Path rateLimitsFile;
    private int port;
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private String token;
    private String accountId = DEFAULT_ACCOUNT_ID;
    private boolean enforceRateLimits;
    private final Map<String, Integer> rateLimitOverrides = new TreeMap<>();
    private int batchPendingPolls = 1;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private long bodyMemoryBytes;
    private int requestLogCapacity = DEFAULT_REQUEST_LOG_CAPACITY;
    private int gatewayCacheEntries = DEFAULT_GATEWAY_CACHE_ENTRIES;

    private Builder() {}

    /** The snapshot folder: model {@code *.json} files plus an optional {@code rate-limits.json}. */
    public Builder schemas(Path schemas) {
      this.schemas = Objects.requireNonNull(schemas, "schemas");
      return this;
    }

    /** A rate-limit table file to use instead of the snapshot folder's {@code rate-limits.json}. */
    public Builder rateLimitsFile(Path rateLimitsFile) {
      this.rateLimitsFile = Objects.requireNonNull(rateLimitsFile, "rateLimitsFile");
      return this;
    }

    /** The port, {@code 0} (the default) for a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** The address to listen on; the default is loopback. Anything else exposes the emulator. */
    public Builder bindAddress(InetAddress bindAddress) {
      this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
      return this;
    }

    /** The bearer token to require; a random one when not set. */
    public Builder token(String token) {
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("token is blank");
      }
      this.token = token;
      return this;
    }

    /** The account id to answer to; {@value EmulatorConfig#DEFAULT_ACCOUNT_ID} when not set. */
    public Builder accountId(String accountId) {
      if (accountId == null || accountId.isBlank() || accountId.contains("/")) {
        throw new IllegalArgumentException("not a usable account id: " + accountId);
      }
      this.accountId = accountId;
      return this;
    }

    /** Enforces the snapshot's per-minute rate limits (off by default). */
    public Builder enforceRateLimits(boolean enforceRateLimits) {
      this.enforceRateLimits = enforceRateLimits;
      return this;
    }

    /** Replaces one model's rate limit (requests per minute); takes effect when limits are enforced. */
    public Builder rateLimit(String modelId, int requestsPerMinute) {
      if (requestsPerMinute < 1) {
        throw new IllegalArgumentException("requestsPerMinute < 1 for " + modelId + ": " + requestsPerMinute);
      }
      rateLimitOverrides.put(Objects.requireNonNull(modelId, "modelId"), requestsPerMinute);
      return this;
    }

    /** How many polls a batch stays {@code "running"} (default 1; 0 = done at the first poll). */
    public Builder batchPendingPolls(int polls) {
      if (polls < 0) {
        throw new IllegalArgumentException("batchPendingPolls < 0: " + polls);
      }
      this.batchPendingPolls = polls;
      return this;
    }

    /** The largest request body to accept (default 10 MB, at most 1 GB); bigger ones are answered 413 / 3006. */
    public Builder maxBodyBytes(int bytes) {
      if (bytes < 1 || bytes > MAX_BODY_BYTES_LIMIT) {
        throw new IllegalArgumentException("maxBodyBytes not in 1.." + MAX_BODY_BYTES_LIMIT + ": " + bytes);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /**
     * How many bytes of request bodies to hold at once (default: an eighth of the maximum heap);
     * uploads beyond it wait for their turn. At least {@link #maxBodyBytes(int)}.
     */
    public Builder bodyMemoryBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("bodyMemoryBytes < 1: " + bytes);
      }
      this.bodyMemoryBytes = bytes;
      return this;
    }

    /** How many requests the request log keeps (default {@value EmulatorConfig#DEFAULT_REQUEST_LOG_CAPACITY}). */
    public Builder requestLogCapacity(int entries) {
      if (entries < 1) {
        throw new IllegalArgumentException("requestLogCapacity < 1: " + entries);
      }
      this.requestLogCapacity = entries;
      return this;
    }

    /** How many answers the AI Gateway cache keeps (default {@value EmulatorConfig#DEFAULT_GATEWAY_CACHE_ENTRIES}). */
    public Builder gatewayCacheEntries(int entries) {
      if (entries < 1) {
        throw new IllegalArgumentException("gatewayCacheEntries < 1: " + entries);
      }
      this.gatewayCacheEntries = entries;
      return this;
    }

    /** The configuration. */
    public EmulatorConfig build() {
      if (bodyMemoryBytes > 0 && bodyMemoryBytes < maxBodyBytes) {
        throw new IllegalArgumentException("bodyMemoryBytes (" + bodyMemoryBytes + ") < maxBodyBytes ("
            + maxBodyBytes + "): a body of the largest size could never be read");
      }
      return new EmulatorConfig(this);
    }

    /** Builds the configuration and starts an emulator with it. */
    public WorkersAiEmulator start() {
      return WorkersAiEmulator.start(build());
    }
  }
}
