package dev.workersai.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workersai.runtime.ApiError;
import dev.workersai.runtime.AuthenticationException;
import dev.workersai.runtime.ConnectionException;
import dev.workersai.runtime.DailyQuotaExceededException;
import dev.workersai.runtime.InvalidRequestException;
import dev.workersai.runtime.ModelDeprecatedException;
import dev.workersai.runtime.ModelNotFoundException;
import dev.workersai.runtime.PermissionException;
import dev.workersai.runtime.RateLimitException;
import dev.workersai.runtime.RequestTimeoutException;
import dev.workersai.runtime.RequestTooLargeException;
import dev.workersai.runtime.ServerException;
import dev.workersai.runtime.WorkersAiException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.Headers;
import okhttp3.Response;

/**
 * Turns failed responses and transport failures into the runtime's exception types. The one place
 * where HTTP statuses and Cloudflare error codes are interpreted, used for {@code run}, streams and
 * batches alike, and by the retry interceptor to decide what is worth retrying.
 *
 * <p>Codes decide before statuses, because one status means different things: 429 is a per-minute
 * limit (3021), a busy model (3040) or the daily allocation (3036); 400 may be a missing model (5007).
 */
public final class ErrorMapper {
  /** The most of a response body read to build an exception. */
  static final long MAX_ERROR_BODY = 64 * 1024;

  private static final Pattern CODE_PREFIX = Pattern.compile("(?:^|:\\s*)(\\d{4,5}):\\s");
  private static final Set<Integer> AUTH_CODES = Set.of(10000, 9106);
  private static final Set<Integer> PERMISSION_CODES = Set.of(5016, 5018, 3023, 3041, 5035);
  private static final Set<Integer> NOT_FOUND_CODES = Set.of(3042, 5007);
  private static final Set<Integer> TIMEOUT_CODES = Set.of(3007, 3008, 3046);
  private static final Set<Integer> RATE_CODES = Set.of(3021, 3040);
  private static final int DAILY_QUOTA = 3036;
  private static final int TOO_LARGE = 3006;
  private static final int DEPRECATED = 5028;

  private final ObjectMapper mapper;
  private final Time time;
  private final Redactor redactor;

  public ErrorMapper(ObjectMapper mapper, Time time, Redactor redactor) {
    this.mapper = mapper;
    this.time = time;
    this.redactor = redactor;
  }

  /** The exception for a non-2xx response; reads (a bounded copy of) its body without consuming it. */
  public WorkersAiException fromResponse(Response response, String modelId) {
    String body;
    try {
      body = response.peekBody(MAX_ERROR_BODY).string();
    } catch (IOException e) {
      body = "";
    }
    return fromHttp(response.code(), response.headers(), body, modelId);
  }

  /** The exception for a failed response with status {@code status} and body text {@code body}. */
  public WorkersAiException fromHttp(int status, Headers headers, String body, String modelId) {
    JsonNode json = null;
    try {
      json = body.isBlank() ? null : mapper.readTree(body);
    } catch (IOException | RuntimeException e) {
      json = null; // an HTML error page from a proxy, or a cut body: fall back to the text
    }
    List<ApiError> errors = json != null ? parseErrors(errorsOf(json), redactor) : List.of();
    String detail = errors.isEmpty() ? snippet(body) : describe(errors);
    return build(status, headers, errors, detail, modelId);
  }

  /**
   * The failure a 2xx response reports in its JSON envelope ({@code "success": false}), or null when
   * it reports none. Lets the retry interceptor treat a 200 carrying 3040 or 3021 like the matching
   * 429. Peeks at the buffered body without consuming it, and only small bodies: an error envelope is
   * a few hundred bytes, so larger answers are left to {@link ResponseReader} unread.
   */
  public WorkersAiException fromEnvelopeOf2xx(Response response, String modelId) {
    JsonNode envelope = FailureEnvelopeScanner.failureEnvelope(response, mapper, MAX_ERROR_BODY);
    return envelope == null ? null : fromEnvelope(response.code(), response.headers(), envelope, modelId);
  }

  /**
   * The errors of a failed body: Cloudflare's envelope has an {@code errors} array; the OpenAI-compatible
   * endpoints answer {@code {"error": {"message", "type", "code"}}}, read as a one-element array.
   */
  private JsonNode errorsOf(JsonNode body) {
    JsonNode openAi = body.get("error");
    if (!body.has("errors") && openAi != null && (openAi.isObject() || openAi.isTextual())) {
      return mapper.createArrayNode().add(openAi);
    }
    return body.get("errors");
  }

  /** The exception for an envelope that says {@code "success": false} (possibly with HTTP 200). */
  public WorkersAiException fromEnvelope(int status, Headers headers, JsonNode envelope, String modelId) {
    List<ApiError> errors = parseErrors(envelope.get("errors"), redactor);
    String detail = errors.isEmpty() ? "success:false without errors" : describe(errors);
    return build(status, headers, errors, detail, modelId);
  }

  /** The exception for a transport failure of a call for {@code modelId}. */
  public WorkersAiException fromIOException(IOException e, String modelId) {
    if (e instanceof WorkersAiIOException wrapped) {
      return wrapped.failure();
    }
    WorkersAiException.Details details = WorkersAiException.Details.forModel(modelId);
    String what = redactor.redact(String.valueOf(e.getMessage()));
    // The message of a protocol failure can quote what the server sent (a status line, a header).
    Throwable cause = redactor.redactCause(e);
    if (isConnectTimeout(e)) {
      return new ConnectionException(prefix(modelId) + "connect timed out: " + what, cause, details);
    }
    if (e instanceof SocketTimeoutException || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
      return new RequestTimeoutException(prefix(modelId) + "timed out waiting for the server (" + what + ")", cause,
          details, false);
    }
    if ("Canceled".equals(e.getMessage())) {
      return new WorkersAiException(prefix(modelId) + "call canceled", cause, details);
    }
    return new ConnectionException(prefix(modelId) + "connection failed: " + e.getClass().getSimpleName() + ": "
        + what, cause, details);
  }

  /** Whether {@code e} happened while connecting, so the request never reached the server. */
  public static boolean isConnectTimeout(IOException e) {
    return e instanceof SocketTimeoutException
        && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("connect");
  }

  /** What this mapper removes from every text it takes from a response. */
  public Redactor redactor() {
    return redactor;
  }

  /**
   * The {@code errors} array read leniently: a missing or non-array node is no errors; {@code code}
   * may be an int, a numeric string, or absent (then a {@code "3040: "} prefix in the message counts).
   * Messages are redacted: {@link ApiError#toString()} ends up in logs as much as exception messages.
   */
  public static List<ApiError> parseErrors(JsonNode errorsNode, Redactor redactor) {
    List<ApiError> errors = new ArrayList<>();
    if (errorsNode == null || !errorsNode.isArray()) {
      return errors;
    }
    for (JsonNode item : errorsNode) {
      String message = item.isTextual() ? item.asText() : textOf(item.get("message"));
      Integer code = item.isObject() ? codeOf(item.get("code")) : null;
      if (code == null) {
        Matcher m = CODE_PREFIX.matcher(message);
        if (m.find()) {
          code = Integer.valueOf(m.group(1));
        }
      }
      errors.add(new ApiError(code, redactor.redact(message)));
    }
    return errors;
  }

  private WorkersAiException build(int status, Headers headers, List<ApiError> errors, String detail, String modelId) {
    String rayId = headers.get("cf-ray");
    WorkersAiException.Details details = new WorkersAiException.Details(status, errors, modelId, rayId);
    String message = redactor.redact(prefix(modelId) + "HTTP " + status + ": " + detail
        + (rayId != null ? " (cf-ray " + rayId + ")" : ""));
    Set<Integer> codes = errors.stream()
        .filter(e -> e.code().isPresent())
        .map(e -> e.code().getAsInt())
        .collect(Collectors.toSet());
    if (codes.contains(DAILY_QUOTA)) {
      return new DailyQuotaExceededException(message, null, details, ErrorTimes.nextUtcMidnight(time.now()));
    }
    if (codes.stream().anyMatch(RATE_CODES::contains)) {
      return new RateLimitException(message, null, details, ErrorTimes.retryAfter(headers.get("Retry-After"), time.now()));
    }
    if (codes.stream().anyMatch(NOT_FOUND_CODES::contains)) {
      return new ModelNotFoundException(message, null, details);
    }
    if (codes.contains(TOO_LARGE)) {
      return new RequestTooLargeException(message, null, details);
    }
    if (codes.stream().anyMatch(TIMEOUT_CODES::contains)) {
      return new RequestTimeoutException(message, null, details, true);
    }
    if (codes.contains(DEPRECATED)) {
      return new ModelDeprecatedException(message, null, details);
    }
    if (codes.stream().anyMatch(PERMISSION_CODES::contains)) {
      return new PermissionException(message, null, details);
    }
    if (codes.stream().anyMatch(AUTH_CODES::contains) && (status == 400 || status == 401 || status == 403)) {
      return new AuthenticationException(message, null, details);
    }
    return switch (status) {
      case 401 -> new AuthenticationException(message, null, details);
      case 403 -> new PermissionException(message, null, details);
      case 404 -> new ModelNotFoundException(message, null, details);
      case 408 -> new RequestTimeoutException(message, null, details, true);
      case 410 -> new ModelDeprecatedException(message, null, details);
      case 413 -> new RequestTooLargeException(message, null, details);
      case 429 -> new RateLimitException(message, null, details, ErrorTimes.retryAfter(headers.get("Retry-After"), time.now()));
      default -> status >= 500 ? new ServerException(message, null, details)
          : status >= 400 ? new InvalidRequestException(message, null, details)
          : new WorkersAiException(message, null, details);
    };
  }

  private static String prefix(String modelId) {
    return modelId == null ? "" : "model " + modelId + ": ";
  }

  private static String describe(List<ApiError> errors) {
    return errors.stream().map(ApiError::toString).collect(Collectors.joining("; "));
  }

  private static String snippet(String body) {
    if (body.isBlank()) {
      return "(empty body)";
    }
    String flat = body.strip().replaceAll("\\s+", " ");
    return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
  }

  private static String textOf(JsonNode node) {
    return node == null || node.isNull() ? "" : node.asText();
  }

  private static Integer codeOf(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.canConvertToInt() && node.isIntegralNumber()) {
      return node.intValue();
    }
    if (node.isTextual()) {
      String text = node.asText().strip();
      if (text.matches("\\d{1,9}")) {
        return Integer.valueOf(text);
      }
    }
    return null;
  }
}
