package dev.workersai.generator.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workersai.generator.ModelSelection;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.CatalogReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What keeps a refresh from losing the snapshot: answers that would remove most models, redirects,
 * oversized answers, a model whose file name is the rate-limit table's, and a guard whose includes
 * match nothing.
 */
class RefreshGuardsTest {
  private static final String RATE_LIMITS = "{\"taskDefaults\":{},\"modelOverrides\":{}}\n";

  @TempDir Path temp;

  private final FakeCatalogApi api = new FakeCatalogApi();
  private final MockWebServer server = new MockWebServer();
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private Path snapshot;

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(api);
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    snapshot = temp.resolve("model-schemas");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aSuccessfulAnswerWithNoModelsWritesNothingAndSaysWhatItWouldRemove() throws Exception {
    writeSnapshot("a", "b", "c");
    Map<String, String> before = snapshotContents();
    api.page(1);

    RefreshResult result = CatalogRefresher.refresh(request(), log::add);

    assertThat(result.outcome()).isEqualTo(RefreshResult.Outcome.BLOCKED_BY_MASS_REMOVAL);
    assertThat(result.blocked()).isTrue();
    assertThat(result.outcomeSentence()).contains("lacks 3 of the snapshot's 3 models (it lists 0)");
    assertThat(result.blockedByLines(2)).containsExactly("@cf/t/a: model removed", "@cf/t/b: model removed", "... and 1 more");
    assertThat(result.warnings()).contains("the catalog lists no models at all");
    assertThat(snapshotContents()).isEqualTo(before);
  }

  @Test
  void losingMoreThanHalfIsBlockedUnlessAllowedAndLosingHalfIsNot() throws Exception {
    writeSnapshot("a", "b", "c");
    api.page(1, "@cf/t/a");

    assertThat(CatalogRefresher.refresh(request(), log::add).outcome()).isEqualTo(RefreshResult.Outcome.BLOCKED_BY_MASS_REMOVAL);
    RefreshResult dry = CatalogRefresher.refresh(request().asDryRun(true), log::add);
    assertThat(dry.outcome()).isEqualTo(RefreshResult.Outcome.DRY_RUN);
    assertThat(dry.warnings()).anyMatch(w -> w.contains("lacks 2 of the snapshot's 3 models"));
    assertThat(modelFiles()).containsExactly("a.json", "b.json", "c.json");

    RefreshResult allowed = CatalogRefresher.refresh(request().allowingMassRemoval(true), log::add);

    assertThat(allowed.outcome()).isEqualTo(RefreshResult.Outcome.WRITTEN);
    assertThat(modelFiles()).containsExactly("a.json");

    api.page(1, "@cf/t/a", "@cf/t/b");
    CatalogRefresher.refresh(request(), log::add);
    api.page(1, "@cf/t/b");
    assertThat(CatalogRefresher.refresh(request(), log::add).outcome()).isEqualTo(RefreshResult.Outcome.WRITTEN);
  }

  @Test
  void aRedirectIsRefusedNamingWhereItPointsAndNothingReachesTheOtherHost() throws Exception {
    writeSnapshot("a");
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start(java.net.InetAddress.getLoopbackAddress(), 0);
      String target = "http://localhost:" + elsewhere.getPort() + "/client/v4/accounts/acc123/ai/models/search";
      api.failNext("search:1", new MockResponse.Builder().code(302).setHeader("Location", target + "?page=1").build());

      assertThatThrownBy(() -> CatalogRefresher.refresh(request(), log::add))
          .isInstanceOf(RefreshException.class)
          .hasMessageContaining("catalog search page 1")
          .hasMessageContaining("HTTP 302 redirects to " + target + ";")
          .hasMessageContaining("not followed");
      assertThat(elsewhere.getRequestCount()).isZero();
    }
    assertThat(modelFiles()).containsExactly("a.json");
  }

  @Test
  void anAnswerOverTheCapFailsNamingThePathAndTheCap() {
    String big = "{\"success\":true,\"result\":{\"input\":{\"type\":\"object\",\"title\":\"" + "x".repeat(4_000)
        + "\"},\"output\":{\"type\":\"object\"}}}";
    RefreshRequest capped = request().withTuning(request().tuning().withMaxResponseBytes(1_024));
    String path = "/client/v4/accounts/acc123/ai/models/schema";

    api.page(1, "@cf/t/a").schemaAnswer("@cf/t/a", FakeCatalogApi.json(200, big));
    assertThatThrownBy(() -> CatalogRefresher.refresh(capped, log::add))
        .isInstanceOf(RefreshException.class)
        .hasMessageContaining("schema of @cf/t/a (GET " + path + ")")
        .hasMessageContaining("larger than the cap of 1024 bytes (Content-Length");

    // Without a Content-Length the body is read only up to the cap.
    api.schemaAnswer("@cf/t/a", new MockResponse.Builder().code(200).chunkedBody(big, 512).build());
    assertThatThrownBy(() -> CatalogRefresher.refresh(capped, log::add))
        .isInstanceOf(RefreshException.class)
        .hasMessageContaining("schema of @cf/t/a (GET " + path + ")")
        .hasMessageContaining("larger than the cap of 1024 bytes;")
        .hasMessageContaining("maxResponseBytes");

    api.schemaAnswer("@cf/t/a", new MockResponse.Builder().code(200).chunkedBody(big, 512).build());
    assertThat(CatalogRefresher.refresh(request(), log::add).outcome()).isEqualTo(RefreshResult.Outcome.WRITTEN);
  }

  @Test
  void aModelNamedRateLimitsGetsAFileOfItsOwnAndIsReadBack() throws Exception {
    writeSnapshot("a");
    api.page(1, "@cf/t/a", "@cf/x/rate-limits");

    RefreshResult first = CatalogRefresher.refresh(request(), log::add);

    assertThat(first.outcome()).isEqualTo(RefreshResult.Outcome.WRITTEN);
    assertThat(modelFiles()).containsExactly("_rate-limits.json", "a.json");
    assertThat(Files.readString(snapshot.resolve("rate-limits.json"))).isEqualTo(RATE_LIMITS);
    assertThat(CatalogReader.read(snapshot).models()).extracting(CatalogModel::id).containsExactly("@cf/t/a", "@cf/x/rate-limits");

    RefreshResult second = CatalogRefresher.refresh(request(), log::add);

    assertThat(second.outcome()).isEqualTo(RefreshResult.Outcome.UNCHANGED);
    assertThat(second.changes().isEmpty()).isTrue();
  }

  @Test
  void aGuardIncludeThatMatchesNoModelFailsWithTheClosestIdsAndWritesNothing() throws Exception {
    writeSnapshot("bge-small-en-v1.5");
    api.page(1, "@cf/t/bge-small-en-v1.5", "@cf/t/new");

    assertThatThrownBy(() -> CatalogRefresher.refresh(
            request().guarding(ModelSelection.of(List.of("@cf/t/bge-smal-en-v1.5"), List.of())), log::add))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("include @cf/t/bge-smal-en-v1.5 matches no model; closest ids: [@cf/t/bge-small-en-v1.5, @cf/t/new]");
    assertThat(modelFiles()).containsExactly("bge-small-en-v1.5.json");

    // An include of a model only the live catalog has is fine, and so is one only the snapshot had.
    CatalogRefresher.refresh(request().guarding(ModelSelection.of(List.of("@cf/t/new"), List.of())), log::add);
  }

  @Test
  void aBlockedGuardNamesTheChangesBehindIt() throws Exception {
    writeSnapshot("a", "b");
    api.page(1, "@cf/t/a", "@cf/t/b").schemaAnswer("@cf/t/b", FakeCatalogApi.json(200,
        "{\"success\":true,\"result\":{\"input\":{\"type\":\"object\",\"properties\":{\"prompt\":{\"type\":\"string\"},"
            + "\"mode\":{\"type\":\"string\"}},\"required\":[\"prompt\",\"mode\"]},"
            + "\"output\":{\"type\":\"object\",\"properties\":{\"response\":{\"type\":\"string\"}}}}}"));

    RefreshResult result = CatalogRefresher.refresh(request().guarding(ModelSelection.of(List.of("@cf/t/*"), List.of())), log::add);

    assertThat(result.outcome()).isEqualTo(RefreshResult.Outcome.BLOCKED_BY_BREAKING_CHANGES);
    assertThat(result.outcomeSentence()).startsWith("1 breaking change to 1 guarded model:");
    assertThat(result.blockedByLines(5)).containsExactly("@cf/t/b input $.mode: required field added");
  }

  private RefreshRequest request() {
    return RefreshRequest.of(server.url("/client/v4").toString(), FakeCatalogApi.ACCOUNT, ApiToken.of("t0ken-for-guards"), snapshot)
        .withTuning(RefreshTuning.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(2)));
  }

  /** A snapshot of {@code @cf/t/NAME} models in models/, with a rate-limit table beside it. */
  private void writeSnapshot(String... names) throws IOException {
    Files.createDirectories(snapshot.resolve("models"));
    Files.writeString(snapshot.resolve("rate-limits.json"), RATE_LIMITS);
    for (String name : names) {
      Files.writeString(snapshot.resolve("models/" + name + ".json"),
          "{\"name\":\"@cf/t/" + name + "\",\"task\":\"Text Generation\",\"properties\":[],\"schema\":"
              + FakeCatalogApi.schemaOf(name) + "}\n");
    }
  }

  private List<String> modelFiles() throws IOException {
    try (Stream<Path> files = Files.list(snapshot.resolve("models"))) {
      return files.map(p -> p.getFileName().toString()).filter(CatalogReader::isModelFileName).sorted().toList();
    }
  }

  private Map<String, String> snapshotContents() throws IOException {
    Map<String, String> contents = new TreeMap<>();
    try (Stream<Path> files = Files.walk(snapshot)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        contents.put(snapshot.relativize(file).toString(), Files.readString(file));
      }
    }
    return contents;
  }
}
