package dev.workersai.generator.write;

/**
 * One generated source, in memory: what the emit stage produces and {@link OutputWriter} writes. It
 * lives with the writer so that writing depends on nothing that generates.
 *
 * @param relativePath where it goes below the output folder, {@code /}-separated
 * @param content the Java source
 */
public record SourceFile(String relativePath, String content) {}
