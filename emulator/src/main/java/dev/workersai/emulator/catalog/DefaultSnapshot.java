package dev.workersai.emulator.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Finds the project's bundled snapshot when the user names none: the system property
 * {@value #PROPERTY}, else the environment variable {@value #ENVIRONMENT}, else a
 * {@code model-schemas/models} folder in the working directory or one of its parents. The bundled
 * rate-limit table sits next to that folder, in {@code model-schemas/rate-limits.json}.
 */
public final class DefaultSnapshot {
  /** System property naming a snapshot folder. */
  public static final String PROPERTY = "workersai.emulator.schemas";
  /** Environment variable naming a snapshot folder. */
  public static final String ENVIRONMENT = "WORKERS_AI_EMULATOR_SCHEMAS";

  private static final Path BUNDLED = Paths.get("model-schemas", "models");
  private static final String RATE_LIMITS = "rate-limits.json";

  private DefaultSnapshot() {}

  /** The folder to use, or an exception that says where it looked. */
  public static Path locate() {
    return find().orElseThrow(() -> new IllegalStateException(
        "no snapshot folder given and none found: set -D" + PROPERTY + "=DIR or " + ENVIRONMENT
            + "=DIR, or run from inside the workers-ai-jvm checkout (looked for " + BUNDLED
            + " from " + Paths.get("").toAbsolutePath() + " upwards)"));
  }

  /** The folder to use, if one can be found. */
  public static Optional<Path> find() {
    String property = System.getProperty(PROPERTY);
    if (property != null && !property.isBlank()) {
      return Optional.of(Paths.get(property));
    }
    String env = System.getenv(ENVIRONMENT);
    if (env != null && !env.isBlank()) {
      return Optional.of(Paths.get(env));
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(BUNDLED);
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The rate-limit table that goes with {@code snapshot} when the folder has none of its own:
   * {@code rate-limits.json} in its parent, as in the bundled {@code model-schemas/} layout.
   */
  public static Optional<Path> rateLimitsBeside(Path snapshot) {
    if (Files.isRegularFile(snapshot.resolve(RATE_LIMITS))) {
      return Optional.empty();
    }
    Path parent = snapshot.toAbsolutePath().getParent();
    Path beside = parent == null ? null : parent.resolve(RATE_LIMITS);
    return beside != null && Files.isRegularFile(beside) ? Optional.of(beside) : Optional.empty();
  }
}
