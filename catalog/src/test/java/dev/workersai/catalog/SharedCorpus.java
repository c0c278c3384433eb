package dev.workersai.catalog;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

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
}
