package dev.workersai.generator.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What changed between two catalogs, sorted by model, side, path and kind. Renders as Markdown (for
 * people) and JSON (for tools); both are deterministic: the same two catalogs give the same bytes.
 *
 * @param changes every change, in report order
 */
public record ChangeReport(List<Change> changes) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public ChangeReport {
    List<Change> sorted = new ArrayList<>(changes);
    sorted.sort(Change.ORDER);
    changes = List.copyOf(sorted);
  }

  /** Whether nothing changed. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** Whether any change may break callers of any model. */
  public boolean hasBreakingChanges() {
    return hasBreakingChanges(modelId -> true);
  }

  /** Whether a change that may break callers touches a model the filter selects. */
  public boolean hasBreakingChanges(Predicate<String> modelIdFilter) {
    return changes.stream().anyMatch(change -> change.isBreaking() && modelIdFilter.test(change.modelId()));
  }

  /** The changes of one kind. */
  public List<Change> ofKind(ChangeKind kind) {
    return changes.stream().filter(change -> change.kind() == kind).toList();
  }

  /** How many changes are breaking. */
  public long breakingCount() {
    return count(Compatibility.BREAKING);
  }

  /** How many changes are classified {@code compatibility}. */
  public long count(Compatibility compatibility) {
    return changes.stream().filter(change -> change.compatibility() == compatibility).count();
  }

  /** The report for people: a summary, models added/removed/deprecated, then one table per changed model. */
  public String toMarkdown() {
    return toMarkdown(null);
  }

  /**
   * The report for people, with a first section on the models a project selects: for each of them
   * that changed, how many changes are breaking and what changes in its generated Java, so a team
   * reads the part that concerns it first.
   *
   * @param selected the project's models; null when it selects the whole catalog (no such section)
   */
  public String toMarkdown(Predicate<String> selected) {
    StringBuilder out = new StringBuilder("# Workers AI catalog changes\n\n");
    if (changes.isEmpty()) {
      return out.append("No changes.\n").toString();
    }
    if (selected != null) {
      selectedSection(out, selected);
    }
    out.append(breakingCount()).append(" breaking, ");
    if (count(Compatibility.COST_INCREASE) > 0) {
      out.append(count(Compatibility.COST_INCREASE)).append(" cost increase, ");
    }
    out.append(count(Compatibility.COMPATIBLE)).append(" compatible.\n");
    modelList(out, "Models added", ofKind(ChangeKind.MODEL_ADDED));
    modelList(out, "Models removed", ofKind(ChangeKind.MODEL_REMOVED));
    modelList(out, "Models deprecated", ofKind(ChangeKind.MODEL_DEPRECATED));
    Map<String, List<Change>> byModel = new LinkedHashMap<>();
    for (Change change : changes) {
      if (change.kind() != ChangeKind.MODEL_ADDED
          && change.kind() != ChangeKind.MODEL_REMOVED
          && change.kind() != ChangeKind.MODEL_DEPRECATED) {
        byModel.computeIfAbsent(change.modelId(), id -> new ArrayList<>()).add(change);
      }
    }
    if (!byModel.isEmpty()) {
      out.append("\n## Changed models\n");
    }
    for (Map.Entry<String, List<Change>> model : byModel.entrySet()) {
      out.append("\n### `").append(model.getKey()).append("`\n\n");
      out.append("| | side | path | change |\n|---|---|---|---|\n");
      for (Change change : model.getValue()) {
        out.append("| ").append(label(change)).append(" | ").append(change.side().label()).append(" | ")
            .append(change.path().isEmpty() ? "" : "`" + cell(change.path()) + "`").append(" | ")
            .append(cell(change.detail())).append(" |\n");
      }
    }
    return out.toString();
  }

  /** The report for tools: {@code {"breaking": n, "costIncrease": c, "compatible": m, "changes": [...]}}. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("breaking", breakingCount());
    root.put("costIncrease", count(Compatibility.COST_INCREASE));
    root.put("compatible", count(Compatibility.COMPATIBLE));
    ArrayNode list = root.putArray("changes");
    for (Change change : changes) {
      ObjectNode item = list.addObject();
      item.put("model", change.modelId());
      item.put("side", change.side().label());
      item.put("kind", change.kind().name());
      item.put("path", change.path());
      item.put("detail", change.detail());
      item.put("compatibility", change.compatibility().name());
    }
    try {
      return writer().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  private void selectedSection(StringBuilder out, Predicate<String> selected) {
    Map<String, List<Change>> byModel = new LinkedHashMap<>();
    changes.stream().filter(c -> selected.test(c.modelId()))
        .forEach(c -> byModel.computeIfAbsent(c.modelId(), id -> new ArrayList<>()).add(c));
    out.append("## Models this project selects\n\n");
    if (byModel.isEmpty()) {
      out.append("None of them changed.\n\n");
      return;
    }
    byModel.forEach((id, list) -> {
      long breaking = list.stream().filter(Change::isBreaking).count();
      List<Change> code = list.stream().filter(c -> c.side() == Side.GENERATED_CODE).toList();
      out.append("- `").append(id).append("`: ").append(breaking).append(" breaking of ").append(list.size());
      if (!code.isEmpty()) {
        out.append("; generated code: ").append(String.join("; ", code.stream().map(c -> cell(c.detail())).toList()));
      }
      out.append('\n');
    });
    out.append('\n');
  }

  private static void modelList(StringBuilder out, String title, List<Change> models) {
    if (models.isEmpty()) {
      return;
    }
    out.append("\n## ").append(title).append("\n\n");
    for (Change change : models) {
      out.append("- ").append(label(change)).append(" `").append(change.modelId()).append("`: ")
          .append(cell(change.detail())).append('\n');
    }
  }

  private static String label(Change change) {
    return switch (change.compatibility()) {
      case BREAKING -> "**breaking**";
      case COST_INCREASE -> "**cost increase**";
      case COMPATIBLE -> "compatible";
    };
  }

  /** Catalog text (paths, enum values) must not break the table. */
  private static String cell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "'").replace("\n", " ").replace("\r", " ");
  }

  private static ObjectWriter writer() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators = Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER);
    return JSON.writer(new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter));
  }
}
