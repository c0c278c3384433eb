package dev.workersai.generator.refresh;

import dev.workersai.catalog.Catalog;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.generator.diff.Change;
import dev.workersai.generator.diff.ChangeKind;
import dev.workersai.generator.diff.ChangeReport;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Decides whether a staged catalog may replace the snapshot. Two things stop it: the live catalog
 * lacking more than half of the snapshot's models (an empty answer, an error page that parsed as an
 * empty list, a proxy serving another account all look like that, and writing would delete the
 * project's model files), unless the request allows it; and a breaking change to a guarded model.
 * The guard's include globs are first checked against every model id of the snapshot and the
 * catalog, with the same rule {@code generate} applies, so a typo cannot make the guard look at
 * nothing.
 */
final class WriteGuard {
  private WriteGuard() {}

  /**
   * @param outcome what to do with the staged folder
   * @param blockedBy the changes behind a block, else empty
   * @param warnings what a user should hear even when nothing was blocked
   */
  record Verdict(RefreshResult.Outcome outcome, List<Change> blockedBy, List<String> warnings) {}

  /**
   * @throws IllegalArgumentException when an include of {@link RefreshRequest#guarded()} matches no
   *     model of either catalog, naming the closest ids
   */
  static Verdict judge(RefreshRequest request, Catalog before, Catalog after, ChangeReport changes, boolean unchanged) {
    TreeSet<String> ids = new TreeSet<>();
    Stream.concat(before.models().stream(), after.models().stream()).map(CatalogModel::id).forEach(ids::add);
    request.guarded().requireIncludesMatch(ids);

    List<Change> removed = changes.ofKind(ChangeKind.MODEL_REMOVED);
    boolean massRemoval = removed.size() * 2 > before.models().size();
    if (massRemoval && !request.allowMassRemoval()) {
      if (request.dryRun()) {
        return new Verdict(RefreshResult.Outcome.DRY_RUN, List.of(), List.of("the catalog lacks " + removed.size()
            + " of the snapshot's " + before.models().size() + " models: a refresh that writes would stop unless"
            + " mass removal is allowed"));
      }
      return new Verdict(RefreshResult.Outcome.BLOCKED_BY_MASS_REMOVAL, removed, List.of());
    }
    List<Change> guardedBreaking = changes.changes().stream()
        .filter(change -> change.isBreaking() && request.guarded().test(change.modelId()))
        .toList();
    if (!guardedBreaking.isEmpty()) {
      return new Verdict(RefreshResult.Outcome.BLOCKED_BY_BREAKING_CHANGES, guardedBreaking, List.of());
    }
    if (request.dryRun()) {
      return new Verdict(RefreshResult.Outcome.DRY_RUN, List.of(), List.of());
    }
    return new Verdict(unchanged ? RefreshResult.Outcome.UNCHANGED : RefreshResult.Outcome.WRITTEN, List.of(), List.of());
  }
}
