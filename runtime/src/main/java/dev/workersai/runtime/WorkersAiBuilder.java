package dev.workersai.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workersai.runtime.internal.Time;
import dev.workersai.runtime.internal.ratelimit.TokenBucketRateLimiter;
import dev.workersai.runtime.observe.CallListener;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import okhttp3.OkHttpClient;

/**
 * The settings and setters of {@link WorkersAi.Builder}, kept out of the client's own file. Package-private:
 * users name the type {@code WorkersAi.Builder} (its only subclass), whose inherited setters return it.
 * {@link WorkersAi} and {@link InterceptorChain} read the fields.
 */
abstract class WorkersAiBuilder {
  String accountId;
  String apiToken;
  String baseUrl = WorkersAi.DEFAULT_BASE_URL;
  String gatewayBaseUrl = WorkersAi.DEFAULT_GATEWAY_BASE_URL;
  OkHttpClient okHttpClient;
  ObjectMapper objectMapper;
  Duration connectTimeout;
  Duration readTimeout;
  Duration writeTimeout;
  Duration callTimeout = WorkersAi.DEFAULT_CALL_TIMEOUT;
  RetryPolicy retryPolicy = RetryPolicy.defaults();
  boolean rateLimiting = true;
  RateLimiter rateLimiter;
  double rateLimitBurstAboveLimit;
  Duration maxRateLimitWait = WorkersAi.DEFAULT_MAX_RATE_LIMIT_WAIT;
  Duration batchPollInterval = Duration.ofSeconds(1);
  Time time = Time.system();
  DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
  Executor asyncExecutor;
  CallListener callListener = CallListener.NONE;

  WorkersAiBuilder() {}

  /** The Cloudflare account id (required). */
  public WorkersAi.Builder accountId(String accountId) {
    this.accountId = accountId;
    return self();
  }

  /** An API token with Workers AI permissions (required). Never logged or shown. */
  public WorkersAi.Builder apiToken(String apiToken) {
    this.apiToken = apiToken;
    return self();
  }

  /** Replaces {@link WorkersAi#DEFAULT_BASE_URL}, for tests, proxies and the local emulator. */
  public WorkersAi.Builder baseUrl(String baseUrl) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    return self();
  }

  /** Replaces {@link WorkersAi#DEFAULT_GATEWAY_BASE_URL} (tests, a proxy). */
  public WorkersAi.Builder gatewayBaseUrl(String gatewayBaseUrl) {
    this.gatewayBaseUrl = Objects.requireNonNull(gatewayBaseUrl, "gatewayBaseUrl");
    return self();
  }

  /**
   * Sends through a client derived from yours ({@link OkHttpClient#newBuilder()}), so your
   * interceptors (metrics, tracing, logging), connection pool, proxy and TLS settings are used. Your client
   * is not changed.
   */
  public WorkersAi.Builder okHttpClient(OkHttpClient client) {
    this.okHttpClient = Objects.requireNonNull(client, "client");
    return self();
  }

  /** Bases the runtime's mapper on a copy of yours (its modules and settings); yours is not changed. */
  public WorkersAi.Builder objectMapper(ObjectMapper mapper) {
    this.objectMapper = Objects.requireNonNull(mapper, "mapper");
    return self();
  }

  /** How long opening a connection may take. */
  public WorkersAi.Builder connectTimeout(Duration timeout) {
    this.connectTimeout = positive(timeout, "connectTimeout");
    return self();
  }

  /** The longest silence while waiting for response bytes (also between stream chunks). */
  public WorkersAi.Builder readTimeout(Duration timeout) {
    this.readTimeout = positive(timeout, "readTimeout");
    return self();
  }

  /** The longest stall allowed while sending the request body. */
  public WorkersAi.Builder writeTimeout(Duration timeout) {
    this.writeTimeout = positive(timeout, "writeTimeout");
    return self();
  }

  /** The deadline of a whole non-streamed call, retries and waits included. */
  public WorkersAi.Builder callTimeout(Duration timeout) {
    this.callTimeout = positive(timeout, "callTimeout");
    return self();
  }

  /** How failed calls are retried; {@link RetryPolicy#defaults()} unless set. */
  public WorkersAi.Builder retryPolicy(RetryPolicy policy) {
    this.retryPolicy = Objects.requireNonNull(policy, "policy");
    return self();
  }

  /** Changes only the number of retries of the client's retry policy ({@code 0}: never retry). */
  public WorkersAi.Builder maxRetries(int retries) {
    this.retryPolicy = retryPolicy.withMaxRetries(retries);
    return self();
  }

  /** Turns client-side rate limiting on (the default) or off. */
  public WorkersAi.Builder rateLimiting(boolean enabled) {
    this.rateLimiting = enabled;
    return self();
  }

  /**
   * Opt-in: lets the client's own limiter send up to {@code fraction} times a model's published
   * requests per minute more in any 60 seconds (0.1: 330 where 300 are published). By default (0)
   * no 60-second span ever exceeds the published figure. The server may answer the excess with 429
   * (3021), which is retried. Not for a limiter passed to {@link #rateLimiter}: configure that one
   * itself ({@link RateLimiter#perModelTokenBuckets(double)}).
   *
   * @throws IllegalArgumentException if {@code fraction} is negative or not finite
   */
  public WorkersAi.Builder rateLimitBurstAboveLimit(double fraction) {
    this.rateLimitBurstAboveLimit = TokenBucketRateLimiter.checkBurst(fraction);
    return self();
  }

  /**
   * Uses {@code limiter} instead of a private per-model budget, e.g. to share one budget among
   * several clients or JVMs.
   */
  public WorkersAi.Builder rateLimiter(RateLimiter limiter) {
    this.rateLimiter = Objects.requireNonNull(limiter, "limiter");
    this.rateLimiting = true;
    return self();
  }

  /**
   * The executor {@link WorkersAi#runAsync} runs calls on; each call holds one of its threads while
   * it runs, including while it waits for a retry or the rate limiter. By default, a pool of daemon
   * threads made on demand and ended after a minute idle. Pass a bounded pool to cap concurrency, or
   * on Java 21+ {@code Executors.newVirtualThreadPerTaskExecutor()} so waiting costs no platform
   * thread. The client never shuts down an executor you pass.
   */
  public WorkersAi.Builder asyncExecutor(Executor executor) {
    this.asyncExecutor = Objects.requireNonNull(executor, "executor");
    return self();
  }

  /**
   * Tells {@code listener} of every call: its start, rate-limit waits, retries and end (tracing,
   * metrics; see {@code workers-ai-opentelemetry}). One listener per client; none by default.
   */
  public WorkersAi.Builder callListener(CallListener listener) {
    this.callListener = Objects.requireNonNull(listener, "listener");
    return self();
  }

  /** How long a call may wait for the rate limiter before {@link RateLimitWaitException}. */
  public WorkersAi.Builder maxRateLimitWait(Duration maxWait) {
    Objects.requireNonNull(maxWait, "maxWait");
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("maxRateLimitWait must not be negative: " + maxWait);
    }
    this.maxRateLimitWait = maxWait;
    return self();
  }

  /** The first wait between batch polls (default 1 s); later waits grow by half up to ten times it. */
  public WorkersAi.Builder batchPollInterval(Duration interval) {
    this.batchPollInterval = positive(interval, "batchPollInterval");
    return self();
  }

  /** The clock and sleeper for backoff, rate limiting and batch polls (tests). */
  WorkersAi.Builder time(Time time) {
    this.time = Objects.requireNonNull(time, "time");
    return self();
  }

  /** The jitter source for backoff, samples in [0, 1) (tests). */
  WorkersAi.Builder jitter(DoubleSupplier jitter) {
    this.jitter = Objects.requireNonNull(jitter, "jitter");
    return self();
  }

  /**
   * The client.
   *
   * @throws IllegalStateException if the account id or token is missing, or an opt-in burst is set
   *     together with a limiter of your own
   * @throws IllegalArgumentException if a URL is malformed
   */
  public WorkersAi build() {
    if (rateLimiter != null && rateLimitBurstAboveLimit != 0) {
      throw new IllegalStateException("rateLimitBurstAboveLimit applies to the client's own limiter, and a limiter "
          + "was passed to rateLimiter(..); configure the burst on that limiter instead");
    }
    return new WorkersAi(this);
  }

  @Override
  public String toString() {
    return "WorkersAi.Builder[account=" + accountId + ", baseUrl=" + baseUrl + ", apiToken="
        + (apiToken == null ? "unset" : "***") + "]";
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
    return d;
  }

  private WorkersAi.Builder self() {
    return (WorkersAi.Builder) this;
  }
}
