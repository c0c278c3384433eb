package dev.workersai.generator.refresh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The two catalog endpoints, {@code /ai/models/search} and {@code /ai/models/schema}, with retries.
 * Answers are unwrapped from the {@code {success, result, errors}} envelope. Thread-safe: schema
 * requests run from several threads at once.
 */
final class CatalogApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OkHttpClient http;
  private final HttpUrl modelsUrl;
  private final ApiToken token;
  private final RefreshTuning tuning;
  private final Consumer<String> log;

  CatalogApi(OkHttpClient http, HttpUrl apiBaseUrl, String accountId, ApiToken token, RefreshTuning tuning,
      Consumer<String> log) {
    this.http = http;
    this.modelsUrl = apiBaseUrl.newBuilder()
        .addPathSegment("accounts").addPathSegment(accountId).addPathSegment("ai").addPathSegment("models")
        .build();
    this.token = token;
    this.tuning = tuning;
    this.log = log;
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
          return Answer.read(what, url, response);
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
          throw new RefreshException(what + " (GET " + url + "): " + e + " after " + attempt + " attempts", e);
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
    static Answer read(String what, HttpUrl url, Response response) throws IOException {
      ResponseBody body = response.body();
      String text = body.string();
      JsonNode envelope;
      try {
        envelope = JSON.readTree(text);
      } catch (JsonProcessingException e) {
        throw new RefreshException(what + " (GET " + url + "): HTTP " + response.code()
            + " with a body that is not JSON: " + abbreviate(text));
      }
      if (envelope == null || !envelope.isObject()) {
        throw new RefreshException(what + " (GET " + url + "): HTTP " + response.code() + " with a body that is not a JSON object");
      }
      boolean success = response.isSuccessful() && envelope.path("success").asBoolean(false) && envelope.has("result");
      String error = success ? "" : firstError(envelope);
      return new Answer(what, url, response.code(), success, envelope.path("result"), error);
    }

    String describe() {
      return what + " (GET " + url + "): HTTP " + code + (error.isEmpty() ? "" : ": " + error);
    }

    private static String firstError(JsonNode envelope) {
      JsonNode first = envelope.path("errors").path(0);
      String message = first.path("message").asText("");
      return message.isEmpty() ? "the answer reports no success" : abbreviate(message);
    }

    private static String abbreviate(String text) {
      String oneLine = text.replaceAll("\\s+", " ").strip();
      return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
  }
}
