package dev.workersai.generator.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.catalog.Catalog;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.CatalogReader;
import dev.workersai.catalog.RateLimitTable;
import dev.workersai.catalog.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The diff on real schemas: the facts-only snapshot loses nothing the diff can see. */
class CorpusDiffTest {

  @Test
  void publishedCorpusAndCommittedSnapshotDifferInNoFact() throws IOException {
    List<CatalogModel> published;
    try (Stream<Path> list = Files.list(SharedCorpus.modelsDirectory())) {
      published = list.filter(p -> p.toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().equals("qwen.json")) // an older copy of qwen1.5-0.5b-chat
          .sorted()
          .map(CatalogReader::readModel)
          .toList();
    }
    Catalog snapshot = CatalogReader.read(Path.of("..", "model-schemas"));

    ChangeReport report = CatalogDiff.compare(new Catalog(published, RateLimitTable.empty()), snapshot);

    assertThat(snapshot.models()).hasSize(99);
    assertThat(report.toMarkdown()).isEqualTo("# Workers AI catalog changes\n\nNo changes.\n");
  }

  @Test
  void theNewerCopyOfAModelDropsTheImageInputABreakingChange() throws IOException {
    Path models = SharedCorpus.modelsDirectory();
    Catalog older = new Catalog(List.of(CatalogReader.readModel(models.resolve("qwen.json"))), RateLimitTable.empty());
    Catalog newer = new Catalog(List.of(CatalogReader.readModel(models.resolve("qwen1.5-0.5b-chat.json"))), RateLimitTable.empty());

    ChangeReport report = CatalogDiff.compare(older, newer);

    // the older copy accepted an image; the newer one does not
    assertThat(report.changes()).isNotEmpty().allMatch(c -> c.modelId().equals("@cf/qwen/qwen1.5-0.5b-chat"));
    assertThat(report.changes()).extracting(Change::path).contains("$.image");
    assertThat(report.hasBreakingChanges()).isTrue();
  }
}
