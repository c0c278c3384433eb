package dev.workersai.generator;

import dev.workersai.catalog.CatalogModel;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Which models of a catalog a request keeps: those matching any include glob (all, when there is
 * none), minus those matching an exclude glob ({@link ModelSelection}), restricted to the requested
 * tasks; an include or task that matches nothing is an error listing what is closest.
 */
final class ModelFilter {
  private ModelFilter() {}

  static List<CatalogModel> select(List<CatalogModel> models, GenerationRequest request) {
    if (models.isEmpty() && !request.includes().isEmpty()) {
      throw new GenerationRequestException("include " + request.includes().get(0) + " matches no model: "
          + request.schemaDirectory() + " holds no model files (*.json directly in it or in its models/ folder)");
    }
    ModelSelection.of(request.includes(), List.of()).requireIncludesMatch(models.stream().map(CatalogModel::id).toList());
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
}
