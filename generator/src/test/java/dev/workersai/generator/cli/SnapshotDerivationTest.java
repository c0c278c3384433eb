package dev.workersai.generator.cli;
import dev.workersai.catalog.SharedCorpus;

import dev.workersai.catalog.CatalogException;
import dev.workersai.catalog.CatalogReader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed snapshot {@code model-schemas/models} is exactly what {@link SnapshotDerivation}
 * makes of the published corpus. Run with {@code -Dsnapshot.update=true} to re-derive it (the
 * command is in {@code docs/catalog-format.md}).
 */
class SnapshotDerivationTest {
  private static final Path SNAPSHOT = Path.of("..", "model-schemas", "models");

  @Test
  void committedSnapshotIsTheDerivationOfThePublishedCorpus() throws IOException {
    SnapshotDerivation.Result derived = SnapshotDerivation.derive(SharedCorpus.modelsDirectory());
    if (Boolean.getBoolean("snapshot.update")) {
      SnapshotDerivation.replaceFolder(SNAPSHOT, derived.files());
    }

    assertThat(derived.skipped())
        .containsExactly("qwen.json: an older copy of @cf/qwen/qwen1.5-0.5b-chat, kept qwen1.5-0.5b-chat.json");
    assertThat(derived.files()).hasSize(99);
    Map<String, String> committed = new TreeMap<>();
    try (Stream<Path> files = Files.list(SNAPSHOT)) {
      for (Path file : files.filter(f -> CatalogReader.isModelFileName(f.getFileName().toString())).toList()) {
        committed.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    Map<String, String> expected = new TreeMap<>();
    derived.files().forEach((name, bytes) -> expected.put(name, new String(bytes, StandardCharsets.UTF_8)));
    assertThat(committed)
        .as("model-schemas/models differs from its derivation; re-derive with -Dsnapshot.update=true")
        .isEqualTo(expected);
  }

  @Test
  void everyBadSourceFileIsReportedAtOnce(@TempDir Path source) throws IOException {
    Files.writeString(source.resolve("a.json"), "{\"name\": \"@cf/acme/a\"}");
    Files.writeString(source.resolve("broken.json"), "{");
    Files.writeString(source.resolve("one.json"), "{\"name\": \"@cf/acme/twin\"}");
    Files.writeString(source.resolve("two.json"), "{\"name\": \"@cf/acme/twin\"}");

    CatalogException e = catchThrowableOfType(CatalogException.class, () -> SnapshotDerivation.derive(source));

    assertThat(e.problems()).extracting(CatalogException::errorId).containsExactly("bad-source", "duplicate-model");
    assertThat(e.problems()).extracting(p -> p.location().file().getFileName().toString())
        .containsExactly("broken.json", "two.json");
  }
}
