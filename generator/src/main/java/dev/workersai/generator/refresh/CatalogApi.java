package dev.workersai.generator.refresh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * The two catalog endpoints, {@code /ai/models/search} and {@code /ai/models/schema}, with retries.
 * Answers are unwrapped from the {@code {success, result, errors}} envelope. Thread-safe: schema
 * requests run from several threads at once.
 *
 * <p>Whatever the server says reaches a message only through the {@link Redactor}; an answer larger
 * than {@link RefreshTuning#maxResponseBytes()} is refused before it is read whole, and a redirect
 * is refused rather than followed (the client is built with redirects off, see
 * {@link CatalogRefresher}), since following one would send the token wherever it points.
 */
final class CatalogApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OkHttpClient http;
  private final HttpUrl modelsUrl;
  private final ApiToken token;
  private final RefreshTuning tuning;
  private final Consumer<String> log;
  private final Redactor redactor;

  CatalogApi(OkHttpClient http, HttpUrl apiBaseUrl, String accountId, ApiToken token, RefreshTuning tuning,
      Consumer<String> log) {
    this.http = http;
    this.modelsUrl = apiBaseUrl.newBuilder()
        .addPathSegment("accounts").addPathSegment(accountId).addPathSegment("ai").addPathSegment("models")
        .build();
    this.token = token;
    this.tuning = tuning;
    this.log = log;
    this.redactor = new Redactor(token);
  }

  /** The {@code result} array of search page {@code page} (1-based). */
  JsonNode searchPage(int page) {
    HttpUrl url = modelsUrl.newBuilder().addPathSegment("search")
        .addQueryParameter("per_page", Integer.toString(tuning.perPage()))
        .addQueryParameter("page", Integer.toString(page))
        .build();
    Answer answer = get(url, "catalog search page " + page);
    if (!answer.ok()) {
      throw new RefreshException(answer.describe());
    }
    if (!answer.result().isArray()) {
      throw new RefreshException("catalog search page " + page + " (GET " + url + "): \"result\" is not an array");
    }
    return answer.result();
  }

  /**
   * The {@code {input, output}} schema of a model, or empty when the API answers a well-formed
   * 400/404 or an empty {@code result} for it (a model published without a schema: it becomes a
   * facts-only entry, and {@code warnings} hears about it).
   */
  Optional<JsonNode> schema(String model, Consumer<String> warnings) {
    // addQueryParameter percent-encodes '@' and '/', as the API's own clients do.
    HttpUrl url = modelsUrl.newBuilder().addPathSegment("schema").addQueryParameter("model", model).build();
    Answer answer = get(url, "schema of " + model);
    if (!answer.ok()) {
      if (answer.code() == 400 || answer.code() == 404) {
        warnings.accept(answer.describe() + "; written without a schema (its class will carry facts only)");
        return Optional.empty();
      }
      throw new RefreshException(answer.describe());
    }
    JsonNode result = answer.result();
    if (result.isNull() || result.isEmpty()) {
      // Models published without a schema may well be answered this way rather than with a 400.
      warnings.accept("schema of " + model + " (GET " + url + "): the answer holds no schema; written without one"
          + " (its class will carry facts only)");
      return Optional.empty();
    }
    if (!result.path("input").isObject() || !result.path("output").isObject()) {
      throw new RefreshException("schema of " + model + " (GET " + url + "): \"result\" lacks an \"input\" and \"output\" object");
    }
    return Optional.of(result);
  }

  /** GET with retries for network errors, 408, 429 and 5xx; other answers are returned as they are. */
  private Answer get(HttpUrl url, String what) {
    Request request = new Request.Builder().url(url)
        .header("Authorization", "Bearer " + token.secret())
        .header("Accept", "application/json")
        .build();
    for (int attempt = 1; ; attempt++) {
      checkInterrupted(what);
      Duration pause;
      String reason;
      try (Response response = http.newCall(request).execute()) {
        if (!isRetryable(response.code()) || attempt == tuning.maxAttempts()) {
          return Answer.read(what, url, response, tuning.maxResponseBytes(), redactor);
        }
        reason = "HTTP " + response.code();
        pause = retryAfter(response).orElse(tuning.backoff(attempt));
      } catch (InterruptedIOException e) {
        checkInterrupted(what);
        // A timeout: worth another try, like any network error.
        if (attempt == tuning.maxAttempts()) {
          throw new RefreshException(what + " (GET " + url + "): timed out after " + attempt + " attempts", e);
        }
        reason = "timeout";
        pause = tuning.backoff(attempt);
      } catch (IOException e) {
        if (attempt == tuning.maxAttempts()) {
          // An I/O error can quote the server (OkHttp's "Unexpected status line: ..."): its text is masked,
          // and the cause is kept only when it does not hold the token.
          String message = what + " (GET " + url + "): " + redactor.redact(e.toString()) + " after " + attempt + " attempts";
          throw redactor.leaks(e.toString()) ? new RefreshException(message) : new RefreshException(message, e);
        }
        reason = e.getClass().getSimpleName();
        pause = tuning.backoff(attempt);
      }
      log.accept(what + ": " + reason + ", retrying in " + pause.toMillis() + " ms (attempt " + (attempt + 1)
          + " of " + tuning.maxAttempts() + ")");
      sleep(pause, what);
    }
  }

  private static boolean isRetryable(int code) {
    return code == 408 || code == 429 || code >= 500;
  }

  private Optional<Duration> retryAfter(Response response) {
    String header = response.header("Retry-After");
    if (header == null) {
      return Optional.empty();
    }
    try {
      Duration asked = Duration.ofSeconds(Long.parseLong(header.trim()));
      return Optional.of(asked.compareTo(tuning.maxBackoff()) > 0 ? tuning.maxBackoff() : asked);
    } catch (NumberFormatException e) {
      // An HTTP-date form: rare enough that our own backoff is a fine answer.
      return Optional.empty();
    }
  }

  private static void sleep(Duration pause, String what) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RefreshException(what + ": interrupted", e);
    }
  }

  private static void checkInterrupted(String what) {
    if (Thread.currentThread().isInterrupted()) {
      throw new RefreshException(what + ": interrupted");
    }
  }

  /** One answer read in full: status, and the envelope's {@code result} or first error message. */
  private record Answer(String what, HttpUrl url, int code, boolean ok, JsonNode result, String error) {
    static Answer read(String what, HttpUrl url, Response response, int maxBytes, Redactor redactor) throws IOException {
      if (response.isRedirect()) {
        throw new RefreshException(what + " (GET " + url + "): HTTP " + response.code() + " redirects to "
            + redactor.redact(target(url, response.header("Location"))) + "; not followed, since the request carries"
            + " the API token. Point apiBaseUrl at the API itself if that address is right.");
      }
      String text = capped(what, url, response.body(), maxBytes);
      JsonNode envelope;
      try {
        envelope = JSON.readTree(text);
      } catch (JsonProcessingException e) {
        throw new RefreshException(what + " (GET " + url + "): HTTP " + response.code()
            + " with a body that is not JSON: " + abbreviate(text, redactor));
      }
      if (envelope == null || !envelope.isObject()) {
        throw new RefreshException(what + " (GET " + url + "): HTTP " + response.code() + " with a body that is not a JSON object");
      }
      boolean success = response.isSuccessful() && envelope.path("success").asBoolean(false) && envelope.has("result");
      String error = success ? "" : firstError(envelope, redactor);
      return new Answer(what, url, response.code(), success, envelope.path("result"), error);
    }

    /** The body as UTF-8 text, refused once it passes {@code maxBytes}: no answer may fill the heap. */
    private static String capped(String what, HttpUrl url, ResponseBody body, int maxBytes) throws IOException {
      if (body.contentLength() > maxBytes) {
        throw tooLarge(what, url, maxBytes, " (Content-Length " + body.contentLength() + ")");
      }
      BufferedSource source = body.source();
      if (source.request((long) maxBytes + 1)) {
        throw tooLarge(what, url, maxBytes, "");
      }
      return source.getBuffer().readString(StandardCharsets.UTF_8);
    }

    private static RefreshException tooLarge(String what, HttpUrl url, int maxBytes, String detail) {
      return new RefreshException(what + " (GET " + url.encodedPath() + "): the answer is larger than the cap of "
          + maxBytes + " bytes" + detail + "; raise RefreshTuning.maxResponseBytes (Maven: -Dworkers-ai.maxResponseBytes)"
          + " if the catalog really is that large");
    }

    /** Where a redirect points, for the message: the resolved address without its query. */
    private static String target(HttpUrl url, String location) {
      HttpUrl resolved = location == null ? null : url.resolve(location);
      return resolved == null ? "an address that is not a URL" : resolved.newBuilder().query(null).build().toString();
    }

    String describe() {
      return what + " (GET " + url + "): HTTP " + code + (error.isEmpty() ? "" : ": " + error);
    }

    private static String firstError(JsonNode envelope, Redactor redactor) {
      JsonNode first = envelope.path("errors").path(0);
      String message = first.path("message").asText("");
      return message.isEmpty() ? "the answer reports no success" : abbreviate(message, redactor);
    }

    /**
     * The first 200 characters on one line, token masked. Masking comes first, over a window wider
     * than what is kept, so the cut cannot leave a piece of the token that is too short to recognise.
     */
    private static String abbreviate(String text, Redactor redactor) {
      String window = text.length() <= 2_000 ? text : text.substring(0, 2_000);
      String oneLine = redactor.redact(window.replaceAll("\\s+", " ").strip());
      return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
  }
}
