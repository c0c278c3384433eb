package dev.workersai.generator;

import java.util.List;

/**
 * What a generation run did.
 *
 * @param modelsGenerated models with typed input and output
 * @param metadataOnly models whose entry has no schema: their class carries facts only
 * @param filesWritten files created or rewritten because their bytes changed
 * @param filesUnchanged files left as they were because their bytes were already right
 * @param filesDeleted files of models no longer generated, removed
 * @param notes one line per thing a user should know (a metadata-only model, a schema node typed
 *     as {@code JsonNode}), sorted
 * @param warnings one line per thing the catalog reader worked around (a model id in two files)
 * @param rateLimitsOrigin where the rate limits came from: a snapshot's {@code rate-limits.json} or
 *     the published table bundled with the generator
 * @param unknownRateLimits ids of selected models with no known rate limit, sorted
 * @param filesRendered files rendered to text in this run
 * @param filesReused files not rendered again: what they depend on is as it was when the file in the
 *     output folder was rendered, and that file's bytes are untouched (so they count as unchanged)
 */
public record GenerationResult(
    int modelsGenerated, int metadataOnly, int filesWritten, int filesUnchanged, int filesDeleted, List<String> notes,
    List<String> warnings, String rateLimitsOrigin, List<String> unknownRateLimits, int filesRendered, int filesReused) {

  public GenerationResult {
    notes = List.copyOf(notes);
    warnings = List.copyOf(warnings);
    unknownRateLimits = List.copyOf(unknownRateLimits);
  }

  /** Every file the run produced, whether rewritten or already up to date. */
  public int files() {
    return filesWritten + filesUnchanged;
  }

  /**
   * The CLI's one-line summary; it names the models with no known rate limit, whose client-side
   * limiter is off (the published figures cover only some tasks).
   */
  public String summary() {
    String summary = "models: " + modelsGenerated + " generated, " + metadataOnly + " metadata only"
        + (metadataOnly == 0 ? "" : " (the catalog publishes no schema for them)") + "; files: " + files();
    return unknownRateLimits.isEmpty() ? summary
        : summary + "; no known rate limit, so no client-side limiting: " + String.join(", ", unknownRateLimits);
  }
}
