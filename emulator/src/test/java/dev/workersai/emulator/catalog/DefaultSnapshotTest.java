package dev.workersai.emulator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.workersai.emulator.EmulatorConfig;
import dev.workersai.emulator.WorkersAiEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultSnapshotTest {

  @Test
  void systemPropertyNamesTheSnapshot() {
    String before = System.getProperty(DefaultSnapshot.PROPERTY);
    try {
      System.setProperty(DefaultSnapshot.PROPERTY, "src/test/resources/snapshot");
      assertThat(DefaultSnapshot.locate()).isEqualTo(Path.of("src/test/resources/snapshot"));
      try (WorkersAiEmulator emulator = WorkersAiEmulator.builder().start()) {
        assertThat(emulator.modelIds()).contains("@cf/test/chat");
      }
    } finally {
      if (before == null) {
        System.clearProperty(DefaultSnapshot.PROPERTY);
      } else {
        System.setProperty(DefaultSnapshot.PROPERTY, before);
      }
    }
  }

  @Test
  void bundledSnapshotIsFoundFromAModuleDirectoryWithItsRateLimits() {
    // Tests run in emulator/; the bundled snapshot is ../model-schemas/models with the table beside it.
    Optional<Path> found = DefaultSnapshot.find();
    if (found.isEmpty()) {
      fail("model-schemas/models not found from " + Path.of("").toAbsolutePath());
    }
    EmulatorConfig config = EmulatorConfig.builder().schemas(found.get()).build();
    assertThat(config.rateLimitsFile()).hasValue(found.get().toAbsolutePath().getParent().resolve("rate-limits.json"));

    EmulatedCatalog catalog = SnapshotLoader.load(found.get(), config.rateLimitsFile(), Map.of());
    assertThat(catalog.find("@cf/meta/llama-3.1-8b-instruct")).map(EmulatedModel::requestsPerMinute).hasValue(300);
  }

  @Test
  void folderWithItsOwnTableNeedsNoTableBeside(@TempDir Path temp) throws Exception {
    Path snapshot = Files.createDirectory(temp.resolve("snap"));
    Files.writeString(snapshot.resolve("rate-limits.json"), "{}");
    Files.writeString(temp.resolve("rate-limits.json"), "{}");

    assertThat(DefaultSnapshot.rateLimitsBeside(snapshot)).isEmpty();
    Files.delete(snapshot.resolve("rate-limits.json"));
    assertThat(DefaultSnapshot.rateLimitsBeside(snapshot)).hasValue(temp.toAbsolutePath().resolve("rate-limits.json"));
  }

  @Test
  void explicitTableReplacesTheFoldersOwn(@TempDir Path temp) throws Exception {
    Path table = temp.resolve("limits.json");
    Files.writeString(table, "{\"unit\":\"requests per minute\",\"modelOverrides\":{\"@cf/test/chat\":7}}");

    EmulatedCatalog catalog = SnapshotLoader.load(Path.of("src/test/resources/snapshot"), Optional.of(table), Map.of());

    assertThat(catalog.find("@cf/test/chat")).map(EmulatedModel::requestsPerMinute).hasValue(7);
    assertThat(catalog.find("@cf/test/speaker")).map(EmulatedModel::requestsPerMinute).hasValue(0);
  }
}
