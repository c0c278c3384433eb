package dev.workersai.generator.refresh;

import dev.workersai.generator.diff.Change;
import dev.workersai.generator.diff.ChangeReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a refresh found and did.
 *
 * @param changes the change report between the snapshot before and the catalog now
 * @param models how many models the live catalog has
 * @param snapshotModels how many models the snapshot had before the refresh
 * @param warnings one line per thing a user should know (a model whose schema the API would not
 *     give, written without one), sorted
 * @param outcome what happened to the snapshot folder
 * @param blockedBy when the outcome is a block, the changes that caused it (the breaking changes to
 *     guarded models, or the removed models), in report order; otherwise empty
 */
public record RefreshResult(
    ChangeReport changes, int models, int snapshotModels, List<String> warnings, Outcome outcome, List<Change> blockedBy) {

  public RefreshResult {
    Objects.requireNonNull(changes, "changes");
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(outcome, "outcome");
    blockedBy = List.copyOf(blockedBy);
  }

  /** What happened to the snapshot folder. */
  public enum Outcome {
    /** The folder now holds the refreshed catalog. */
    WRITTEN,
    /** The catalog's files were already byte for byte what the folder holds; nothing was written. */
    UNCHANGED,
    /** A dry run: the folder was left as it was. */
    DRY_RUN,
    /** A breaking change touched a guarded model, so the folder was left as it was. */
    BLOCKED_BY_BREAKING_CHANGES,
    /**
     * The catalog lacks more than half of the snapshot's models and the request did not allow that,
     * so the folder was left as it was.
     */
    BLOCKED_BY_MASS_REMOVAL
  }

  /** Whether a breaking change to a guarded model kept the refresh from writing. */
  public boolean blockedByBreakingChanges() {
    return outcome == Outcome.BLOCKED_BY_BREAKING_CHANGES;
  }

  /** Whether anything kept the refresh from writing a catalog that differs from the snapshot. */
  public boolean blocked() {
    return outcome == Outcome.BLOCKED_BY_BREAKING_CHANGES || outcome == Outcome.BLOCKED_BY_MASS_REMOVAL;
  }

  /** One sentence for a log. */
  public String outcomeSentence() {
    return switch (outcome) {
      case WRITTEN -> "Snapshot refreshed: " + models + " models.";
      case UNCHANGED -> "Snapshot already up to date: " + models + " models.";
      case DRY_RUN -> "Dry run: " + models + " models in the catalog, snapshot not written.";
      case BLOCKED_BY_BREAKING_CHANGES -> blockedBy.size() + " breaking " + plural(blockedBy.size(), "change")
          + " to " + blockedModels() + " guarded " + plural(blockedModels(), "model") + ": snapshot not written.";
      case BLOCKED_BY_MASS_REMOVAL -> "The catalog answer lacks " + blockedBy.size() + " of the snapshot's "
          + snapshotModels + " models (it lists " + models + "): snapshot not written. If the catalog really"
          + " shrank that much, allow it (Maven: -Dworkers-ai.allowMassRemoval=true).";
    };
  }

  /**
   * The first {@code shown} changes of {@link #blockedBy()}, one per line as
   * {@code model side path: detail}, then how many more there are.
   */
  public List<String> blockedByLines(int shown) {
    List<String> lines = new ArrayList<>();
    for (Change change : blockedBy.subList(0, Math.min(shown, blockedBy.size()))) {
      String where = change.path().isEmpty() ? "" : " " + change.side().label() + " " + change.path();
      lines.add(change.modelId() + where + ": " + change.detail());
    }
    if (blockedBy.size() > shown) {
      lines.add("... and " + (blockedBy.size() - shown) + " more");
    }
    return lines;
  }

  private long blockedModels() {
    return blockedBy.stream().map(Change::modelId).distinct().count();
  }

  private static String plural(long count, String noun) {
    return count == 1 ? noun : noun + "s";
  }
}
