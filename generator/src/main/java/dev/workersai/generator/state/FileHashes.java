package dev.workersai.generator.state;

import dev.workersai.generator.write.Digests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * SHA-256 of files, skipping the read of a file whose size and modification time are those recorded
 * by the last run ({@link GenerationState#hashesFrom}; make's and Gradle's fast path): an unchanged build stats its files instead of
 * hashing 4–5 MB.
 *
 * <p>The rule: a file whose size and modification time both equal the recorded ones is taken to
 * hold the recorded bytes. A recorded stamp counts only if its time is older than the state file
 * that holds it ({@link #olderThan}); a file written in the same clock tick as the state may change
 * again within that tick without its time moving, so it is hashed (git's "racy" rule). The blind
 * spot that remains: an edit that keeps the size and sets the modification time back to the
 * recorded one (such as {@code touch -d} or a copy that preserves times).
 */
public final class FileHashes {
  private final Map<String, Stamp> recorded;
  private final SortedMap<String, Stamp> seen = new TreeMap<>();
  private int hashed;

  private FileHashes(Map<String, Stamp> recorded) {
    this.recorded = recorded;
  }

  /** Hashes every file: nothing recorded. */
  public static FileHashes none() {
    return new FileHashes(Map.of());
  }

  /** Takes a file whose size and time match a stamp (absolute path → {@code size:mtimeNanos:sha256}) as unchanged. */
  static FileHashes recorded(Map<String, String> stamps) {
    Map<String, Stamp> parsed = new TreeMap<>();
    stamps.forEach((path, text) -> Stamp.parse(text).ifPresent(stamp -> parsed.put(path, stamp)));
    return new FileHashes(parsed);
  }

  /**
   * The stamps that may be trusted: those older than {@code savedAtNanos}, the modification time of
   * the state file they were read from.
   */
  static SortedMap<String, String> olderThan(Map<String, String> stamps, long savedAtNanos) {
    SortedMap<String, String> trusted = new TreeMap<>();
    stamps.forEach((path, text) -> Stamp.parse(text)
        .filter(stamp -> stamp.modifiedNanos < savedAtNanos)
        .ifPresent(stamp -> trusted.put(path, text)));
    return trusted;
  }

  /** The file's SHA-256 in hex, {@code "absent"} when it does not exist; read only when its stamp moved. */
  public String sha256(Path file) {
    String key = file.toAbsolutePath().normalize().toString();
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return "absent";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    long size = attributes.size();
    long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    Stamp before = seen.containsKey(key) ? seen.get(key) : recorded.get(key);
    String sha = before != null && before.size == size && before.modifiedNanos == modified ? before.sha256 : null;
    if (sha == null) {
      // Stat before reading: an edit while reading moves the time past the stamp kept here.
      sha = Digests.sha256(file);
      hashed++;
    }
    seen.put(key, new Stamp(size, modified, sha));
    return sha;
  }

  /** How many files were read and hashed rather than taken from their stamps. */
  public int hashedCount() {
    return hashed;
  }

  /** The stamps of every file looked at, to record: absolute path → {@code size:mtimeNanos:sha256}. */
  SortedMap<String, String> stamps() {
    SortedMap<String, String> text = new TreeMap<>();
    seen.forEach((path, stamp) -> text.put(path, stamp.size + ":" + stamp.modifiedNanos + ":" + stamp.sha256));
    return text;
  }

  private record Stamp(long size, long modifiedNanos, String sha256) {
    static Optional<Stamp> parse(String text) {
      String[] parts = text.split(":", 3);
      try {
        return parts.length == 3 ? Optional.of(new Stamp(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]))
            : Optional.empty();
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }
}
