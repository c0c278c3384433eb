package dev.workersai.generator.write;

import java.util.List;

/**
 * What writing the sources changed.
 *
 * @param written files created or rewritten
 * @param unchanged files whose bytes were already right
 * @param deleted files of an earlier run that this run no longer produces
 * @param kept files of an earlier run that this run no longer produces but left in place, because
 *     they no longer start with the generated header (edited by hand) or are reached through a link;
 *     relative paths
 */
public record WriteResult(int written, int unchanged, int deleted, List<String> kept) {
  public WriteResult {
    kept = List.copyOf(kept);
  }
}
