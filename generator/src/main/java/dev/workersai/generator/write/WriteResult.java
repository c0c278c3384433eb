package dev.workersai.generator.write;

/**
 * What writing the sources changed.
 *
 * @param written files created or rewritten
 * @param unchanged files whose bytes were already right
 * @param deleted files of an earlier run that this run no longer produces
 */
public record WriteResult(int written, int unchanged, int deleted) {}
