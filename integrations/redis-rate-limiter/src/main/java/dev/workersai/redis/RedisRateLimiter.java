package dev.workersai.redis;

import dev.workersai.runtime.RateLimiter;
import dev.workersai.runtime.model.ModelDescriptor;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce.LettuceBasedProxyManagerBuilder;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A {@link RateLimiter} shared by every JVM on one account: each model's bucket is a Bucket4j bucket
 * in Redis (one key per model and limit), updated by compare-and-swap, so all clients together
 * never let more than the model's published requests per minute through in any 60 seconds.
 *
 * <pre>{@code
 * try (RedisRateLimiter shared = RedisRateLimiter.connect("redis://redis.internal:6379")) {
 *   WorkersAi ai = WorkersAi.builder().accountId(..).apiToken(..).rateLimiter(shared).build();
 * }
 * }</pre>
 *
 * <p>When Redis cannot be reached, a call is not failed: it takes its permit from this JVM's own
 * limiter ({@link RateLimiter#perModelTokenBuckets()} unless set), a warning is logged once per
 * outage, and Redis is tried again after {@link Builder#retryRedisAfter} (default 5 s). During an
 * outage each JVM keeps to the published figure on its own, so together they may exceed it.
 *
 * <p>Bucket times come from the clients' wall clocks (as Bucket4j's client-side clock): keep the
 * hosts' clocks synchronised (NTP).
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {
  /** How long a Redis command may take before the call falls back to the local limiter. */
  public static final Duration DEFAULT_REDIS_TIMEOUT = Duration.ofSeconds(2);
  /** How long calls use the local limiter after Redis failed, before Redis is tried again. */
  public static final Duration DEFAULT_RETRY_REDIS_AFTER = Duration.ofSeconds(5);
  /** The key prefix; add your account id to it when several accounts share one Redis. */
  public static final String DEFAULT_KEY_PREFIX = "workers-ai:rate-limit:";

  private static final System.Logger LOG = System.getLogger(RedisRateLimiter.class.getName());

  private final ProxyManager<String> buckets;
  private final String keyPrefix;
  private final RateLimiter fallback;
  private final long retryRedisAfterNanos;
  private final BlockingStrategy blocking;
  private final LongSupplier nanoClock;
  private final Consumer<String> warnings;
  private final AutoCloseable owned;
  private final Map<String, BucketProxy> proxies = new ConcurrentHashMap<>();
  private final AtomicBoolean degraded = new AtomicBoolean();
  private volatile long redisRetryAt;

  private RedisRateLimiter(Builder b) {
    LettuceBasedProxyManagerBuilder<byte[]> manager = Bucket4jLettuce.casBasedBuilder(b.connection)
        .requestTimeout(b.redisTimeout)
        // Keys of idle models vanish once their bucket would be full again.
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)));
    if (b.clock != null) {
      manager.clientClock(b.clock);
    }
    this.buckets = manager.build().withMapper(key -> key.getBytes(StandardCharsets.UTF_8));
    this.keyPrefix = b.keyPrefix;
    this.fallback = b.fallback != null ? b.fallback : RateLimiter.perModelTokenBuckets();
    this.retryRedisAfterNanos = b.retryRedisAfter.toNanos();
    this.blocking = b.blocking;
    this.nanoClock = b.nanoClock;
    this.warnings = b.warnings;
    this.owned = b.owned;
  }

  /**
   * Connects to {@code redisUri} ({@code redis://host:port}, {@code rediss://..} for TLS, with a
   * password or database as Lettuce's URIs allow) with {@link Builder} defaults. The connection is
   * the limiter's: {@link #close()} closes it.
   */
  public static RedisRateLimiter connect(String redisUri) {
    return builder().connect(redisUri).build();
  }

  /** A builder; set a connection with {@link Builder#connection} or {@link Builder#connect}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean acquire(ModelDescriptor model, Duration maxWait) throws InterruptedException {
    if (!model.hasRateLimit()) {
      return true; // nothing published for this model: do not invent a limit
    }
    if (degraded.get() && nanoClock.getAsLong() - redisRetryAt < 0) {
      return fallback.acquire(model, maxWait);
    }
    boolean granted;
    try {
      BucketProxy bucket = bucketOf(model);
      // Bucket4j takes no zero wait; tryConsume(1) is the same without one.
      granted = maxWait.isZero() ? bucket.tryConsume(1) : bucket.asBlocking().tryConsume(1, maxWait, blocking);
    } catch (RuntimeException e) {
      if (!isRedisFailure(e)) {
        throw e;
      }
      redisRetryAt = nanoClock.getAsLong() + retryRedisAfterNanos;
      if (degraded.compareAndSet(false, true)) {
        warnings.accept("Redis is unreachable for the shared Workers AI rate limit (" + describe(e)
            + "); each JVM now keeps to the published limits on its own, and Redis is tried again in "
            + Duration.ofNanos(retryRedisAfterNanos).toMillis() + " ms");
      }
      return fallback.acquire(model, maxWait);
    }
    if (degraded.compareAndSet(true, false)) {
      warnings.accept("Redis is reachable again: the Workers AI rate limit is shared again");
    }
    return granted;
  }

  private BucketProxy bucketOf(ModelDescriptor model) {
    int perMinute = model.requestsPerMinute();
    String key = keyPrefix + model.id() + "#" + perMinute;
    return proxies.computeIfAbsent(key, k -> buckets.builder().build(k, () -> SharedBudgets.forLimit(perMinute)));
  }

  /** Whether {@code e} comes from reaching Redis (refused, reset, timed out), not from a bug of ours. */
  static boolean isRedisFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RedisException || t instanceof TimeoutException || t instanceof java.io.IOException) {
        return true;
      }
    }
    return false;
  }

  private static String describe(RuntimeException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }

  /** Closes the Redis connection if this limiter opened it ({@link #connect}); otherwise does nothing. */
  @Override
  public void close() {
    if (owned != null) {
      try {
        owned.close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.DEBUG, "closing the Redis connection failed", e);
      }
    }
  }

  @Override
  public String toString() {
    return "RedisRateLimiter[keyPrefix=" + keyPrefix + "]"; // never the URI: it may hold a password
  }

  /** Builds a {@link RedisRateLimiter}. */
  public static final class Builder {
    private StatefulRedisConnection<byte[], byte[]> connection;
    private AutoCloseable owned;
    private String keyPrefix = DEFAULT_KEY_PREFIX;
    private RateLimiter fallback;
    private Duration retryRedisAfter = DEFAULT_RETRY_REDIS_AFTER;
    private Duration redisTimeout = DEFAULT_REDIS_TIMEOUT;
    private TimeMeter clock;
    private BlockingStrategy blocking = BlockingStrategy.PARKING;
    private LongSupplier nanoClock = System::nanoTime;
    private Consumer<String> warnings = message -> LOG.log(System.Logger.Level.WARNING, message);

    private Builder() {}

    /**
     * Uses your connection (with {@code ByteArrayCodec}); you close it. Give it a command timeout
     * (Lettuce's default is a minute) and {@code DisconnectedBehavior.REJECT_COMMANDS}, so that calls
     * fall back at once when Redis is down.
     */
    public Builder connection(StatefulRedisConnection<byte[], byte[]> connection) {
      this.connection = Objects.requireNonNull(connection, "connection");
      this.owned = null;
      return this;
    }

    /**
     * Opens a connection to {@code redisUri} that the limiter owns: commands time out after the
     * {@link #redisTimeout} and are refused at once while disconnected (Lettuce reconnects in the
     * background).
     *
     * @throws IllegalArgumentException if {@code redisUri} is not a Redis URI
     * @throws io.lettuce.core.RedisConnectionException if Redis cannot be reached now
     */
    public Builder connect(String redisUri) {
      Objects.requireNonNull(redisUri, "redisUri");
      RedisURI uri = RedisURI.create(redisUri);
      uri.setTimeout(redisTimeout);
      RedisClient client = RedisClient.create(uri);
      client.setOptions(ClientOptions.builder()
          .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
          .autoReconnect(true)
          .build());
      try {
        StatefulRedisConnection<byte[], byte[]> opened = client.connect(ByteArrayCodec.INSTANCE);
        this.connection = opened;
        this.owned = () -> {
          opened.close();
          client.shutdown();
        };
      } catch (RuntimeException e) {
        client.shutdown();
        throw e;
      }
      return this;
    }

    /** The prefix of every bucket key (default {@value #DEFAULT_KEY_PREFIX}); the model id and limit follow. */
    public Builder keyPrefix(String keyPrefix) {
      this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
      return this;
    }

    /** The limiter used while Redis is unreachable; {@link RateLimiter#perModelTokenBuckets()} by default. */
    public Builder fallback(RateLimiter fallback) {
      this.fallback = Objects.requireNonNull(fallback, "fallback");
      return this;
    }

    /** How long to use the fallback after a Redis failure before trying Redis again (zero: every call). */
    public Builder retryRedisAfter(Duration wait) {
      Objects.requireNonNull(wait, "wait");
      if (wait.isNegative()) {
        throw new IllegalArgumentException("retryRedisAfter must not be negative: " + wait);
      }
      this.retryRedisAfter = wait;
      return this;
    }

    /** The longest a Redis request may take (set it before {@link #connect}, which uses it too). */
    public Builder redisTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("redisTimeout must be positive: " + timeout);
      }
      this.redisTimeout = timeout;
      return this;
    }

    /** The buckets' clock (tests; by default Bucket4j's, the wall clock shared by all hosts). */
    Builder clock(TimeMeter clock) {
      this.clock = clock;
      return this;
    }

    /** How a granted call waits for its permit (tests). */
    Builder blocking(BlockingStrategy blocking) {
      this.blocking = blocking;
      return this;
    }

    /** The clock of the fallback period (tests). */
    Builder nanoClock(LongSupplier nanoClock) {
      this.nanoClock = nanoClock;
      return this;
    }

    /** Where outage warnings go (tests; by default a {@code System.Logger} WARNING). */
    Builder warnings(Consumer<String> warnings) {
      this.warnings = warnings;
      return this;
    }

    /**
     * The limiter.
     *
     * @throws IllegalStateException if no connection was set
     */
    public RedisRateLimiter build() {
      if (connection == null) {
        throw new IllegalStateException("RedisRateLimiter needs a connection: call connection(..) or connect(uri)");
      }
      return new RedisRateLimiter(this);
    }
  }
}
