package dev.workersai.runtime;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Routing through Cloudflare AI Gateway: the gateway id and the {@code cf-aig-*} request headers
 * (caching, logging, gateway-side retries, metadata). Immutable; {@code with...} methods return copies
 * and check their argument against the documented limits.
 *
 * <pre>{@code
 * WorkersAi viaGateway = ai.gateway(GatewayOptions.of("my-gateway")
 *     .withCacheTtl(Duration.ofMinutes(10))
 *     .withMetadata(Map.of("team", "search", "build", 42)));
 * }</pre>
 */
public final class GatewayOptions {
  /** The most metadata entries AI Gateway accepts. */
  public static final int MAX_METADATA_ENTRIES = 5;
  /** The most attempts AI Gateway makes for one request. */
  public static final int MAX_ATTEMPTS = 5;
  /** The longest delay between gateway retries. */
  public static final Duration MAX_RETRY_DELAY = Duration.ofMillis(5000);

  private static final Pattern GATEWAY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  /** How AI Gateway spaces its own retries ({@code cf-aig-backoff}). */
  public enum Backoff {
    CONSTANT,
    LINEAR,
    EXPONENTIAL;

    /** The header value. */
    public String headerValue() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final String gatewayId;
  private final Boolean skipCache;
  private final Duration cacheTtl;
  private final String cacheKey;
  private final Map<String, Object> metadata;
  private final Duration requestTimeout;
  private final Integer maxAttempts;
  private final Duration retryDelay;
  private final Backoff backoff;
  private final Boolean collectLog;
  private final String authToken;

  private GatewayOptions(
      String gatewayId,
      Boolean skipCache,
      Duration cacheTtl,
      String cacheKey,
      Map<String, Object> metadata,
      Duration requestTimeout,
      Integer maxAttempts,
      Duration retryDelay,
      Backoff backoff,
      Boolean collectLog,
      String authToken) {
    this.gatewayId = gatewayId;
    this.skipCache = skipCache;
    this.cacheTtl = cacheTtl;
    this.cacheKey = cacheKey;
    this.metadata = metadata;
    this.requestTimeout = requestTimeout;
    this.maxAttempts = maxAttempts;
    this.retryDelay = retryDelay;
    this.backoff = backoff;
    this.collectLog = collectLog;
    this.authToken = authToken;
  }

  /** Options for the gateway named {@code gatewayId} (such as {@code default}), with no headers set. */
  public static GatewayOptions of(String gatewayId) {
    Objects.requireNonNull(gatewayId, "gatewayId");
    if (!GATEWAY_ID.matcher(gatewayId).matches()) {
      throw new IllegalArgumentException("not a valid AI Gateway id: \"" + gatewayId + "\"");
    }
    return new GatewayOptions(gatewayId, null, null, null, Map.of(), null, null, null, null, null, null);
  }

  /** {@code cf-aig-skip-cache}: bypass the gateway cache for this request. */
  public GatewayOptions withSkipCache(boolean skip) {
    return new GatewayOptions(gatewayId, skip, cacheTtl, cacheKey, metadata, requestTimeout, maxAttempts, retryDelay,
        backoff, collectLog, authToken);
  }

  /** {@code cf-aig-cache-ttl}: how long the gateway caches the answer, in whole seconds (at least 1 s). */
  public GatewayOptions withCacheTtl(Duration ttl) {
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.getSeconds() < 1) {
      throw new IllegalArgumentException("cache TTL must be at least 1 second: " + ttl);
    }
    return new GatewayOptions(gatewayId, skipCache, ttl, cacheKey, metadata, requestTimeout, maxAttempts, retryDelay,
        backoff, collectLog, authToken);
  }

  /** {@code cf-aig-cache-key}: a custom cache key. */
  public GatewayOptions withCacheKey(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isBlank()) {
      throw new IllegalArgumentException("cache key is blank");
    }
    return new GatewayOptions(gatewayId, skipCache, cacheTtl, key, metadata, requestTimeout, maxAttempts, retryDelay,
        backoff, collectLog, authToken);
  }

  /**
   * {@code cf-aig-metadata}: at most {@value #MAX_METADATA_ENTRIES} entries whose values are strings,
   * numbers or booleans, logged with the request. Replaces earlier metadata; order is kept.
   */
  public GatewayOptions withMetadata(Map<String, ?> entries) {
    Objects.requireNonNull(entries, "entries");
    if (entries.size() > MAX_METADATA_ENTRIES) {
      throw new IllegalArgumentException("AI Gateway metadata takes at most " + MAX_METADATA_ENTRIES
          + " entries, got " + entries.size() + ": " + entries.keySet());
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    entries.forEach((key, value) -> {
      Objects.requireNonNull(key, "metadata key");
      if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
        throw new IllegalArgumentException("AI Gateway metadata \"" + key
            + "\" must be a string, number or boolean, got " + (value == null ? "null" : value.getClass().getName()));
      }
      copy.put(key, value);
    });
    return new GatewayOptions(gatewayId, skipCache, cacheTtl, cacheKey, Collections.unmodifiableMap(copy),
        requestTimeout, maxAttempts, retryDelay, backoff, collectLog, authToken);
  }

  /** {@code cf-aig-request-timeout}: how long the gateway waits for the first byte of the answer. */
  public GatewayOptions withRequestTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.toMillis() < 1) {
      throw new IllegalArgumentException("gateway request timeout must be at least 1 ms: " + timeout);
    }
    return new GatewayOptions(gatewayId, skipCache, cacheTtl, cacheKey, metadata, timeout, maxAttempts, retryDelay,
        backoff, collectLog, authToken);
  }

  /** {@code cf-aig-max-attempts}: how many times the gateway tries the request, 1 to {@value #MAX_ATTEMPTS}. */
  public GatewayOptions withMaxAttempts(int attempts) {
    if (attempts < 1 || attempts > MAX_ATTEMPTS) {
      throw new IllegalArgumentException("gateway max attempts must be 1.." + MAX_ATTEMPTS + ": " + attempts);
    }
    return new GatewayOptions(gatewayId, skipCache, cacheTtl, cacheKey, metadata, requestTimeout, attempts, retryDelay,
        backoff, collectLog, authToken);
  }

  /** {@code cf-aig-retry-delay}: the gateway's delay between its attempts, at most 5 s. */
  public GatewayOptions withRetryDelay(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative() || delay.compareTo(MAX_RETRY_DELAY) > 0) {
      throw new IllegalArgumentException("gateway retry delay must be 0.." + MAX_RETRY_DELAY.toMillis() + " ms: "
          + delay.toMillis() + " ms");
    }
    return new GatewayOptions(gatewayId, skipCache, cacheTtl, cacheKey, metadata, requestTimeout, maxAttempts, delay,
        backoff, collectLog, authToken);
  }

  /** {@code cf-aig-backoff}: how the gateway spaces its attempts. */
  public GatewayOptions withBackoff(Backoff backoff) {
    return new GatewayOptions(gatewayId, skipCache, cacheTtl, cacheKey, metadata, requestTimeout, maxAttempts, retryDelay,
        Objects.requireNonNull(backoff, "backoff"), collectLog, authToken);
  }

  /** {@code cf-aig-collect-log}: whether the gateway logs this request, overriding its setting. */
  public GatewayOptions withCollectLog(boolean collect) {
    return new GatewayOptions(gatewayId, skipCache, cacheTtl, cacheKey, metadata, requestTimeout, maxAttempts, retryDelay,
        backoff, collect, authToken);
  }

  /**
   * {@code cf-aig-authorization}: the gateway's own token, needed when the gateway is
   * "Authenticated". Never shown by {@link #toString()}.
   */
  public GatewayOptions withAuthToken(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("gateway auth token is blank");
    }
    return new GatewayOptions(gatewayId, skipCache, cacheTtl, cacheKey, metadata, requestTimeout, maxAttempts, retryDelay,
        backoff, collectLog, token);
  }

  /** The gateway name in the URL. */
  public String gatewayId() {
    return gatewayId;
  }

  /** The {@code cf-aig-skip-cache} value, if set. */
  public Optional<Boolean> skipCache() {
    return Optional.ofNullable(skipCache);
  }

  /** The {@code cf-aig-cache-ttl} value, if set. */
  public Optional<Duration> cacheTtl() {
    return Optional.ofNullable(cacheTtl);
  }

  /** The {@code cf-aig-cache-key} value, if set. */
  public Optional<String> cacheKey() {
    return Optional.ofNullable(cacheKey);
  }

  /** The metadata entries, in insertion order; empty when none. */
  public Map<String, Object> metadata() {
    return metadata;
  }

  /** The {@code cf-aig-request-timeout} value, if set. */
  public Optional<Duration> requestTimeout() {
    return Optional.ofNullable(requestTimeout);
  }

  /** The {@code cf-aig-max-attempts} value, if set. */
  public Optional<Integer> maxAttempts() {
    return Optional.ofNullable(maxAttempts);
  }

  /** The {@code cf-aig-retry-delay} value, if set. */
  public Optional<Duration> retryDelay() {
    return Optional.ofNullable(retryDelay);
  }

  /** The {@code cf-aig-backoff} value, if set. */
  public Optional<Backoff> backoff() {
    return Optional.ofNullable(backoff);
  }

  /** The {@code cf-aig-collect-log} value, if set. */
  public Optional<Boolean> collectLog() {
    return Optional.ofNullable(collectLog);
  }

  /** Whether a gateway token is set (the token itself is not exposed here). */
  public boolean hasAuthToken() {
    return authToken != null;
  }

  /**
   * The {@code cf-aig-*} request headers these options stand for, in a fixed order. Package-private
   * because it includes the gateway token.
   */
  Map<String, String> requestHeaders(com.fasterxml.jackson.databind.ObjectMapper mapper) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (authToken != null) {
      headers.put("cf-aig-authorization", "Bearer " + authToken);
    }
    if (skipCache != null) {
      headers.put("cf-aig-skip-cache", skipCache.toString());
    }
    if (cacheTtl != null) {
      headers.put("cf-aig-cache-ttl", Long.toString(cacheTtl.getSeconds()));
    }
    if (cacheKey != null) {
      headers.put("cf-aig-cache-key", cacheKey);
    }
    if (!metadata.isEmpty()) {
      try {
        headers.put("cf-aig-metadata", mapper.writeValueAsString(metadata));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("cannot write gateway metadata " + metadata.keySet(), e);
      }
    }
    if (requestTimeout != null) {
      headers.put("cf-aig-request-timeout", Long.toString(requestTimeout.toMillis()));
    }
    if (maxAttempts != null) {
      headers.put("cf-aig-max-attempts", maxAttempts.toString());
    }
    if (retryDelay != null) {
      headers.put("cf-aig-retry-delay", Long.toString(retryDelay.toMillis()));
    }
    if (backoff != null) {
      headers.put("cf-aig-backoff", backoff.headerValue());
    }
    if (collectLog != null) {
      headers.put("cf-aig-collect-log", collectLog.toString());
    }
    return headers;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("GatewayOptions[").append(gatewayId);
    if (skipCache != null) {
      s.append(", skipCache=").append(skipCache);
    }
    if (cacheTtl != null) {
      s.append(", cacheTtl=").append(cacheTtl);
    }
    if (cacheKey != null) {
      s.append(", cacheKey=").append(cacheKey);
    }
    if (!metadata.isEmpty()) {
      s.append(", metadata=").append(metadata);
    }
    if (requestTimeout != null) {
      s.append(", requestTimeout=").append(requestTimeout);
    }
    if (maxAttempts != null) {
      s.append(", maxAttempts=").append(maxAttempts);
    }
    if (retryDelay != null) {
      s.append(", retryDelay=").append(retryDelay);
    }
    if (backoff != null) {
      s.append(", backoff=").append(backoff.headerValue());
    }
    if (collectLog != null) {
      s.append(", collectLog=").append(collectLog);
    }
    if (authToken != null) {
      s.append(", authToken=***");
    }
    return s.append(']').toString();
  }
}
