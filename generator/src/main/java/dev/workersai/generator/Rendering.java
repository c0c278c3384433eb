package dev.workersai.generator;

import dev.workersai.generator.write.SourceFile;
import java.util.List;

/**
 * A generation run's sources, built in memory and not yet written.
 *
 * @param files every source, sorted by path
 * @param modelsGenerated models with typed input and output
 * @param metadataOnly models whose entry has no schema
 * @param schemaNodes schema nodes read
 * @param untypedNodes schema nodes typed as {@code JsonNode}
 * @param notes one line per thing a user should know, sorted
 * @param warnings one line per thing the catalog reader worked around (a model id in two files)
 * @param rateLimitsOrigin where the rate limits came from
 * @param unknownRateLimits ids of selected models with no known rate limit (their client-side limiter
 *     is off), sorted
 */
public record Rendering(
    List<SourceFile> files, int modelsGenerated, int metadataOnly, int schemaNodes, int untypedNodes, List<String> notes,
    List<String> warnings, String rateLimitsOrigin, List<String> unknownRateLimits) {
  public Rendering {
    files = List.copyOf(files);
    notes = List.copyOf(notes);
    warnings = List.copyOf(warnings);
    unknownRateLimits = List.copyOf(unknownRateLimits);
  }
}
