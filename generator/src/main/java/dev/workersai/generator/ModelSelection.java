package dev.workersai.generator;

import dev.workersai.generator.catalog.CatalogModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which models of a catalog a request keeps: those matching any include glob (all, when there is
 * none), minus those matching an exclude glob, restricted to the requested tasks. In a glob,
 * {@code *} matches within one id segment, {@code **} across segments, {@code ?} one character.
 */
final class ModelSelection {
  private ModelSelection() {}

  static List<CatalogModel> select(List<CatalogModel> models, GenerationRequest request) {
    for (String include : request.includes()) {
      Pattern p = glob(include);
      if (models.stream().noneMatch(m -> p.matcher(m.id()).matches())) {
        throw new IllegalArgumentException("--include " + include + " matches no model; closest ids: "
            + closest(include, models));
      }
    }
    TreeSet<String> knownTasks = new TreeSet<>();
    models.forEach(m -> knownTasks.add(m.task()));
    for (String task : request.tasks()) {
      if (knownTasks.stream().noneMatch(t -> t.equalsIgnoreCase(task))) {
        throw new IllegalArgumentException("--task " + task + " matches no model; tasks: " + knownTasks);
      }
    }
    List<Pattern> includes = request.includes().stream().map(ModelSelection::glob).toList();
    List<Pattern> excludes = request.excludes().stream().map(ModelSelection::glob).toList();
    List<CatalogModel> out = new ArrayList<>();
    for (CatalogModel m : models) {
      boolean included = includes.isEmpty() || includes.stream().anyMatch(p -> p.matcher(m.id()).matches());
      boolean excluded = excludes.stream().anyMatch(p -> p.matcher(m.id()).matches());
      boolean taskKept = request.tasks().isEmpty() || request.tasks().stream().anyMatch(t -> t.equalsIgnoreCase(m.task()));
      if (included && !excluded && taskKept) {
        out.add(m);
      }
    }
    return out;
  }

  /** A glob over model ids as a regular expression. */
  static Pattern glob(String glob) {
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

  private static List<String> closest(String glob, List<CatalogModel> models) {
    String plain = glob.replace("*", "").replace("?", "").toLowerCase(Locale.ROOT);
    return models.stream().map(CatalogModel::id)
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
}
