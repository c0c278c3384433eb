package dev.workersai.emulator.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure the emulator produces on demand, installed through {@link Faults}. Build one with the
 * static factories, for example {@code Fault.rateLimited(3021, Duration.ofSeconds(2))}.
 */
public sealed interface Fault {

  /** Waits {@code delay} before answering normally; combines with any other fault. */
  record Latency(Duration delay) implements Fault {
    public Latency {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("negative latency: " + delay);
      }
    }
  }

  /**
   * HTTP 429 with Workers AI code {@code code}: 3021 (per-minute rate limit), 3036 (daily
   * allocation used up) or 3040 (out of capacity); with a {@code Retry-After} header in whole
   * seconds when {@code retryAfter} is present.
   */
  record RateLimited(int code, Optional<Duration> retryAfter) implements Fault {
    public RateLimited {
      if (code != 3021 && code != 3036 && code != 3040) {
        throw new IllegalArgumentException("429 code must be 3021, 3036 or 3040: " + code);
      }
      Objects.requireNonNull(retryAfter, "retryAfter");
    }
  }

  /** A 5xx answer with an error envelope carrying {@code code}. */
  record ServerError(int status, int code) implements Fault {
    public ServerError {
      if (status < 500 || status > 599) {
        throw new IllegalArgumentException("not a 5xx status: " + status);
      }
    }
  }

  /**
   * The connection is cut after the headers and part of the body: a stream after
   * {@code afterChunks} SSE events, a JSON or binary answer after half of its bytes.
   */
  record DropConnection(int afterChunks) implements Fault {
    public DropConnection {
      if (afterChunks < 0) {
        throw new IllegalArgumentException("afterChunks < 0: " + afterChunks);
      }
    }
  }

  /** A stream whose second event is not valid JSON, and which still ends with {@code [DONE]}. */
  record MalformedSse() implements Fault {}

  /** The {@code /ai/models/schema} endpoint fails for the model with {@code status} and {@code code}. */
  record SchemaEndpointError(int status, int code) implements Fault {
    public SchemaEndpointError {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("not an error status: " + status);
      }
    }
  }

  /** A delay before each answer. */
  static Fault latency(Duration delay) {
    return new Latency(delay);
  }

  /** A 429 without {@code Retry-After}. */
  static Fault rateLimited(int code) {
    return new RateLimited(code, Optional.empty());
  }

  /** A 429 with {@code Retry-After}. */
  static Fault rateLimited(int code, Duration retryAfter) {
    return new RateLimited(code, Optional.of(retryAfter));
  }

  /** A 5xx answer whose envelope code is {@code 5000 + status % 100} (the real codes are not published). */
  static Fault serverError(int status) {
    return new ServerError(status, 5000 + status % 100);
  }

  /** A cut connection after two SSE events (or half of a whole answer). */
  static Fault dropConnection() {
    return new DropConnection(2);
  }

  /** A stream with an unparseable event. */
  static Fault malformedSse() {
    return new MalformedSse();
  }

  /** A failing schema endpoint. */
  static Fault schemaEndpointError(int status) {
    return new SchemaEndpointError(status, status >= 500 ? 6000 : 6002);
  }
}
