package dev.workersai.generator;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which model ids a project cares about, from include and exclude globs such as
 * {@code @cf/meta/*}, with the generator's glob rules ({@link Glob}): {@code *} matches within one id segment,
 * {@code **} across segments, {@code ?} one character (not {@code /}), everything else itself. No
 * includes means every model; excludes win over includes. Used to decide whether a breaking catalog
 * change concerns the project, and which models a generation keeps.
 *
 * <p>Immutable and thread-safe.
 */
public final class ModelSelection implements Predicate<String> {
  private final List<String> includeGlobs;
  private final List<Glob> includes;
  private final List<Glob> excludes;

  private ModelSelection(List<String> includeGlobs, List<String> excludeGlobs) {
    this.includeGlobs = includeGlobs;
    this.includes = includeGlobs.stream().map(Glob::of).toList();
    this.excludes = excludeGlobs.stream().map(Glob::of).toList();
  }

  /** A selection from globs; null lists count as empty. */
  public static ModelSelection of(List<String> includes, List<String> excludes) {
    return new ModelSelection(globs(includes), globs(excludes));
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

  /**
   * Checks that every include glob matches at least one of {@code modelIds}: an include that matches
   * nothing is a typo or a model that is gone, and silently selecting less than the user asked for
   * would hide it. Both {@code generate} and the refresh guard call this.
   *
   * @throws GenerationRequestException naming the first such include and the three closest ids
   */
  public void requireIncludesMatch(Collection<String> modelIds) {
    for (int i = 0; i < includes.size(); i++) {
      Glob include = includes.get(i);
      if (modelIds.stream().noneMatch(include::matches)) {
        throw new GenerationRequestException("include " + includeGlobs.get(i) + " matches no model; closest ids: "
            + closest(includeGlobs.get(i), modelIds));
      }
    }
  }

  private static List<String> globs(List<String> globs) {
    return globs == null ? List.of() : globs.stream().map(String::strip).filter(g -> !g.isEmpty()).toList();
  }

  private static List<String> closest(String glob, Collection<String> modelIds) {
    String plain = glob.replace("*", "").replace("?", "").toLowerCase(Locale.ROOT);
    return modelIds.stream()
        .sorted(Comparator.comparingInt((String id) -> distance(plain, id.toLowerCase(Locale.ROOT)))
            .thenComparing(Comparator.naturalOrder()))
        .limit(3)
        .toList();
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  @Override
  public String toString() {
    return "ModelSelection[includes=" + includes + ", excludes=" + excludes + "]";
  }
}
