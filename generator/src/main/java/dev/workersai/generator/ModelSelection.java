package dev.workersai.generator;

import java.util.List;
import java.util.function.Predicate;

/**
 * Which model ids a project cares about, from include and exclude globs such as
 * {@code @cf/meta/*}, with the generator's glob rules ({@link Glob}): {@code *} matches within one
 * id segment, {@code **} across segments, {@code ?} one character (not {@code /}), everything else
 * itself. No
 * includes means every model; excludes win over includes. Used to decide whether a breaking catalog
 * change concerns the project, and which models a generation keeps.
 *
 * <p>Immutable and thread-safe.
 */
public final class ModelSelection implements Predicate<String> {
  private final List<Glob> includes;
  private final List<Glob> excludes;

  private ModelSelection(List<Glob> includes, List<Glob> excludes) {
    this.includes = includes;
    this.excludes = excludes;
  }

  /** A selection from globs; null lists count as empty. */
  public static ModelSelection of(List<String> includes, List<String> excludes) {
    return new ModelSelection(compile(includes), compile(excludes));
  }

  /** No model at all. */
  public static ModelSelection none() {
    return of(List.of(), List.of("**"));
  }

  /** Every model. */
  public static ModelSelection all() {
    return of(List.of(), List.of());
  }

  @Override
  public boolean test(String modelId) {
    boolean included = includes.isEmpty() || includes.stream().anyMatch(g -> g.matches(modelId));
    return included && excludes.stream().noneMatch(g -> g.matches(modelId));
  }

  private static List<Glob> compile(List<String> globs) {
    return globs == null ? List.of() : globs.stream().map(String::strip).filter(g -> !g.isEmpty()).map(Glob::of).toList();
  }

  @Override
  public String toString() {
    return "ModelSelection[includes=" + includes + ", excludes=" + excludes + "]";
  }
}
