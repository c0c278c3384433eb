package dev.workersai.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server that echoes the request's {@code Authorization} header into whatever it answers: no
 * exception the runtime builds from those bytes shows the token, nor any 8-character piece of it,
 * in its message, {@code toString()}, errors, causes or printed stack trace.
 */
class EchoedTokenTest extends MockServerSupport {
  /** Shaped like a Cloudflare API token: 40 characters a JSON parser reads as one bare word. */
  private static final String SECRET = "Zq3xR8vLk2NmP7tYw4HsJc9bGf6DuAe1oKiE5rTn";

  /** The header value and the bare token, the two forms an echo takes. */
  private record Echo(String header, String token) {}

  private Function<Echo, MockResponse> answer;

  @BeforeEach
  void echoTheAuthorizationHeader() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String header = request.getHeaders().get("Authorization");
        return answer.apply(new Echo(header, header.substring("Bearer ".length())));
      }
    });
  }

  private WorkersAi echoClient() {
    return builder().apiToken(SECRET).maxRetries(1).build();
  }

  static Stream<Named<Function<Echo, MockResponse>>> wholeAnswers() {
    return Stream.of(
        Named.of("401 JSON error quoting the header", e -> json(401,
            "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"Authentication error for " + e.header()
                + "\"}],\"result\":null}")),
        Named.of("400 JSON error quoting the bare token", e -> json(400,
            "{\"success\":false,\"errors\":[{\"code\":5006,\"message\":\"bad input; token=" + e.token() + "\"}]}")),
        Named.of("403 error with a string error item", e -> json(403,
            "{\"success\":false,\"errors\":[\"" + e.token() + " lacks Workers AI permission\"]}")),
        Named.of("502 HTML page quoting the header", e -> html(502,
            "<html><body>upstream rejected Authorization: " + e.header() + "</body></html>")),
        Named.of("500 text whose quote is cut inside the token", e -> html(500,
            "x".repeat(200 - 12) + e.token() + " trailing")),
        Named.of("429 retried, then still quoting the header", e -> json(429,
            "{\"success\":false,\"errors\":[{\"code\":3040,\"message\":\"busy; " + e.header() + "\"}]}")),
        Named.of("200 envelope with success false", e -> json(200,
            "{\"success\":false,\"errors\":[{\"code\":3043,\"message\":\"internal error for " + e.header()
                + "\"}],\"result\":null}")),
        Named.of("200 JSON body that is the bare token", e -> json(200, e.token() + " was not expected")),
        Named.of("200 JSON body that is the header", e -> json(200, e.header())),
        Named.of("200 JSON body cut inside a string quoting the token", e -> json(200,
            "{\"result\":{\"response\":\"" + e.token())));
  }

  @ParameterizedTest
  @MethodSource("wholeAnswers")
  void runNeverShowsTheToken(Function<Echo, MockResponse> echo) {
    answer = echo;

    Throwable thrown = catchThrowable(() -> echoClient().run(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults()));

    assertThat(thrown).isInstanceOf(WorkersAiException.class);
    assertShowsNoSecret((WorkersAiException) thrown);
  }

  @ParameterizedTest
  @MethodSource("wholeAnswers")
  void streamNeverShowsTheTokenBeforeTheStreamStarts(Function<Echo, MockResponse> echo) {
    answer = echo;

    Throwable thrown = catchThrowable(() -> echoClient().stream(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults()));

    assertThat(thrown).isInstanceOf(WorkersAiException.class);
    assertShowsNoSecret((WorkersAiException) thrown);
  }

  static Stream<Named<Function<Echo, String>>> eventStreams() {
    return Stream.of(
        Named.of("error event with an errors array", e -> "data: {\"response\":\"a\"}\n\n"
            + "event: error\ndata: {\"errors\":[{\"code\":3043,\"message\":\"internal error for " + e.header()
            + "\"}]}\n\n"),
        Named.of("OpenAI-style error member", e -> "data: {\"error\":{\"message\":\"invalid key " + e.token()
            + "\"}}\n\n"),
        Named.of("error event that is not an envelope", e -> "event: error\ndata: {\"detail\":\"" + e.header()
            + "\"}\n\n"),
        Named.of("malformed chunk quoting the header", e -> "data: {\"response\": \"" + e.header() + "\n\n"),
        Named.of("malformed chunk that is the bare token", e -> "data: " + e.token() + "\n\n"),
        Named.of("chunk that is not an object", e -> "data: \"" + e.header() + "\"\n\n"),
        Named.of("malformed chunk cut inside the token", e -> "data: {\"x\":\"" + "y".repeat(200 - 6 - 12)
            + e.token() + "\n\n"));
  }

  @ParameterizedTest
  @MethodSource("eventStreams")
  void streamFramesNeverShowTheToken(Function<Echo, String> events) {
    answer = e -> new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
        .body(events.apply(e) + "data: [DONE]\n\n").build();

    Throwable thrown;
    try (ChunkStream<StreamChunk> chunks = echoClient().stream(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults())) {
      thrown = catchThrowable(() -> chunks.forEach(c -> { }));
    }

    assertThat(thrown).isInstanceOf(WorkersAiException.class);
    assertShowsNoSecret((WorkersAiException) thrown);
  }

  record Count(int n) {}

  @Test
  void readingAResultAsTheWrongTypeDoesNotQuoteTheToken() {
    answer = e -> ok("{\"n\":\"" + e.token() + "\"}");
    ModelResponse response = echoClient().run(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults());

    Throwable thrown = catchThrowable(() -> response.as(Count.class));

    assertThat(thrown).isInstanceOf(InvalidResponseException.class).hasMessageContaining("Count");
    assertShowsNoSecret((WorkersAiException) thrown);
  }

  @Test
  void messagesStayUsefulAroundTheMask() {
    answer = e -> json(401, "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"Authentication error for "
        + e.header() + "\"}]}");

    Throwable thrown = catchThrowable(() -> echoClient().run(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults()));

    assertThat(thrown).isInstanceOf(AuthenticationException.class)
        .hasMessage("model @cf/meta/llama-3.1-8b-instruct: HTTP 401: 10000: Authentication error for Bearer [REDACTED]");
    assertThat(((WorkersAiException) thrown).errors())
        .containsExactly(new ApiError(10000, "Authentication error for Bearer [REDACTED]"));
  }

  private static MockResponse html(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "text/html").body(body).build();
  }

  /** Message, toString, errors, causes and suppressed failures, as a log would print them. */
  private static void assertShowsNoSecret(WorkersAiException e) {
    ByteArrayOutputStream trace = new ByteArrayOutputStream();
    e.printStackTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
    String logged = trace.toString(StandardCharsets.UTF_8) + "\n" + e + "\n" + e.errors();
    for (int i = 0; i + 8 <= SECRET.length(); i++) {
      assertThat(logged).as("what a log shows of %s", e).doesNotContain(SECRET.substring(i, i + 8));
    }
  }
}
