package dev.workersai.emulator.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Reads request bodies under two limits: a cap per request (413 / 3006 beyond it, as the real
 * API's 10 MB) and a memory budget shared by every request in flight, so that many large uploads
 * at once take turns instead of exhausting the heap. A body waits up to {@link #WAIT} for its
 * share, then is answered 503 / 3040, the real API's "capacity temporarily exceeded". A refused
 * body is read and thrown away first (up to {@link #DRAIN_LIMIT}), so that the client, still
 * sending, reads the answer instead of a connection reset.
 */
final class RequestBodies {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final long DRAIN_LIMIT = 64L * 1024 * 1024;
  static final int CAPACITY_EXCEEDED = 3040;

  private final int maxBodyBytes;
  private final Duration wait;
  // In KiB, so that budgets beyond 2 GB still fit a Semaphore's int permits.
  private final Semaphore budgetKib;
  private final int totalKib;

  RequestBodies(int maxBodyBytes, long budgetBytes) {
    this(maxBodyBytes, budgetBytes, WAIT);
  }

  RequestBodies(int maxBodyBytes, long budgetBytes, Duration wait) {
    if (maxBodyBytes < 1 || budgetBytes < maxBodyBytes) {
      throw new IllegalArgumentException("need 0 < maxBodyBytes <= budgetBytes: " + maxBodyBytes + ", " + budgetBytes);
    }
    this.maxBodyBytes = maxBodyBytes;
    this.wait = wait;
    this.totalKib = (int) Math.min(Integer.MAX_VALUE, kib(budgetBytes));
    this.budgetKib = new Semaphore(totalKib);
  }

  /** A holder for one request's share of the budget; closing it gives the share back. */
  Share share() {
    return new Share();
  }

  /** The budget one request holds until its answer is written. Not thread-safe: one per request. */
  final class Share implements AutoCloseable {
    private int heldKib;
    private boolean consumed;

    /** Reads the whole body of {@code exchange}, waiting for budget; throws 413 or 503 as {@link ApiError}. */
    byte[] read(HttpExchange exchange) throws IOException {
      return read(exchange.getRequestHeaders(), exchange.getRequestBody());
    }

    byte[] read(Headers headers, InputStream requestBody) throws IOException {
      consumed = true;
      try (InputStream in = requestBody) {
        long declared = declaredLength(headers);
        if (declared > maxBodyBytes) {
          drain(in);
          throw tooLarge();
        }
        // A chunked body's size is unknown until read: it is charged the cap.
        acquire(in, kib(declared >= 0 ? declared : maxBodyBytes));
        byte[] body = declared >= 0 ? readFully(in, (int) declared) : in.readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
          drain(in);
          throw tooLarge();
        }
        return body;
      }
    }

    private void acquire(InputStream in, long kib) throws IOException {
      int permits = (int) kib; // at most the cap, which fits the budget
      boolean granted;
      try {
        granted = permits == 0 || budgetKib.tryAcquire(permits, wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        granted = false;
      }
      if (!granted) {
        drain(in);
        throw new ApiError(503, CAPACITY_EXCEEDED, "3040: Capacity temporarily exceeded, please try again."
            + " (the emulator holds at most " + totalKib + " KiB of request bodies at once and waited "
            + wait.toSeconds() + " s for room; raise bodyMemoryBytes or the heap)", Map.of("Retry-After", "1"), false);
      }
      heldKib += permits;
    }

    /**
     * Throws away a body nobody read (a request refused before its body, such as a 401), so the
     * client reads the answer rather than a reset; the JDK server alone drains only 64 KB.
     */
    void discardUnread(InputStream body) throws IOException {
      if (!consumed) {
        consumed = true;
        try (InputStream in = body) {
          drain(in);
        }
      }
    }

    @Override
    public void close() {
      if (heldKib > 0) {
        budgetKib.release(heldKib);
        heldKib = 0;
      }
    }
  }

  private ApiError tooLarge() {
    return new ApiError(413, ErrorCodes.TOO_LARGE, "Request too large: the limit is " + maxBodyBytes + " bytes");
  }

  private static long declaredLength(Headers headers) {
    String value = headers.getFirst("Content-Length");
    if (value == null || headers.containsKey("Transfer-Encoding")) {
      return -1;
    }
    // The JDK server has already refused a Content-Length that is not a number.
    return Long.parseLong(value.trim());
  }

  /** Reads exactly {@code length} bytes into one array, without the copies of readAllBytes. */
  private static byte[] readFully(InputStream in, int length) throws IOException {
    byte[] body = new byte[length];
    int read = in.readNBytes(body, 0, length);
    return read == length ? body : Arrays.copyOf(body, read);
  }

  private static void drain(InputStream in) throws IOException {
    byte[] sink = new byte[8192];
    long left = DRAIN_LIMIT;
    int n;
    while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
      left -= n;
    }
  }

  private static long kib(long bytes) {
    return (bytes + 1023) / 1024;
  }
}
