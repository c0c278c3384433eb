package dev.workersai.generator.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that echoes the {@code Authorization} header back, in every way a refresh turns server
 * bytes into text: error messages of 400, 401 and 500 answers, bodies that are not JSON (also cut
 * short by the abbreviation), a bad status line, and a schema. Neither the token nor any 8-character
 * piece of it may reach a log line, a warning, or an exception message or cause.
 */
class RefreshSecretsTest {
  private static final String TOKEN = "zq7Xk2Lm9Pw4Rt6Yv8Bn3Cd5Fg1Hj0Ks";

  @TempDir Path temp;

  private final MockWebServer server = new MockWebServer();
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private volatile Function<String, MockResponse> schemaAnswer = header -> ok(FakeCatalogApi.schemaOf("x"));
  private volatile Function<String, MockResponse> searchAnswer =
      header -> ok("[" + FakeCatalogApi.item("@cf/t/a") + "," + FakeCatalogApi.item("@cf/t/b") + "]");

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String header = request.getHeaders().get("Authorization");
        return request.getUrl().encodedPath().endsWith("/search") ? searchAnswer.apply(header) : schemaAnswer.apply(header);
      }
    });
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void a400ErrorMessageBecomesAWarningWithoutTheToken() {
    schemaAnswer = header -> FakeCatalogApi.json(400, error("no schema for you, " + header));

    RefreshResult result = CatalogRefresher.refresh(request(), log::add);

    assertThat(result.warnings()).hasSize(2).allSatisfy(RefreshSecretsTest::assertNoSecret)
        .allSatisfy(line -> assertThat(line).contains("no schema for you, Bearer " + Redactor.MASK));
    assertLogClean();
  }

  @Test
  void a401ErrorMessageFailsWithoutTheToken() {
    searchAnswer = header -> FakeCatalogApi.json(401, error("Authentication error for " + header));

    Throwable failure = catchThrowable(() -> CatalogRefresher.refresh(request(), log::add));

    assertThat(failure).isInstanceOf(RefreshException.class).hasMessageContaining("HTTP 401: Authentication error for Bearer");
    assertChainClean(failure);
    assertLogClean();
  }

  @Test
  void a500ErrorMessageFailsAfterRetriesWithoutTheToken() {
    schemaAnswer = header -> FakeCatalogApi.json(500, error("upstream said " + header));

    Throwable failure = catchThrowable(() -> CatalogRefresher.refresh(request(), log::add));

    assertThat(failure).isInstanceOf(RefreshException.class).hasMessageContaining("HTTP 500: upstream said");
    assertChainClean(failure);
    assertThat(log).anyMatch(line -> line.contains("retrying"));
    assertLogClean();
  }

  @Test
  void aGarbageAnswerIsQuotedWithoutTheTokenEvenWhereTheQuoteIsCut() {
    for (int padding : new int[] {0, 180, 190, 196}) {
      String pad = "x".repeat(padding);
      schemaAnswer = header -> new MockResponse.Builder().code(200).body("<html>" + pad + header + "</html>").build();

      Throwable failure = catchThrowable(() -> CatalogRefresher.refresh(request(), log::add));

      assertThat(failure).as("padding " + padding).isInstanceOf(RefreshException.class).hasMessageContaining("not JSON");
      assertChainClean(failure);
    }
    assertLogClean();
  }

  @Test
  void aBadStatusLineQuotingTheTokenFailsWithoutIt() {
    schemaAnswer = header -> new MockResponse.Builder().status("HTTP/1.1 oops " + header).body("{}").build();

    Throwable failure = catchThrowable(() -> CatalogRefresher.refresh(request(), log::add));

    assertThat(failure).isInstanceOf(RefreshException.class).hasMessageContaining("attempts");
    assertChainClean(failure);
    assertLogClean();
  }

  @Test
  void aModelNameOrSchemaHoldingTheTokenIsNeitherShownNorWritten() {
    schemaAnswer = header -> ok("{\"input\":{\"type\":\"object\",\"properties\":{\"echo\":{\"enum\":[\"" + header + "\"]}}},"
        + "\"output\":{\"type\":\"object\"}}");

    Throwable failure = catchThrowable(() -> CatalogRefresher.refresh(request(), log::add));

    assertThat(failure).isInstanceOf(RefreshException.class).hasMessageContaining("contains the API token");
    assertChainClean(failure);
    assertThat(temp.resolve("model-schemas/models")).doesNotExist();
  }

  @Test
  void theRedactorMasksTheTokenAndEveryLongEnoughPieceOfIt() {
    Redactor redactor = new Redactor(ApiToken.of(TOKEN));

    assertThat(redactor.redact("a " + TOKEN + " b")).isEqualTo("a [redacted] b");
    assertThat(redactor.redact("cut " + TOKEN.substring(0, 8))).isEqualTo("cut [redacted]");
    assertThat(redactor.redact("middle " + TOKEN.substring(10, 20) + ".")).isEqualTo("middle [redacted].");
    assertThat(redactor.redact("short " + TOKEN.substring(0, 7))).isEqualTo("short " + TOKEN.substring(0, 7));
    assertThat(redactor.redact("nothing here")).isEqualTo("nothing here");
    assertThat(new Redactor(ApiToken.of("abc")).redact("xabcx")).isEqualTo("x[redacted]x");
  }

  private RefreshRequest request() {
    return RefreshRequest.of(server.url("/client/v4").toString(), FakeCatalogApi.ACCOUNT, ApiToken.of(TOKEN),
            temp.resolve("model-schemas"))
        .withTuning(RefreshTuning.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(2)));
  }

  private void assertLogClean() {
    List<String> lines;
    synchronized (log) {
      // Fetch threads of a failed refresh may still be logging: read a snapshot, under the list's lock.
      lines = List.copyOf(log);
    }
    assertThat(lines).allSatisfy(RefreshSecretsTest::assertNoSecret);
  }

  private static void assertChainClean(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      assertNoSecret(String.valueOf(t));
      for (Throwable suppressed : t.getSuppressed()) {
        assertNoSecret(String.valueOf(suppressed));
      }
    }
  }

  /** Neither the token nor any 8-character piece of it (its first 8 characters included). */
  private static void assertNoSecret(String text) {
    for (int i = 0; i + 8 <= TOKEN.length(); i++) {
      assertThat(text).doesNotContain(TOKEN.substring(i, i + 8));
    }
  }

  private static String error(String message) {
    return "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"" + message + "\"}],\"result\":null}";
  }

  private static MockResponse ok(String result) {
    return FakeCatalogApi.json(200, "{\"success\":true,\"errors\":[],\"result\":" + result + "}");
  }
}
