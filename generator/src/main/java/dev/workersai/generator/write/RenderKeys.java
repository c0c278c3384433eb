package dev.workersai.generator.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * For each generated file, the render key it was rendered from and the SHA-256 of the bytes that
 * rendering gave, kept in the output folder as {@value #FILE_NAME}. A file whose key is unchanged and
 * whose bytes on disk still have that digest is current: rendering it again would give the same
 * bytes. Anything unreadable or unexpected simply counts as not current.
 */
public final class RenderKeys {
  /** The file name inside the output folder. */
  public static final String FILE_NAME = ".workers-ai-render-keys";

  private static final String HEADER = "# workers-ai-jvm: render key and content SHA-256 of each generated file;"
      + " a file whose key is unchanged is not rendered again";

  /** A digest per thread, reset and reused from file to file. */
  private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Digests::newDigest);

  private final Path root;
  private final Map<String, Entry> entries;

  private record Entry(String key, String sha256) {}

  private RenderKeys(Path root, Map<String, Entry> entries) {
    this.root = root;
    this.entries = entries;
  }

  /** The keys recorded in an output folder; none when it has no (readable) record. */
  public static RenderKeys read(Path outputDirectory) {
    Map<String, Entry> entries = new TreeMap<>();
    Path file = outputDirectory.resolve(FILE_NAME);
    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String[] parts = line.split("\t");
          if (parts.length == 3 && !line.startsWith("#")) {
            entries.put(parts[0], new Entry(parts[1], parts[2]));
          }
        }
      } catch (IOException | RuntimeException e) {
        entries.clear();
      }
    }
    return new RenderKeys(outputDirectory, entries);
  }

  /**
   * Whether the file at {@code relativePath} was rendered from {@code key} and is byte for byte what
   * that rendering gave (hand edits, or another tool's writes, make it not current). {@code hashes}
   * reads the file only when its size or time moved since it was last stamped.
   */
  public boolean isCurrent(String relativePath, String key, FileHashes hashes) {
    Entry entry = entries.get(relativePath);
    if (entry == null || !entry.key().equals(key)) {
      return false;
    }
    Path file = root.resolve(relativePath);
    return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && entry.sha256().equals(hashes.sha256(file));
  }

  /**
   * Tells {@code hashes} the digest of every file of this record, once they are on disk as
   * recorded (after the run wrote them), so that no one reads them again to learn it.
   */
  public void stampWritten(FileHashes hashes) {
    entries.forEach((path, entry) -> hashes.written(root.resolve(path), entry.sha256()));
  }

  /**
   * The record after a run: {@code keys} for every file the run generates; the digest of a rendered
   * file's new text, or for a file not rendered again the digest recorded before. The rendered files
   * are hashed in parallel (each on its own), from the bytes the writer then writes.
   */
  public RenderKeys next(Map<String, String> keys, List<SourceFile> rendered) {
    List<String> hashes = rendered.parallelStream().map(f -> sha256(f.utf8())).toList();
    Map<String, String> digests = new TreeMap<>();
    for (int i = 0; i < rendered.size(); i++) {
      digests.put(rendered.get(i).relativePath(), hashes.get(i));
    }
    Map<String, Entry> next = new TreeMap<>();
    keys.forEach((path, key) -> {
      String digest = digests.containsKey(path) ? digests.get(path) : entries.get(path).sha256();
      next.put(path, new Entry(key, digest));
    });
    return new RenderKeys(root, next);
  }

  /** The file's bytes. */
  public byte[] bytes() {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    entries.forEach((path, e) -> out.append(path).append('\t').append(e.key()).append('\t').append(e.sha256()).append('\n'));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String sha256(byte[] bytes) {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    return HexFormat.of().formatHex(digest.digest(bytes));
  }
}
