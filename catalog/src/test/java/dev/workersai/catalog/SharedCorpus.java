package dev.workersai.catalog;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The third-party catalog corpus at {@code ../shared/workers-ai-catalog/models} (relative to the
 * repository root; the pom passes it as {@code workersai.shared.dir}). Read only, never copied. In
 * CI ({@code CI=true}) a missing corpus fails the test; elsewhere the test is skipped.
 */
public final class SharedCorpus {
  private SharedCorpus() {}

  /** The folder of published model files; fails or skips the calling test when it is absent. */
  public static Path modelsDirectory() {
    String configured = System.getProperty("workersai.shared.dir");
    Path shared = configured != null ? Paths.get(configured) : Paths.get("..", "..", "shared");
    Path models = shared.resolve("workers-ai-catalog").resolve("models").normalize();
    if (!Files.isDirectory(models)) {
      if ("true".equals(System.getenv("CI"))) {
        fail("the catalog corpus is missing in CI: " + models.toAbsolutePath());
      }
      assumeTrue(false, "catalog corpus not present at " + models.toAbsolutePath());
    }
    return models;
  }

  /**
   * A snapshot folder made from the corpus inside {@code temp}, for tests that load it as one: the
   * corpus has two files for one model id (a snapshot may not), so only the first file of each id, in
   * file-name order, is copied.
   */
  public static Path snapshotIn(Path temp) throws IOException {
    Set<String> ids = new HashSet<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(modelsDirectory())) {
      files = list.filter(f -> CatalogReader.isModelFileName(f.getFileName().toString())).sorted().toList();
    }
    for (Path file : files) {
      if (ids.add(CatalogReader.readModel(file).id())) {
        Files.copy(file, temp.resolve(file.getFileName()));
      }
    }
    return temp;
  }
}
