package dev.workersai.generator.refresh;

import dev.workersai.generator.diff.ChangeReport;
import java.util.List;
import java.util.Objects;

/**
 * What a refresh found and did.
 *
 * @param changes the change report between the snapshot before and the catalog now
 * @param models how many models the live catalog has
 * @param warnings one line per thing a user should know (a model whose schema the API would not
 *     give, written without one), sorted
 * @param outcome what happened to the snapshot folder
 */
public record RefreshResult(ChangeReport changes, int models, List<String> warnings, Outcome outcome) {

  public RefreshResult {
    Objects.requireNonNull(changes, "changes");
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(outcome, "outcome");
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
    BLOCKED_BY_BREAKING_CHANGES
  }

  /** Whether a breaking change to a guarded model kept the refresh from writing. */
  public boolean blockedByBreakingChanges() {
    return outcome == Outcome.BLOCKED_BY_BREAKING_CHANGES;
  }

  /** One sentence for a log. */
  public String outcomeSentence() {
    return switch (outcome) {
      case WRITTEN -> "Snapshot refreshed: " + models + " models.";
      case UNCHANGED -> "Snapshot already up to date: " + models + " models.";
      case DRY_RUN -> "Dry run: " + models + " models in the catalog, snapshot not written.";
      case BLOCKED_BY_BREAKING_CHANGES -> "Breaking changes to guarded models: snapshot not written.";
    };
  }
}
