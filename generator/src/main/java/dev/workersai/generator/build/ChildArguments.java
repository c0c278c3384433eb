package dev.workersai.generator.build;

import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.RequestOptions;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a forked generation ({@link ChildGeneration}) is told, as program arguments: the
 * request, field by field, and what the parent's check already knows (the tool's fingerprint, the
 * state and stamps files), so that the child recomputes none of it.
 *
 * @param request what to generate
 * @param tool the generating tool's identity, recorded in the state ({@code GenerationState#tool})
 * @param stateFile where the state of a successful run is saved
 * @param stampsFile the stamps file: the child reads the stamps the parent's check saved there (none on a clean
 *     build, where the child hashes every input) and saves them again after the run
 */
public record ChildArguments(GenerationRequest request, String tool, Path stateFile, Path stampsFile) {
  /** Every option {@link #toList} always writes: a missing one means the parent and the child disagree. */
  private static final Set<String> REQUIRED = Set.of("--schemas", "--out", "--package", "--tool", "--state", "--stamps");

  public ChildArguments {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(stateFile, "stateFile");
    Objects.requireNonNull(stampsFile, "stampsFile");
  }

  /** The arguments, one option and one value each: the request's ({@link RequestOptions}), then the parent's. */
  public List<String> toList() {
    List<String> args = RequestOptions.of(request);
    RequestOptions.add(args, "--tool", tool);
    RequestOptions.add(args, "--state", stateFile.toAbsolutePath().toString());
    RequestOptions.add(args, "--stamps", stampsFile.toAbsolutePath().toString());
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
    RequestOptions request = new RequestOptions();
    Set<String> given = new HashSet<>();
    String tool = null;
    String state = null;
    String stamps = null;
    for (int i = 0; i < args.size(); i += 2) {
      String option = args.get(i);
      String value = args.get(i + 1);
      given.add(option);
      switch (option) {
        case "--tool" -> tool = value;
        case "--state" -> state = value;
        case "--stamps" -> stamps = value;
        default -> {
          if (!request.accept(option, value)) {
            throw new IllegalArgumentException("unknown option " + option);
          }
        }
      }
    }
    if (!given.containsAll(REQUIRED)) {
      throw new IllegalArgumentException("--schemas, --out, --package, --tool, --state and --stamps are required");
    }
    return new ChildArguments(request.request(), tool, Path.of(state), Path.of(stamps));
  }
}
