package dev.workersai.generator.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workersai.catalog.Catalog;
import dev.workersai.catalog.CatalogModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares two catalogs, such as the committed snapshot and a freshly pulled one, and reports what
 * changed for a caller: models added, removed or deprecated, and per model the input and output
 * fields and union branches added, removed or changed, and the facts teams budget with (price,
 * context window, capabilities, beta), each classified {@link Compatibility#BREAKING},
 * {@link Compatibility#COST_INCREASE} or {@link Compatibility#COMPATIBLE}. Usable without Maven; the plugin's refresh goal only renders the
 * report.
 */
public final class CatalogDiff {
  private CatalogDiff() {}

  /** The changes from {@code before} to {@code after}. */
  public static ChangeReport compare(Catalog before, Catalog after) {
    Map<String, CatalogModel> old = byId(before);
    Map<String, CatalogModel> current = byId(after);
    List<Change> changes = new ArrayList<>();
    for (CatalogModel model : old.values()) {
      if (!current.containsKey(model.id())) {
        changes.add(modelChange(model, ChangeKind.MODEL_REMOVED, "model removed", Compatibility.BREAKING));
      }
    }
    for (CatalogModel model : current.values()) {
      CatalogModel earlier = old.get(model.id());
      if (earlier == null) {
        String task = model.task().isEmpty() ? "" : " (" + model.task() + ")";
        changes.add(modelChange(model, ChangeKind.MODEL_ADDED, "model added" + task, Compatibility.COMPATIBLE));
        deprecation(null, model).ifPresent(changes::add);
      } else {
        compareModel(earlier, model, changes);
      }
    }
    return new ChangeReport(changes);
  }

  private static void compareModel(CatalogModel before, CatalogModel after, List<Change> changes) {
    deprecation(before, after).ifPresent(changes::add);
    FactsComparison.compare(before, after, changes::add);
    if (!before.task().equals(after.task())) {
      changes.add(
          modelChange(after, ChangeKind.TASK_CHANGED, "task " + before.task() + " → " + after.task(), Compatibility.BREAKING));
    }
    if (before.hasSchema() && !after.hasSchema()) {
      changes.add(modelChange(after, ChangeKind.SCHEMA_REMOVED, "schema removed", Compatibility.BREAKING));
    } else if (!before.hasSchema() && after.hasSchema()) {
      changes.add(modelChange(after, ChangeKind.SCHEMA_ADDED, "schema added", Compatibility.COMPATIBLE));
    } else if (before.hasSchema()) {
      compareSchemas(after.id(), Side.INPUT, before.inputSchema(), after.inputSchema(), changes);
      compareSchemas(after.id(), Side.OUTPUT, before.outputSchema(), after.outputSchema(), changes);
    }
  }

  private static void compareSchemas(
      String modelId, Side side, Optional<JsonNode> before, Optional<JsonNode> after, List<Change> changes) {
    if (before.isPresent() && after.isPresent() && !before.get().equals(after.get())) {
      SchemaComparison.compare(
          modelId, side, SchemaNormalizer.normalize(before.get()), SchemaNormalizer.normalize(after.get()), changes::add);
    }
  }

  /**
   * A model counts as newly deprecated when its {@code deprecated} flag turned true or its planned
   * deprecation date appeared or moved. Deprecation does not break a caller yet, so it is compatible;
   * the report lists it apart so nobody misses it.
   */
  private static Optional<Change> deprecation(CatalogModel before, CatalogModel after) {
    Optional<LocalDate> date = after.properties().plannedDeprecation();
    boolean flagged = after.deprecated() && (before == null || !before.deprecated());
    boolean dated = date.isPresent() && (before == null || !date.equals(before.properties().plannedDeprecation()));
    if (!flagged && !dated) {
      return Optional.empty();
    }
    String detail = date.map(d -> "deprecated, planned deprecation date " + d).orElse("deprecated");
    return Optional.of(modelChange(after, ChangeKind.MODEL_DEPRECATED, detail, Compatibility.COMPATIBLE));
  }

  private static Change modelChange(CatalogModel model, ChangeKind kind, String detail, Compatibility compatibility) {
    return new Change(model.id(), Side.MODEL, kind, "", detail, compatibility);
  }

  private static Map<String, CatalogModel> byId(Catalog catalog) {
    return catalog.models().stream()
        .collect(Collectors.toMap(CatalogModel::id, Function.identity(), (a, b) -> a, TreeMap::new));
  }
}
