package dev.workersai.generator;

import dev.workersai.generator.catalog.CatalogModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Which models of a catalog a request keeps: those matching any include glob (all, when there is
 * none), minus those matching an exclude glob ({@link ModelSelection}), restricted to the requested
 * tasks; an include or task that matches nothing is an error listing what is closest.
 */
final class ModelFilter {
  private ModelFilter() {}

  static List<CatalogModel> select(List<CatalogModel> models, GenerationRequest request) {
    for (String include : request.includes()) {
      ModelSelection one = ModelSelection.of(List.of(include), List.of());
      if (models.stream().noneMatch(m -> one.test(m.id()))) {
        throw new GenerationRequestException("include " + include + " matches no model; closest ids: "
            + closest(include, models));
      }
    }
    TreeSet<String> knownTasks = new TreeSet<>();
    models.forEach(m -> knownTasks.add(m.task()));
    for (String task : request.tasks()) {
      if (knownTasks.stream().noneMatch(t -> t.equalsIgnoreCase(task))) {
        throw new GenerationRequestException("task " + task + " matches no model; tasks: " + knownTasks);
      }
    }
    ModelSelection selection = ModelSelection.of(request.includes(), request.excludes());
    List<CatalogModel> out = new ArrayList<>();
    for (CatalogModel m : models) {
      boolean taskKept = request.tasks().isEmpty() || request.tasks().stream().anyMatch(t -> t.equalsIgnoreCase(m.task()));
      if (selection.test(m.id()) && taskKept) {
        out.add(m);
      }
    }
    return out;
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
