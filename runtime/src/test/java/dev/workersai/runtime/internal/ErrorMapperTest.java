package dev.workersai.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workersai.runtime.ApiError;
import dev.workersai.runtime.AuthenticationException;
import dev.workersai.runtime.ConnectionException;
import dev.workersai.runtime.DailyQuotaExceededException;
import dev.workersai.runtime.InvalidRequestException;
import dev.workersai.runtime.RateLimitException;
import dev.workersai.runtime.RequestTimeoutException;
import dev.workersai.runtime.ServerException;
import dev.workersai.runtime.WorkersAiException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorMapperTest {
  private static final String TOKEN = "tok-SECRET-0123456789abcdef";
  private static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");
  private final ObjectMapper json = new ObjectMapper();
  private final ErrorMapper mapper = new ErrorMapper(json, new FixedTime(), new Redactor(TOKEN));

  @ParameterizedTest(name = "HTTP {0} code {1} -> {2}")
  @CsvSource({
    "401, 10000, AuthenticationException",
    "401,      , AuthenticationException",
    "403, 10000, AuthenticationException",
    "400, 9106,  AuthenticationException",
    "403,      , PermissionException",
    "403, 5016,  PermissionException",
    "403, 5035,  PermissionException",
    "404,      , ModelNotFoundException",
    "404, 3042,  ModelNotFoundException",
    "400, 5007,  ModelNotFoundException",
    "400,      , InvalidRequestException",
    "400, 5004,  InvalidRequestException",
    "405, 5005,  InvalidRequestException",
    "413,      , RequestTooLargeException",
    "400, 3006,  RequestTooLargeException",
    "408, 3007,  RequestTimeoutException",
    "500, 3046,  RequestTimeoutException",
    "410,      , ModelDeprecatedException",
    "400, 5028,  ModelDeprecatedException",
    "429, 3021,  RateLimitException",
    "429, 3040,  RateLimitException",
    "429,      , RateLimitException",
    "429, 3036,  DailyQuotaExceededException",
    "500,      , ServerException",
    "503, 1000,  ServerException",
    "200, 1234,  WorkersAiException",
  })
  void statusAndCodeDecideTheType(int status, Integer code, String type) {
    String errors = code == null ? "[{\"message\":\"m\"}]" : "[{\"code\":" + code + ",\"message\":\"m\"}]";

    WorkersAiException e = mapper.fromHttp(status, Headers.of(), "{\"success\":false,\"errors\":" + errors + "}", "@cf/x/y");

    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.httpStatus()).isEqualTo(status);
    assertThat(e.modelId()).hasValue("@cf/x/y");
  }

  @Test
  void retryableTypes() {
    assertThat(mapper.fromHttp(429, Headers.of(), "{\"errors\":[{\"code\":3040,\"message\":\"busy\"}]}", "m").isRetryable()).isTrue();
    assertThat(mapper.fromHttp(429, Headers.of(), "{\"errors\":[{\"code\":3036,\"message\":\"daily\"}]}", "m").isRetryable()).isFalse();
    assertThat(mapper.fromHttp(408, Headers.of(), "", "m").isRetryable()).isTrue();
    assertThat(mapper.fromHttp(502, Headers.of(), "<html>bad gateway</html>", "m").isRetryable()).isTrue();
    assertThat(mapper.fromHttp(400, Headers.of(), "", "m").isRetryable()).isFalse();
  }

  @Test
  void codeIsReadAsIntNumericStringMessagePrefixOrAbsent() {
    List<ApiError> errors = ErrorMapper.parseErrors(json.valueToTree(List.of(
        java.util.Map.of("code", 3040, "message", "Capacity temporarily exceeded"),
        java.util.Map.of("code", "3021", "message", "rate"),
        java.util.Map.of("message", "3040: Capacity temporarily exceeded, please try again."),
        java.util.Map.of("message", "AiError: AiError: 3046: Request timeout"),
        java.util.Map.of("message", "no code here"),
        java.util.Map.of("code", "abc", "message", "odd code"))), Redactor.none());

    assertThat(errors).extracting(e -> e.code().isPresent() ? e.code().getAsInt() : null)
        .containsExactly(3040, 3021, 3040, 3046, null, null);
    assertThat(errors).extracting(ApiError::message).containsExactly("Capacity temporarily exceeded", "rate",
        "3040: Capacity temporarily exceeded, please try again.", "AiError: AiError: 3046: Request timeout",
        "no code here", "odd code");
  }

  @Test
  void messageNamesModelStatusCodesAndRay() {
    WorkersAiException e = mapper.fromHttp(429, Headers.of("cf-ray", "8f00-LHR"),
        "{\"errors\":[{\"code\":\"3040\",\"message\":\"Capacity temporarily exceeded\"},{\"message\":\"second\"}]}",
        "@cf/meta/llama");

    assertThat(e).hasMessage("model @cf/meta/llama: HTTP 429: 3040: Capacity temporarily exceeded; second (cf-ray 8f00-LHR)");
    assertThat(e.rayId()).hasValue("8f00-LHR");
    assertThat(e.errors()).containsExactly(new ApiError(3040, "Capacity temporarily exceeded"), new ApiError(null, "second"));
  }

  @Test
  void nonJsonBodyIsQuotedShortAndEmptyBodySaysSo() {
    assertThat(mapper.fromHttp(502, Headers.of(), "<html>\n  <b>Bad gateway</b>\n</html>", "m"))
        .isInstanceOf(ServerException.class)
        .hasMessage("model m: HTTP 502: <html> <b>Bad gateway</b> </html>");
    assertThat(mapper.fromHttp(503, Headers.of(), "", "m")).hasMessage("model m: HTTP 503: (empty body)");
    assertThat(mapper.fromHttp(500, Headers.of(), "x".repeat(500), "m").getMessage()).hasSize("model m: HTTP 500: ".length() + 203);
  }

  @Test
  void tokenEchoedByTheServerNeverReachesTheMessage() {
    WorkersAiException e = mapper.fromHttp(401, Headers.of(),
        "{\"errors\":[{\"code\":10000,\"message\":\"Authentication error: Bearer " + TOKEN + " is invalid\"}]}", "m");

    assertThat(e).isInstanceOf(AuthenticationException.class);
    assertThat(e.getMessage()).doesNotContain(TOKEN).contains("Bearer [REDACTED] is invalid");
    assertThat(e.toString()).doesNotContain(TOKEN);
  }

  @Test
  void transportFailureQuotingTheTokenGetsARedactedCause() {
    java.net.ProtocolException leaky = new java.net.ProtocolException("Unexpected status line: HTTP/1.1 200 " + TOKEN);

    WorkersAiException e = mapper.fromIOException(leaky, "m");

    java.io.StringWriter trace = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(trace));
    assertThat(e).isInstanceOf(ConnectionException.class)
        .hasMessage("model m: connection failed: ProtocolException: Unexpected status line: HTTP/1.1 200 [REDACTED]");
    assertThat(trace.toString()).doesNotContain(TOKEN.substring(0, 8)).contains("java.net.ProtocolException");
  }

  @Test
  void retryAfterSecondsAndHttpDate() {
    RateLimitException seconds = (RateLimitException) mapper.fromHttp(429, Headers.of("Retry-After", "7"), "", "m");
    RateLimitException date = (RateLimitException) mapper.fromHttp(429,
        Headers.of("Retry-After", "Sat, 28 Nov 2026 10:16:00 GMT"), "", "m");
    RateLimitException junk = (RateLimitException) mapper.fromHttp(429, Headers.of("Retry-After", "soon"), "", "m");
    RateLimitException past = (RateLimitException) mapper.fromHttp(429,
        Headers.of("Retry-After", "Sat, 28 Nov 2026 09:00:00 GMT"), "", "m");

    assertThat(seconds.retryAfter()).hasValue(Duration.ofSeconds(7));
    assertThat(date.retryAfter()).hasValue(Duration.ofSeconds(30));
    assertThat(junk.retryAfter()).isEmpty();
    assertThat(past.retryAfter()).hasValue(Duration.ZERO);
  }

  @Test
  void dailyQuotaResetsAtNextUtcMidnight() {
    DailyQuotaExceededException e = (DailyQuotaExceededException) mapper.fromHttp(429, Headers.of(),
        "{\"errors\":[{\"code\":3036,\"message\":\"daily free allocation\"}]}", "m");

    assertThat(e.resetsAt()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
  }

  @Test
  void a2xxEnvelopeIsAnErrorOnlyWhenItsOwnSuccessIsFalse() {
    assertThat(mapper.fromEnvelopeOf2xx(json200("{\"result\":{\"response\":\"hi\"},\"success\":true,\"errors\":[]}"), "m")).isNull();
    assertThat(mapper.fromEnvelopeOf2xx(json200(
        "{\"result\":{\"responses\":[{\"id\":0,\"success\":false}]},\"success\":true}"), "m")).isNull();
    assertThat(mapper.fromEnvelopeOf2xx(json200(
        "{\"result\":null,\n  \"success\" :\n\tfalse,\"errors\":[{\"code\":3040,\"message\":\"busy\"}]}"), "m"))
        .isInstanceOf(RateLimitException.class)
        .hasMessageContaining("3040");
  }

  private static Response json200(String body) {
    return new Response.Builder()
        .request(new Request.Builder().url("http://127.0.0.1/x").build())
        .protocol(Protocol.HTTP_1_1)
        .code(200)
        .message("OK")
        .header("Content-Type", "application/json")
        .body(ResponseBody.create(body, MediaType.get("application/json")))
        .build();
  }

  @Test
  void transportFailures() {
    assertThat(mapper.fromIOException(new ConnectException("Connection refused"), "m"))
        .isInstanceOf(ConnectionException.class)
        .hasMessage("model m: connection failed: ConnectException: Connection refused");
    assertThat(mapper.fromIOException(new SocketTimeoutException("Connect timed out"), "m"))
        .isInstanceOf(ConnectionException.class)
        .hasMessage("model m: connect timed out: Connect timed out");
    assertThat(mapper.fromIOException(new SocketTimeoutException("timeout"), "m"))
        .isInstanceOf(RequestTimeoutException.class)
        .hasMessage("model m: timed out waiting for the server (timeout)");
    assertThat(mapper.fromIOException(new IOException("Canceled"), "m")).hasMessage("model m: call canceled");
    InvalidRequestException inner = new InvalidRequestException("x", null, WorkersAiException.Details.NONE);
    assertThat(mapper.fromIOException(new WorkersAiIOException(inner), "m")).isSameAs(inner);
  }

  private static final class FixedTime implements Time {
    @Override
    public long nanoTime() {
      return 0;
    }

    @Override
    public Instant now() {
      return NOW;
    }

    @Override
    public void sleep(Duration duration) {
      throw new AssertionError("no sleeping here");
    }
  }
}
