package dev.workersai.generator.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.Generator;
import dev.workersai.generator.Rendering;
import dev.workersai.generator.diff.Change;
import dev.workersai.generator.diff.ChangeKind;
import dev.workersai.generator.diff.Side;
import dev.workersai.generator.naming.NameLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refresh keeps the generated type names of models that did not change (the type-name lock it
 * writes beside the models), and reports what it does to generated Java.
 */
class RefreshTypeNamesTest {
  private static final String INPUT = "{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\"}},\"required\":[\"query\"]}";
  private static final String CONTEXT = "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"},\"score\":{\"type\":\"number\"}}}";
  private static final String WITH_CONTEXTS = schema("{\"type\":\"object\",\"properties\":{\"contexts\":{\"type\":\"array\",\"items\":" + CONTEXT + "}}}");
  private static final String WITHOUT_CONTEXTS = schema("{\"type\":\"object\",\"properties\":{\"total\":{\"type\":\"integer\"}}}");

  @TempDir Path temp;

  private final FakeCatalogApi api = new FakeCatalogApi();
  private final MockWebServer server = new MockWebServer();
  private Path snapshot;

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(api);
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    snapshot = temp.resolve("model-schemas");
    Files.createDirectories(snapshot.resolve("models"));
    Files.writeString(snapshot.resolve("models/m3.json"), "{\"name\":\"@cf/t/m3\",\"task\":{\"name\":\"Text Embeddings\"},"
        + "\"properties\":[],\"schema\":" + WITH_CONTEXTS + "}\n");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aNewModelSharingAShapeDoesNotMoveTheTypeOutOfTheModelThatHadIt() throws Exception {
    api.page(1, "@cf/t/m3", "@cf/t/new")
        .schemaAnswer("@cf/t/m3", answer(WITH_CONTEXTS)).schemaAnswer("@cf/t/new", answer(WITH_CONTEXTS));

    RefreshResult result = CatalogRefresher.refresh(request(), line -> { });

    assertThat(result.outcome()).isEqualTo(RefreshResult.Outcome.WRITTEN);
    assertThat(snapshot.resolve("models").resolve(NameLock.FILE_NAME)).exists();
    assertThat(generatedCode(result.changes().changes())).noneMatch(Change::isBreaking);
    assertThat(m3Class()).contains("public static record Context(");
    // Without the lock the same snapshot would move Context to the shared package: the lock is what keeps it.
    Files.delete(snapshot.resolve("models").resolve(NameLock.FILE_NAME));
    assertThat(m3Class()).doesNotContain("record Context(").contains("import dev.workersai.models.shared.Context;");
  }

  @Test
  void aTypeThatIsNoLongerGeneratedIsReportedAsBreakingForItsModel() throws Exception {
    api.page(1, "@cf/t/m3").schemaAnswer("@cf/t/m3", answer(WITHOUT_CONTEXTS));

    RefreshResult result = CatalogRefresher.refresh(request().allowingMassRemoval(true), line -> { });

    assertThat(generatedCode(result.changes().changes()))
        .anySatisfy(c -> {
          assertThat(c.modelId()).isEqualTo("@cf/t/m3");
          assertThat(c.kind()).isEqualTo(ChangeKind.TYPE_REMOVED);
          assertThat(c.detail()).contains("t.M3.Context");
          assertThat(c.isBreaking()).isTrue();
        });
    assertThat(result.changes().toMarkdown()).contains("generated code");
  }

  private String m3Class() {
    Rendering rendering = Generator.render(GenerationRequest.of(snapshot, temp.resolve("out")));
    return rendering.files().stream().filter(f -> f.relativePath().endsWith("t/M3.java")).findFirst().orElseThrow().content();
  }

  private static List<Change> generatedCode(List<Change> changes) {
    return changes.stream().filter(c -> c.side() == Side.GENERATED_CODE).toList();
  }

  private static String schema(String output) {
    return "{\"input\":" + INPUT + ",\"output\":" + output + "}";
  }

  private static mockwebserver3.MockResponse answer(String schema) {
    return FakeCatalogApi.json(200, "{\"success\":true,\"result\":" + schema + "}");
  }

  private RefreshRequest request() {
    String base = server.url("/client/v4").toString();
    return RefreshRequest.of(base, FakeCatalogApi.ACCOUNT, ApiToken.of("a-token-of-some-length"), snapshot)
        .withTuning(RefreshTuning.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)));
  }
}
