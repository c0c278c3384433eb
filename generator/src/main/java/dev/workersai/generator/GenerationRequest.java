package dev.workersai.generator;

import dev.workersai.catalog.CatalogReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to generate.
 *
 * @param schemaDirectory the snapshot folder (model files plus an optional {@code rate-limits.json})
 * @param outputDirectory the source root to write into; files the generator did not write are left alone
 * @param packageName the base package, such as {@code dev.workersai.models}
 * @param includes model id globs to keep ({@code @cf/meta/*}); empty keeps every model
 * @param excludes model id globs to drop, applied after includes
 * @param tasks task names to keep; empty keeps every task
 * @param rateLimits a rate-limit table that replaces the snapshot's own, if given
 */
public record GenerationRequest(
    Path schemaDirectory,
    Path outputDirectory,
    String packageName,
    List<String> includes,
    List<String> excludes,
    List<String> tasks,
    Optional<Path> rateLimits) {

  /** The default base package of generated code. */
  public static final String DEFAULT_PACKAGE = "dev.workersai.models";

  public GenerationRequest {
    Objects.requireNonNull(schemaDirectory, "schemaDirectory");
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(packageName, "packageName");
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
    tasks = List.copyOf(tasks);
    Objects.requireNonNull(rateLimits, "rateLimits");
  }

  /**
   * Every file this request reads: the snapshot's files ({@link CatalogReader#snapshotFiles}) and the
   * replacement rate-limit table, if any. What an up-to-date check hashes
   * ({@link dev.workersai.generator.state.GenerationState}).
   */
  public List<Path> inputs() {
    List<Path> files = new ArrayList<>(CatalogReader.snapshotFiles(schemaDirectory));
    if (rateLimits.isPresent()) {   // not ifPresent: a lambda costs an unchanged build's cold JVM a class
      files.add(rateLimits.get());
    }
    return files;
  }

  /** Every model of {@code schemaDirectory} into {@code outputDirectory}, default package. */
  public static GenerationRequest of(Path schemaDirectory, Path outputDirectory) {
    return new GenerationRequest(
        schemaDirectory, outputDirectory, DEFAULT_PACKAGE, List.of(), List.of(), List.of(), Optional.empty());
  }
}
