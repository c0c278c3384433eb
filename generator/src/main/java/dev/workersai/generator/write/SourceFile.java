package dev.workersai.generator.write;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One generated source, in memory: what the emit stage produces and {@link OutputWriter} writes. It
 * lives with the writer so that writing depends on nothing that generates.
 *
 * <p>A class rather than a record only to carry its UTF-8 bytes, encoded once: the render keys hash
 * them ({@link RenderKeys#next}) and the writer compares and writes the same array. Equality is a
 * record's: path and content.
 */
public final class SourceFile {
  private final String relativePath;
  private final String content;
  /** {@link #content} in UTF-8, on first use; volatile so that a thread that did not encode it sees whole bytes. */
  private volatile byte[] utf8;

  /**
   * A source to write.
   *
   * @param relativePath where it goes below the output folder, {@code /}-separated
   * @param content the Java source
   */
  public SourceFile(String relativePath, String content) {
    this.relativePath = relativePath;
    this.content = content;
  }

  /** Where it goes below the output folder, {@code /}-separated. */
  public String relativePath() {
    return relativePath;
  }

  /** The Java source. */
  public String content() {
    return content;
  }

  /** The content in UTF-8 (the array is shared: not to be changed). */
  byte[] utf8() {
    byte[] bytes = utf8;
    if (bytes == null) {
      bytes = content.getBytes(StandardCharsets.UTF_8);
      utf8 = bytes;
    }
    return bytes;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SourceFile that && Objects.equals(relativePath, that.relativePath)
        && Objects.equals(content, that.content);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(relativePath) + Objects.hashCode(content);
  }

  @Override
  public String toString() {
    return "SourceFile[relativePath=" + relativePath + ", content=" + content + "]";
  }
}
