package dev.workersai.generator.refresh;

import dev.workersai.generator.ModelSelection;
import dev.workersai.catalog.CatalogReader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogRefresherTest {
  private static final String TOKEN = "sekrit-token-0123456789";
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
  void pagesUntilAShortPageAndDeduplicatesByName() throws Exception {
    api.page(1, "@cf/t/a", "@cf/t/b").page(2, "@cf/t/b", "@cf/t/c").page(3, "@cf/t/d");

    RefreshResult result = CatalogRefresher.refresh(request(2, 10), log::add);

    assertThat(result.outcome()).isEqualTo(RefreshResult.Outcome.WRITTEN);
    assertThat(result.models()).isEqualTo(4);
    assertThat(modelFiles()).hasSize(4);
    List<RecordedRequest> requests = drain();
    assertThat(requests).filteredOn(r -> r.getUrl().encodedPath().endsWith("/search"))
        .extracting(r -> r.getUrl().queryParameter("page") + "/" + r.getUrl().queryParameter("per_page"))
        .containsExactly("1/2", "2/2", "3/2");
    assertThat(requests).filteredOn(r -> r.getUrl().encodedPath().endsWith("/schema")).hasSize(4);
    assertThat(requests).allSatisfy(r -> assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN));
  }

  @Test
  void encodesTheModelNameInTheSchemaQuery() throws Exception {
    api.page(1, "@cf/meta/llama");

    CatalogRefresher.refresh(request(100, 10), log::add);

    assertThat(drain()).filteredOn(r -> r.getUrl().encodedPath().endsWith("/schema"))
        .extracting(r -> r.getUrl().encodedQuery()).containsExactly("model=%40cf%2Fmeta%2Fllama");
  }

  @Test
  void stopsWhenAPageBringsNothingNew() {
    // An API that ignores "page" serves the same full page forever.
    api.page(1, "@cf/t/a", "@cf/t/b").repeatLastPage();

    RefreshResult result = CatalogRefresher.refresh(request(2, 50), log::add);

    assertThat(result.models()).isEqualTo(2);
    assertThat(drain()).filteredOn(r -> r.getUrl().encodedPath().endsWith("/search")).hasSize(2);
  }

  @Test
  void capsThePagingLoopAndWritesNothing() throws Exception {
    writeOldSnapshot();
    for (int page = 1; page <= 5; page++) {
      api.page(page, "@cf/t/p" + page + "a", "@cf/t/p" + page + "b");
    }

    assertThatThrownBy(() -> CatalogRefresher.refresh(request(2, 3), log::add))
        .isInstanceOf(RefreshException.class)
        .hasMessageContaining("did not end after 3 pages");
    assertOldSnapshotIntact();
  }

  @Test
  void retriesServerErrorsAndRateLimitsWithBackoff() {
    api.page(1, "@cf/t/a")
        .failNext("search:1", FakeCatalogApi.json(503, "{\"success\":false,\"errors\":[{\"message\":\"busy\"}]}"))
        .failNext("schema:@cf/t/a", new MockResponse.Builder().code(429).setHeader("Retry-After", "0").body("{}").build())
        .failNext("schema:@cf/t/a", FakeCatalogApi.json(500, "{}"));

    RefreshResult result = CatalogRefresher.refresh(request(100, 10), log::add);

    assertThat(result.outcome()).isEqualTo(RefreshResult.Outcome.WRITTEN);
    assertThat(drain()).hasSize(2 + 3);
    assertThat(log).anyMatch(line -> line.contains("catalog search page 1: HTTP 503, retrying"))
        .anyMatch(line -> line.contains("schema of @cf/t/a: HTTP 429, retrying in 0 ms"));
  }

  @Test
  void givesUpAfterTheLastAttemptAndLeavesTheSnapshotAlone() throws Exception {
    writeOldSnapshot();
    api.page(1, "@cf/t/a", "@cf/t/b").schemaAnswer("@cf/t/b", FakeCatalogApi.json(502, "{\"success\":false}"));

    assertThatThrownBy(() -> CatalogRefresher.refresh(request(100, 10), log::add))
        .isInstanceOf(RefreshException.class)
        .hasMessageContaining("schema of @cf/t/b")
        .hasMessageContaining("HTTP 502");
    assertOldSnapshotIntact();
  }

  @Test
  void rejectsAnAnswerThatIsNotJsonNamingTheModel() throws Exception {
    writeOldSnapshot();
    api.page(1, "@cf/t/a").schemaAnswer("@cf/t/a", new MockResponse.Builder().code(200).body("<html>oops</html>").build());

    assertThatThrownBy(() -> CatalogRefresher.refresh(request(100, 10), log::add))
        .isInstanceOf(RefreshException.class)
        .hasMessageContaining("schema of @cf/t/a")
        .hasMessageContaining("not JSON");
    assertOldSnapshotIntact();
  }

  @Test
  void rejectsASearchItemWithoutName() throws Exception {
    writeOldSnapshot();
    api.failNext("search:1", FakeCatalogApi.json(200, "{\"success\":true,\"result\":[{\"id\":\"x\"}]}"));

    assertThatThrownBy(() -> CatalogRefresher.refresh(request(100, 10), log::add))
        .hasMessageContaining("catalog search page 1, /result/0: the model has no \"name\"");
    assertOldSnapshotIntact();
  }

  @Test
  void writesAModelWithoutSchemaWhenTheApiRefusesItsSchema() {
    api.page(1, "@cf/t/a", "@cf/t/b")
        .schemaAnswer("@cf/t/b", FakeCatalogApi.json(400, "{\"result\":{},\"success\":false,\"errors\":[{\"message\":\"No schema\"}]}"));

    RefreshResult result = CatalogRefresher.refresh(request(100, 10), log::add);

    assertThat(result.warnings()).singleElement().asString()
        .contains("schema of @cf/t/b").contains("HTTP 400: No schema").contains("without a schema");
    assertThat(modelFiles()).hasSize(2);
  }

  @Test
  void anEmptySchemaResultAlsoMeansNoSchemaButAHalfSchemaIsAnError() throws Exception {
    api.page(1, "@cf/t/a").schemaAnswer("@cf/t/a", FakeCatalogApi.json(200, "{\"success\":true,\"result\":{}}"));

    RefreshResult result = CatalogRefresher.refresh(request(100, 10), log::add);

    assertThat(result.warnings()).singleElement().asString().contains("schema of @cf/t/a").contains("holds no schema");
    assertThat(Files.readString(snapshot.resolve("models/a.json"))).doesNotContain("\"schema\"");

    api.schemaAnswer("@cf/t/a", FakeCatalogApi.json(200, "{\"success\":true,\"result\":{\"input\":{}}}"));
    assertThatThrownBy(() -> CatalogRefresher.refresh(request(100, 10), log::add))
        .hasMessageContaining("schema of @cf/t/a").hasMessageContaining("lacks an \"input\" and \"output\" object");
  }

  @Test
  void keepsTheRateLimitTableAndOtherFilesAndDropsModelsThatAreGone() throws Exception {
    writeOldSnapshot();
    Files.writeString(snapshot.resolve("models/NOTES.txt"), "kept");
    api.page(1, "@cf/t/new");

    // The one model of the snapshot goes: that is a mass removal, which this test allows.
    CatalogRefresher.refresh(request(100, 10).allowingMassRemoval(true), log::add);

    assertThat(Files.readString(snapshot.resolve("rate-limits.json"))).isEqualTo(RATE_LIMITS);
    assertThat(Files.readString(snapshot.resolve("models/NOTES.txt"))).isEqualTo("kept");
    assertThat(modelFiles()).hasSize(1).noneMatch(name -> name.contains("old"));
    assertNoStagingLeftovers();
  }

  @Test
  void reportsChangesAgainstTheOldSnapshotAndAGuardBlocksTheWrite() throws Exception {
    writeOldSnapshot();
    api.page(1, "@cf/t/old", "@cf/t/new").schemaAnswer("@cf/t/old", FakeCatalogApi.json(200,
        "{\"success\":true,\"result\":{\"input\":{\"type\":\"object\",\"properties\":{\"prompt\":{\"type\":\"string\"},"
            + "\"mode\":{\"type\":\"string\"}},\"required\":[\"prompt\",\"mode\"]},\"output\":{\"type\":\"object\"}}}"));

    RefreshResult blocked = CatalogRefresher.refresh(request(100, 10).guarding(ModelSelection.of(List.of("@cf/t/o*"), List.of())), log::add);

    assertThat(blocked.outcome()).isEqualTo(RefreshResult.Outcome.BLOCKED_BY_BREAKING_CHANGES);
    assertThat(blocked.changes().hasBreakingChanges(id -> id.equals("@cf/t/old"))).isTrue();
    assertThat(blocked.changes().toMarkdown()).contains("@cf/t/new").contains("mode");
    assertOldSnapshotIntact();

    RefreshResult unguarded = CatalogRefresher.refresh(request(100, 10).guarding(ModelSelection.of(List.of("@cf/t/new"), List.of())), log::add);

    assertThat(unguarded.outcome()).isEqualTo(RefreshResult.Outcome.WRITTEN);
    assertThat(modelFiles()).containsExactly("new.json", "old.json");
  }

  @Test
  void dryRunLeavesTheSnapshotAlone() throws Exception {
    writeOldSnapshot();
    api.page(1, "@cf/t/a");

    RefreshResult result = CatalogRefresher.refresh(request(100, 10).asDryRun(true), log::add);

    assertThat(result.outcome()).isEqualTo(RefreshResult.Outcome.DRY_RUN);
    assertOldSnapshotIntact();
  }

  @Test
  void aSecondRefreshOfTheSameCatalogWritesNothing() throws Exception {
    api.page(1, "@cf/t/a", "@cf/t/b");
    CatalogRefresher.refresh(request(100, 10), log::add);
    Map<String, Long> before = modifiedTimes();

    RefreshResult again = CatalogRefresher.refresh(request(100, 10), log::add);

    assertThat(again.outcome()).isEqualTo(RefreshResult.Outcome.UNCHANGED);
    assertThat(modifiedTimes()).isEqualTo(before);
  }

  @Test
  void aWrittenSnapshotCarriesTheDayItWasTakenAndAnUnchangedOneKeepsIt() throws Exception {
    api.page(1, "@cf/t/a");
    Path dateFile = snapshot.resolve("models").resolve(SnapshotDate.FILE_NAME);

    CatalogRefresher.refresh(request(100, 10), log::add, Clock.fixed(Instant.parse("2026-11-28T23:30:00Z"), ZoneId.of("Asia/Tokyo")));

    assertThat(SnapshotDate.parse(Files.readAllBytes(dateFile), dateFile.toString())).contains(LocalDate.of(2026, 11, 28));

    RefreshResult unchanged = CatalogRefresher.refresh(request(100, 10), log::add, Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC));

    assertThat(unchanged.outcome()).isEqualTo(RefreshResult.Outcome.UNCHANGED);
    assertThat(SnapshotDate.parse(Files.readAllBytes(dateFile), dateFile.toString())).contains(LocalDate.of(2026, 11, 28));

    api.page(1, "@cf/t/a", "@cf/t/b");
    CatalogRefresher.refresh(request(100, 10), log::add, Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC));

    assertThat(SnapshotDate.parse(Files.readAllBytes(dateFile), dateFile.toString())).contains(LocalDate.of(2026, 12, 5));
    assertThat(modelFiles()).containsExactly("a.json", "b.json");
  }

  @Test
  void anInterruptStopsTheRefreshAndLeavesTheSnapshotAlone() throws Exception {
    writeOldSnapshot();
    api.page(1, "@cf/t/a").schemaAnswer("@cf/t/a",
        new MockResponse.Builder().code(200).headersDelay(10, TimeUnit.SECONDS).body("{}").build());
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread refresh = new Thread(() -> {
      try {
        CatalogRefresher.refresh(request(100, 10), log::add);
      } catch (Throwable t) {
        failure.set(t);
      }
    });

    refresh.start();
    takeRequestTo("/schema");
    refresh.interrupt();
    refresh.join(Duration.ofSeconds(5).toMillis());

    assertThat(refresh.isAlive()).isFalse();
    assertThat(failure.get()).isInstanceOf(RefreshException.class).hasMessageContaining("interrupted");
    assertOldSnapshotIntact();
  }

  @Test
  void theTokenAppearsInNoLogLineMessageOrFile() throws Exception {
    api.page(1, "@cf/t/a", "@cf/t/b")
        .failNext("schema:@cf/t/a", FakeCatalogApi.json(503, "{}"))
        .schemaAnswer("@cf/t/b", FakeCatalogApi.json(400, "{\"success\":false,\"errors\":[{\"message\":\"nope\"}]}"));
    RefreshRequest request = request(100, 10);

    RefreshResult result = CatalogRefresher.refresh(request, log::add);
    api.schemaAnswer("@cf/t/a", FakeCatalogApi.json(500, "{}"));
    Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> CatalogRefresher.refresh(request, log::add));

    assertThat(log).isNotEmpty().noneMatch(line -> line.contains(TOKEN));
    assertThat(result.warnings()).isNotEmpty().noneMatch(line -> line.contains(TOKEN));
    assertThat(failure).isNotNull();
    assertThat(String.valueOf(failure.getMessage()) + failure.getCause()).doesNotContain(TOKEN);
    assertThat(request.toString()).doesNotContain(TOKEN).contains("redacted");
    assertThat(result.changes().toMarkdown() + result.changes().toJson()).doesNotContain(TOKEN);
    try (Stream<Path> files = Files.walk(temp)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file)).as(file.toString()).doesNotContain(TOKEN);
      }
    }
  }

  private RefreshRequest request(int perPage, int maxPages) {
    String base = server.url("/client/v4").toString();
    return RefreshRequest.of(base, FakeCatalogApi.ACCOUNT, ApiToken.of(TOKEN), snapshot)
        .withTuning(RefreshTuning.defaults().withPaging(perPage, maxPages).withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)));
  }

  /** A snapshot as a project would have it: one model in models/ and a rate-limit table beside it. */
  private void writeOldSnapshot() throws IOException {
    Files.createDirectories(snapshot.resolve("models"));
    Files.writeString(snapshot.resolve("rate-limits.json"), RATE_LIMITS);
    Files.writeString(snapshot.resolve("models/old.json"),
        "{\"name\":\"@cf/t/old\",\"task\":{\"name\":\"Text Generation\"},\"properties\":[],\"schema\":"
            + FakeCatalogApi.schemaOf("@cf/t/old") + "}\n");
  }

  private void assertOldSnapshotIntact() throws IOException {
    try (Stream<Path> files = Files.list(snapshot.resolve("models"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("old.json");
    }
    assertThat(Files.readString(snapshot.resolve("rate-limits.json"))).isEqualTo(RATE_LIMITS);
    assertNoStagingLeftovers();
  }

  private void assertNoStagingLeftovers() throws IOException {
    try (Stream<Path> siblings = Files.list(snapshot)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains(".refresh-"));
    }
  }

  private List<String> modelFiles() {
    try (Stream<Path> files = Files.list(snapshot.resolve("models"))) {
      return files.map(p -> p.getFileName().toString()).filter(CatalogReader::isModelFileName).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Map<String, Long> modifiedTimes() throws IOException {
    Map<String, Long> times = new TreeMap<>();
    try (Stream<Path> files = Files.walk(snapshot)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        times.put(snapshot.relativize(file).toString(), Files.getLastModifiedTime(file).toMillis());
      }
    }
    return times;
  }

  private List<RecordedRequest> drain() {
    List<RecordedRequest> requests = new ArrayList<>();
    try {
      for (RecordedRequest r; (r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null; ) {
        requests.add(r);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return requests;
  }

  private void takeRequestTo(String suffix) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
      if (r != null && r.getUrl().encodedPath().endsWith(suffix)) {
        return;
      }
    }
    throw new AssertionError("no request to " + suffix);
  }

}
