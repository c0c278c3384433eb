package dev.workersai.generator.catalog;
import dev.workersai.catalog.SharedCorpus;

import dev.workersai.catalog.Catalog;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.CatalogReader;
import dev.workersai.catalog.Price;
import dev.workersai.catalog.PublishedRateLimits;
import dev.workersai.catalog.RateLimitTable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.runtime.model.RateLimit;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Reads the whole published corpus and checks facts a reader must get right. */
class CatalogReaderCorpusTest {

  @Test
  void readsEveryFileOfThePublishedCorpus() throws IOException {
    Path models = SharedCorpus.modelsDirectory();
    List<Path> files;
    try (Stream<Path> list = Files.list(models)) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).hasSize(100);

    List<CatalogModel> read = files.stream().map(CatalogReader::readModel).toList();

    assertThat(read).allMatch(m -> m.id().startsWith("@") && !m.task().isEmpty());
    assertThat(read.stream().filter(m -> !m.hasSchema()).map(m -> m.source().file().getFileName().toString()))
        .containsExactlyInAnyOrder("apertus-v1.5-8b.json", "eurollm-9b-it.json", "granite-4.0-h-micro.json", "qwq-32b.json");
    assertThat(read.stream().filter(CatalogModel::deprecated)).isEmpty();
  }

  @Test
  void readsCloudflaresOwnFolderKeepingTheFileNamedAfterTheIdAndThePublishedRateLimits() {
    Path models = SharedCorpus.modelsDirectory();

    // qwen.json is an older copy of qwen1.5-0.5b-chat.json (same catalog id and name)
    Catalog catalog = CatalogReader.read(models);

    List<String> ids = catalog.models().stream().map(CatalogModel::id).toList();
    assertThat(ids).hasSize(99).isSorted().doesNotHaveDuplicates();
    assertThat(catalog.models()).filteredOn(m -> m.id().equals("@cf/qwen/qwen1.5-0.5b-chat"))
        .singleElement().extracting(m -> m.source().file()).isEqualTo(models.resolve("qwen1.5-0.5b-chat.json"));
    assertThat(catalog.warnings()).containsExactly("model @cf/qwen/qwen1.5-0.5b-chat is in two files: kept "
        + models.resolve("qwen1.5-0.5b-chat.json") + ", ignored " + models.resolve("qwen.json")
        + " (the file named after the id wins)");
    assertThat(catalog.rateLimits()).isEqualTo(PublishedRateLimits.table());
  }

  @Test
  void typesTheKnownPropertiesAndKeepsTheRest() {
    Path models = SharedCorpus.modelsDirectory();

    CatalogModel gptOss = CatalogReader.readModel(models.resolve("gpt-oss-120b.json"));
    assertThat(gptOss.id()).isEqualTo("@cf/openai/gpt-oss-120b");
    assertThat(gptOss.task()).isEqualTo("Text Generation");
    assertThat(gptOss.properties().contextWindow()).hasValue(128000);
    assertThat(gptOss.properties().functionCalling()).isTrue();
    assertThat(gptOss.properties().reasoning()).isTrue();
    assertThat(gptOss.properties().lora()).isFalse();
    assertThat(gptOss.properties().prices())
        .contains(new Price("per M input tokens", new BigDecimal("0.35"), "USD"));
    assertThat(gptOss.properties().all().get("reasoning_effort").get("default_effort").asText()).isEqualTo("medium");
    assertThat(gptOss.inputSchema()).isPresent();

    CatalogModel bge = CatalogReader.readModel(models.resolve("bge-base-en-v1.5.json"));
    assertThat(bge.properties().maxInputTokens()).hasValue(512);
    assertThat(bge.properties().outputDimensions()).hasValue(768);
    assertThat(bge.properties().contextWindow()).isEmpty();

    CatalogModel kimi = CatalogReader.readModel(models.resolve("kimi-k2.5.json"));
    assertThat(kimi.properties().plannedDeprecation()).hasValue(LocalDate.of(2026, 5, 30));

    CatalogModel eurollm = CatalogReader.readModel(models.resolve("eurollm-9b-it.json"));
    assertThat(eurollm.hasSchema()).isFalse();
    assertThat(eurollm.properties().all()).containsKey("languages");
  }

  @Test
  void thePublishedTableIsTheCommittedSnapshotsTable() {
    assertThat(PublishedRateLimits.table())
        .isEqualTo(CatalogReader.readRateLimits(Path.of("..", "model-schemas", "rate-limits.json")));
  }

  @Test
  void resolvesRateLimitsOfTheCommittedTable() {
    RateLimitTable table = CatalogReader.readRateLimits(Path.of("..", "model-schemas", "rate-limits.json"));

    assertThat(table.resolve("@cf/microsoft/phi-2", "Text Generation"))
        .isEqualTo(new RateLimitTable.Resolved(720, RateLimit.Source.MODEL_OVERRIDE));
    assertThat(table.resolve("@cf/meta/llama-3.1-8b-instruct", "Text Generation"))
        .isEqualTo(new RateLimitTable.Resolved(300, RateLimit.Source.TASK_DEFAULT));
    assertThat(table.resolve("@cf/deepgram/aura-1", "Text-to-Speech"))
        .isEqualTo(new RateLimitTable.Resolved(0, RateLimit.Source.UNKNOWN));
    assertThat(table.taskDefaults()).hasSize(10);
    assertThat(table.modelOverrides()).hasSize(8);
  }
}
