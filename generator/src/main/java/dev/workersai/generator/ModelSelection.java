package dev.workersai.generator;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which model ids a project cares about, from include and exclude globs such as
 * {@code @cf/meta/*}, with the generator's glob rules: {@code *} matches within one id segment,
 * {@code **} across segments, {@code ?} one character (not {@code /}), everything else itself. No
 * includes means every model; excludes win over includes. Used to decide whether a breaking catalog
 * change concerns the project, and which models a generation keeps.
 *
 * <p>Immutable and thread-safe.
 */
public final class ModelSelection implements Predicate<String> {
  private final List<Pattern> includes;
  private final List<Pattern> excludes;

  private ModelSelection(List<Pattern> includes, List<Pattern> excludes) {
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
    boolean included = includes.isEmpty() || includes.stream().anyMatch(p -> p.matcher(modelId).matches());
    return included && excludes.stream().noneMatch(p -> p.matcher(modelId).matches());
  }

  private static List<Pattern> compile(List<String> globs) {
    return globs == null ? List.of() : globs.stream().map(String::strip).filter(g -> !g.isEmpty()).map(ModelSelection::toRegex).toList();
  }

  private static Pattern toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  @Override
  public String toString() {
    return "ModelSelection[includes=" + includes + ", excludes=" + excludes + "]";
  }
}
