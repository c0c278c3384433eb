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
 * @param warnings one line per thing that may be wrong (a model id in two files, a selected model
 *     with no known rate limit)
 * @param rateLimitsOrigin where the rate limits came from: a snapshot's {@code rate-limits.json} or
 *     the published table bundled with the generator
 * @param unknownRateLimits selected models with no known rate limit
 */
public record GenerationResult(
    int modelsGenerated, int metadataOnly, int filesWritten, int filesUnchanged, int filesDeleted, List<String> notes,
    List<String> warnings, String rateLimitsOrigin, int unknownRateLimits) {

  public GenerationResult {
    notes = List.copyOf(notes);
    warnings = List.copyOf(warnings);
  }

  /** Every file the run produced, whether rewritten or already up to date. */
  public int files() {
    return filesWritten + filesUnchanged;
  }

  /** The CLI's one-line summary. */
  public String summary() {
    String summary = "models: " + modelsGenerated + " generated, " + metadataOnly + " metadata only; files: " + files();
    return unknownRateLimits == 0 ? summary : summary + "; no known rate limit: " + unknownRateLimits;
  }
}
