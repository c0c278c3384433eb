package dev.workersai.generator.diff;

import java.util.Comparator;

/**
 * One change between two catalogs.
 *
 * @param modelId the model it is about
 * @param side model-level, input or output
 * @param kind what changed
 * @param path for field changes, the path of the field in a JSON instance, such as
 *     {@code $.messages[].role} ({@code []} is any array element, {@code .*} any map value,
 *     {@code [label]} one branch of a union, such as {@code $.text[array]} or
 *     {@code $.messages[role=user].content}); {@code ""} for model-level changes
 * @param detail a short human-readable account, such as {@code maximum 100 → 50}
 * @param compatibility whether existing callers keep working
 */
public record Change(
    String modelId, Side side, ChangeKind kind, String path, String detail, Compatibility compatibility) {

  /** The order of reports: by model, side, path, kind, detail. */
  static final Comparator<Change> ORDER =
      Comparator.comparing(Change::modelId)
          .thenComparing(Change::side)
          .thenComparing(Change::path)
          .thenComparing(Change::kind)
          .thenComparing(Change::detail);

  /** Whether this change may break existing callers. */
  public boolean isBreaking() {
    return compatibility == Compatibility.BREAKING;
  }
}
