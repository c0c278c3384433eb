package dev.workersai.runtime;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-call settings that override the client's. Immutable; {@code with...} methods return copies.
 * {@link #defaults()} changes nothing. Unset values fall back to the client's configuration.
 *
 * <pre>{@code
 * CallOptions opts = CallOptions.defaults()
 *     .withMaxRetries(0)
 *     .withTimeout(Duration.ofSeconds(30))
 *     .withRejectIfBusy(true)
 *     .withSessionAffinity("conversation-42");
 * }</pre>
 */
public final class CallOptions {
  private static final CallOptions DEFAULTS =
      new CallOptions(null, null, null, null, null, false, null, null, Map.of());

  private final RetryPolicy retryPolicy;
  private final Integer maxRetries;
  private final Duration timeout;
  private final Duration readTimeout;
  private final GatewayOptions gateway;
  private final boolean rejectIfBusy;
  private final String sessionAffinity;
  private final Duration rateLimitWait;
  private final Map<String, String> headers;

  private CallOptions(
      RetryPolicy retryPolicy,
      Integer maxRetries,
      Duration timeout,
      Duration readTimeout,
      GatewayOptions gateway,
      boolean rejectIfBusy,
      String sessionAffinity,
      Duration rateLimitWait,
      Map<String, String> headers) {
    this.retryPolicy = retryPolicy;
    this.maxRetries = maxRetries;
    this.timeout = timeout;
    this.readTimeout = readTimeout;
    this.gateway = gateway;
    this.rejectIfBusy = rejectIfBusy;
    this.sessionAffinity = sessionAffinity;
    this.rateLimitWait = rateLimitWait;
    this.headers = headers;
  }

  /** No overrides. */
  public static CallOptions defaults() {
    return DEFAULTS;
  }

  /** Replaces the client's retry policy for this call. */
  public CallOptions withRetryPolicy(RetryPolicy policy) {
    return new CallOptions(Objects.requireNonNull(policy, "policy"), maxRetries, timeout, readTimeout, gateway,
        rejectIfBusy, sessionAffinity, rateLimitWait, headers);
  }

  /** Overrides only the number of retries of the effective retry policy ({@code 0}: no retry). */
  public CallOptions withMaxRetries(int retries) {
    if (retries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0: " + retries);
    }
    return new CallOptions(retryPolicy, retries, timeout, readTimeout, gateway, rejectIfBusy, sessionAffinity,
        rateLimitWait, headers);
  }

  /**
   * The whole call's deadline, retries and waits included (OkHttp's call timeout). For streams it
   * also bounds reading the stream.
   */
  public CallOptions withTimeout(Duration timeout) {
    return new CallOptions(retryPolicy, maxRetries, positive(timeout, "timeout"), readTimeout, gateway, rejectIfBusy,
        sessionAffinity, rateLimitWait, headers);
  }

  /** The longest silence allowed while waiting for response bytes (OkHttp's read timeout). */
  public CallOptions withReadTimeout(Duration readTimeout) {
    return new CallOptions(retryPolicy, maxRetries, timeout, positive(readTimeout, "readTimeout"), gateway,
        rejectIfBusy, sessionAffinity, rateLimitWait, headers);
  }

  /** Routes this call through AI Gateway with these options. */
  public CallOptions withGateway(GatewayOptions gateway) {
    return new CallOptions(retryPolicy, maxRetries, timeout, readTimeout, Objects.requireNonNull(gateway, "gateway"),
        rejectIfBusy, sessionAffinity, rateLimitWait, headers);
  }

  /**
   * Asks Workers AI to fail fast with 429/3040 instead of queueing when the model is busy; sent as
   * the top-level {@code "options": {"rejectIfBusy": true}} of a JSON body (ignored for raw-binary and
   * multipart bodies, which have no place for it).
   */
  public CallOptions withRejectIfBusy(boolean reject) {
    return new CallOptions(retryPolicy, maxRetries, timeout, readTimeout, gateway, reject, sessionAffinity,
        rateLimitWait, headers);
  }

  /**
   * Sends {@code x-session-affinity} so that calls of one conversation reach the same model
   * instance and reuse its prompt cache.
   */
  public CallOptions withSessionAffinity(String sessionId) {
    Objects.requireNonNull(sessionId, "sessionId");
    if (sessionId.isBlank()) {
      throw new IllegalArgumentException("session affinity id is blank");
    }
    return new CallOptions(retryPolicy, maxRetries, timeout, readTimeout, gateway, rejectIfBusy, sessionId,
        rateLimitWait, headers);
  }

  /** How long this call may wait for the client-side rate limiter before failing. */
  public CallOptions withRateLimitWait(Duration maxWait) {
    Objects.requireNonNull(maxWait, "maxWait");
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("rate limit wait must not be negative: " + maxWait);
    }
    return new CallOptions(retryPolicy, maxRetries, timeout, readTimeout, gateway, rejectIfBusy, sessionAffinity,
        maxWait, headers);
  }

  /**
   * Adds a request header (replacing an earlier one of the same name). Credentials cannot be set
   * here: {@code Authorization}, {@code X-Auth-Key} and {@code X-Auth-Email} come from the client.
   */
  public CallOptions withHeader(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("authorization") || lower.equals("x-auth-key") || lower.equals("x-auth-email")) {
      throw new IllegalArgumentException("header " + name + " is set by the client from its credentials");
    }
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new CallOptions(retryPolicy, maxRetries, timeout, readTimeout, gateway, rejectIfBusy, sessionAffinity,
        rateLimitWait, Collections.unmodifiableMap(copy));
  }

  /** The retry policy set for this call, if any. */
  public Optional<RetryPolicy> retryPolicy() {
    return Optional.ofNullable(retryPolicy);
  }

  /** The retry count set for this call, if any. */
  public Optional<Integer> maxRetries() {
    return Optional.ofNullable(maxRetries);
  }

  /** The call deadline set for this call, if any. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** The read timeout set for this call, if any. */
  public Optional<Duration> readTimeout() {
    return Optional.ofNullable(readTimeout);
  }

  /** The AI Gateway route set for this call, if any. */
  public Optional<GatewayOptions> gateway() {
    return Optional.ofNullable(gateway);
  }

  /** Whether the body asks Workers AI to reject the call when the model is busy. */
  public boolean rejectIfBusy() {
    return rejectIfBusy;
  }

  /** The {@code x-session-affinity} value, if any. */
  public Optional<String> sessionAffinity() {
    return Optional.ofNullable(sessionAffinity);
  }

  /** The rate-limiter wait set for this call, if any. */
  public Optional<Duration> rateLimitWait() {
    return Optional.ofNullable(rateLimitWait);
  }

  /** Extra headers, in insertion order. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The retry policy this call uses, given the client's. */
  RetryPolicy effectiveRetryPolicy(RetryPolicy clientPolicy) {
    RetryPolicy policy = retryPolicy != null ? retryPolicy : clientPolicy;
    return maxRetries != null ? policy.withMaxRetries(maxRetries) : policy;
  }

  @Override
  public String toString() {
    return "CallOptions[retryPolicy=" + retryPolicy + ", maxRetries=" + maxRetries + ", timeout=" + timeout
        + ", readTimeout=" + readTimeout + ", gateway=" + gateway + ", rejectIfBusy=" + rejectIfBusy
        + ", sessionAffinity=" + sessionAffinity + ", rateLimitWait=" + rateLimitWait + ", headers=" + headers.keySet()
        + "]";
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
    return d;
  }
}
