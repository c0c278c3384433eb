package dev.workersai.generator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link GenerationRequest} as command-line options ({@code --schemas DIR --out DIR --package NAME
 * --include GLOB ...}): the one spelling the generator's command line and the Maven goal's forked JVM
 * both read, so that they cannot drift. Collects options one at a time; the caller handles options of
 * its own ({@link #accept} says which are not the request's).
 */
public final class RequestOptions {
  /** The options that take a value and make up a request. */
  public static final List<String> NAMES =
      List.of("--schemas", "--out", "--package", "--include", "--exclude", "--task", "--rate-limits");

  private Path schemas;
  private Path out;
  private String packageName = GenerationRequest.DEFAULT_PACKAGE;
  private final List<String> includes = new ArrayList<>();
  private final List<String> excludes = new ArrayList<>();
  private final List<String> tasks = new ArrayList<>();
  private Optional<Path> rateLimits = Optional.empty();

  /** Takes {@code option} with its {@code value}; {@code false} when it is not one of {@link #NAMES}. */
  public boolean accept(String option, String value) {
    switch (option) {
      case "--schemas" -> schemas = Path.of(value);
      case "--out" -> out = Path.of(value);
      case "--package" -> packageName = value;
      case "--include" -> includes.add(value);
      case "--exclude" -> excludes.add(value);
      case "--task" -> tasks.add(value);
      case "--rate-limits" -> rateLimits = Optional.of(Path.of(value));
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * The request the accepted options describe.
   *
   * @throws IllegalArgumentException when {@code --schemas} or {@code --out} was not given
   */
  public GenerationRequest request() {
    if (schemas == null || out == null) {
      throw new IllegalArgumentException("--schemas and --out are required");
    }
    return new GenerationRequest(schemas, out, packageName, includes, excludes, tasks, rateLimits);
  }

  /** {@code request} as options, one option and one value each, in the order of {@link #NAMES}; paths absolute. */
  public static List<String> of(GenerationRequest request) {
    List<String> options = new ArrayList<>();
    add(options, "--schemas", request.schemaDirectory().toAbsolutePath().toString());
    add(options, "--out", request.outputDirectory().toAbsolutePath().toString());
    add(options, "--package", request.packageName());
    request.includes().forEach(glob -> add(options, "--include", glob));
    request.excludes().forEach(glob -> add(options, "--exclude", glob));
    request.tasks().forEach(task -> add(options, "--task", task));
    request.rateLimits().ifPresent(file -> add(options, "--rate-limits", file.toAbsolutePath().toString()));
    return options;
  }

  /** Appends {@code option} and {@code value}. */
  public static void add(List<String> options, String option, String value) {
    options.add(option);
    options.add(value);
  }
}
