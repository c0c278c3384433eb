package dev.workersai.emulator;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.workersai.catalog.CatalogReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The third-party catalog corpus (read only, never copied): {@code ../shared/workers-ai-catalog/models}
 * from the repository root, passed by the pom as {@code workersai.catalog.dir}. In CI (CI=true) a
 * missing corpus fails the test; elsewhere the test is skipped.
 */
public final class Corpus {
  private Corpus() {}

  /** The corpus folder, or an abort/failure when it is not there. */
  public static Path dir() {
    Path dir = Path.of(System.getProperty("workersai.catalog.dir", "../../shared/workers-ai-catalog/models"));
    if (!Files.isDirectory(dir)) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("the catalog corpus is missing in CI: " + dir.toAbsolutePath());
      }
      assumeTrue(false, "catalog corpus not found at " + dir.toAbsolutePath());
    }
    return dir;
  }

  /**
   * A snapshot folder made from the corpus inside {@code temp}: the corpus has two files for one
   * model id (a snapshot may not), so only the first file of each id, in file-name order, is used.
   */
  public static Path snapshotIn(Path temp) throws IOException {
    Path source = dir();
    Set<String> ids = new HashSet<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(source)) {
      files = list.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      if (ids.add(CatalogReader.readModel(file).id())) {
        Files.copy(file, temp.resolve(file.getFileName()));
      }
    }
    return temp;
  }
}
