package dev.workersai.generator.write;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One generated source, in memory: what the emit stage produces and {@link OutputWriter} writes. It
 * lives with the writer so that writing depends on nothing that generates.
 *
 * <p>It holds the source as UTF-8 bytes, the form the render keys hash ({@link RenderKeys#next}) and
 * the writer compares and writes: the printer encodes straight into them, so the text is never also
 * held as a {@code String}. Equality is a record's, over path and bytes.
 */
public final class SourceFile {
  private final String relativePath;
  private final byte[] utf8;

  /**
   * A source to write.
   *
   * @param relativePath where it goes below the output folder, {@code /}-separated
   * @param content the Java source
   */
  public SourceFile(String relativePath, String content) {
    this(relativePath, content.getBytes(StandardCharsets.UTF_8));
  }

  private SourceFile(String relativePath, byte[] utf8) {
    this.relativePath = relativePath;
    this.utf8 = utf8;
  }

  /** A source to write, already in UTF-8; the array is taken as is, not copied, and must not be changed. */
  public static SourceFile ofUtf8(String relativePath, byte[] utf8) {
    return new SourceFile(relativePath, utf8);
  }

  /** Where it goes below the output folder, {@code /}-separated. */
  public String relativePath() {
    return relativePath;
  }

  /** The Java source (decoded on each call). */
  public String content() {
    return new String(utf8, StandardCharsets.UTF_8);
  }

  /** The content in UTF-8 (the array is shared: not to be changed). */
  byte[] utf8() {
    return utf8;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SourceFile that && Objects.equals(relativePath, that.relativePath)
        && Arrays.equals(utf8, that.utf8);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(relativePath) + Arrays.hashCode(utf8);
  }

  @Override
  public String toString() {
    return "SourceFile[relativePath=" + relativePath + ", content=" + content() + "]";
  }
}
