package dev.workersai.generator.build;

import dev.workersai.generator.GenerationRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a forked generation ({@link ChildGeneration}) is told, as program arguments: the
 * request, field by field, and what the parent's check already knows (the tool's fingerprint, the
 * state and stamps files), so that the child recomputes none of it.
 *
 * @param request what to generate
 * @param tool the generating tool's identity, recorded in the state ({@code GenerationState#tool})
 * @param stateFile where the state of a successful run is saved
 * @param stampsFile the stamps the parent saved before starting the child, saved again after the run
 */
public record ChildArguments(GenerationRequest request, String tool, Path stateFile, Path stampsFile) {
  public ChildArguments {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(stateFile, "stateFile");
    Objects.requireNonNull(stampsFile, "stampsFile");
  }

  /** The arguments, one option and one value each; paths absolute, as the parent resolved them. */
  public List<String> toList() {
    List<String> args = new ArrayList<>();
    add(args, "--schemas", request.schemaDirectory().toAbsolutePath().toString());
    add(args, "--out", request.outputDirectory().toAbsolutePath().toString());
    add(args, "--package", request.packageName());
    request.includes().forEach(glob -> add(args, "--include", glob));
    request.excludes().forEach(glob -> add(args, "--exclude", glob));
    request.tasks().forEach(task -> add(args, "--task", task));
    request.rateLimits().ifPresent(file -> add(args, "--rate-limits", file.toAbsolutePath().toString()));
    add(args, "--tool", tool);
    add(args, "--state", stateFile.toAbsolutePath().toString());
    add(args, "--stamps", stampsFile.toAbsolutePath().toString());
    return args;
  }

  /**
   * What {@link #toList} wrote.
   *
   * @throws IllegalArgumentException for anything else: the parent and the child disagree, a bug
   */
  public static ChildArguments parse(List<String> args) {
    if (args.size() % 2 != 0) {
      throw new IllegalArgumentException("expected option and value pairs, got " + args.size() + " arguments");
    }
    String schemas = null;
    String out = null;
    String packageName = null;
    String tool = null;
    String state = null;
    String stamps = null;
    List<String> includes = new ArrayList<>();
    List<String> excludes = new ArrayList<>();
    List<String> tasks = new ArrayList<>();
    Optional<Path> rateLimits = Optional.empty();
    for (int i = 0; i < args.size(); i += 2) {
      String value = args.get(i + 1);
      switch (args.get(i)) {
        case "--schemas" -> schemas = value;
        case "--out" -> out = value;
        case "--package" -> packageName = value;
        case "--include" -> includes.add(value);
        case "--exclude" -> excludes.add(value);
        case "--task" -> tasks.add(value);
        case "--rate-limits" -> rateLimits = Optional.of(Path.of(value));
        case "--tool" -> tool = value;
        case "--state" -> state = value;
        case "--stamps" -> stamps = value;
        default -> throw new IllegalArgumentException("unknown option " + args.get(i));
      }
    }
    if (schemas == null || out == null || packageName == null || tool == null || state == null || stamps == null) {
      throw new IllegalArgumentException("--schemas, --out, --package, --tool, --state and --stamps are required");
    }
    GenerationRequest request = new GenerationRequest(Path.of(schemas), Path.of(out), packageName, includes, excludes,
        tasks, rateLimits);
    return new ChildArguments(request, tool, Path.of(state), Path.of(stamps));
  }

  private static void add(List<String> args, String option, String value) {
    args.add(option);
    args.add(value);
  }
}
