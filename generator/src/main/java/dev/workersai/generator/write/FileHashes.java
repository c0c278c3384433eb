package dev.workersai.generator.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * SHA-256 of files, without reading a file whose size and modification time are those recorded by
 * the last run (make's and Gradle's fast path): an unchanged build stats its files instead of
 * hashing several megabytes. The stamps are kept in a file of their own ({@link #load},
 * {@link #save}), a line per file, because an unchanged build reads them and a properties file is
 * several times slower to parse in a JVM that has not compiled anything yet.
 *
 * <p>The rule: a file whose size and modification time both equal a recorded stamp is taken to hold
 * the bytes that were hashed then. A stamp counts only if that time is older than the stamps file
 * itself: a file stamped in the clock tick the stamps were written in may change again within that
 * tick without its time moving, so it is read (git's "racy" rule). The blind spot that remains: an
 * edit that keeps the size and sets the modification time back to the recorded one ({@code touch -d},
 * a copy that preserves times); deleting the stamps file makes the next check read every file.
 */
public final class FileHashes {
  private static final String HEADER = "# workers-ai-jvm: size, modification time (ns), SHA-256 and path of each file"
      + " the up-to-date check read; a file whose size and time still match is not read again\n";

  private final Map<String, Stamp> recorded;
  private final Map<String, Stamp> seen = new HashMap<>();
  private int hashed;

  private FileHashes(Map<String, Stamp> recorded) {
    this.recorded = recorded;
  }

  /** Reads every file: nothing recorded. */
  public static FileHashes none() {
    return new FileHashes(Map.of());
  }

  /** The stamps saved in {@code file} by the last run; none when it is missing or unreadable. */
  public static FileHashes load(Path file) {
    String text;
    long savedAt;
    try {
      savedAt = Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return none();
    }
    Map<String, Stamp> recorded = new HashMap<>();
    for (int start = 0, end; start < text.length(); start = end + 1) {
      end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      Stamp.parse(text, start, end)
          .filter(stamp -> stamp.stamp.modifiedNanos < savedAt)
          .ifPresent(line -> recorded.put(line.path, line.stamp));
    }
    return new FileHashes(recorded);
  }

  /**
   * Writes the stamps of every file this instance looked at, atomically. Call it after the last
   * file was looked at: the file's own time is what later stamps are trusted against.
   */
  public void save(Path file) {
    StringBuilder text = new StringBuilder(HEADER);
    seen.forEach((path, stamp) -> {
      if (path.indexOf('\n') < 0 && path.indexOf('\r') < 0) {   // such a file is simply read every time
        text.append(stamp.size).append('\t').append(stamp.modifiedNanos).append('\t').append(stamp.sha256)
            .append('\t').append(path).append('\n');
      }
    });
    try {
      Path folder = file.toAbsolutePath().getParent();
      Files.createDirectories(folder);
      Path temp = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Records that {@code file} now holds bytes whose SHA-256 is {@code sha256}, known because they
   * were just written (or found equal to what would be): its stamp is taken without reading it.
   */
  public void written(Path file, String sha256) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      seen.put(file.toAbsolutePath().normalize().toString(),
          new Stamp(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), sha256));
    } catch (IOException e) {
      seen.remove(file.toAbsolutePath().normalize().toString());   // read when next asked
    }
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
      // Stat first, then read: an edit during the read moves the time past the stamp kept here.
      sha = Digests.sha256(file);
      hashed++;
    }
    seen.put(key, new Stamp(size, modified, sha));
    return sha;
  }

  /** How many files were read and hashed rather than taken by their stamps. */
  public int hashedCount() {
    return hashed;
  }

  private record Stamp(long size, long modifiedNanos, String sha256) {
    record Line(String path, Stamp stamp) {}

    /** {@code size TAB time TAB sha TAB path}; anything else (the header, a damaged line) is skipped. */
    static Optional<Line> parse(String text, int start, int end) {
      int first = text.indexOf('\t', start);
      int second = first < 0 ? -1 : text.indexOf('\t', first + 1);
      int third = second < 0 ? -1 : text.indexOf('\t', second + 1);
      if (third < 0 || third >= end) {
        return Optional.empty();
      }
      try {
        Stamp stamp = new Stamp(Long.parseLong(text, start, first, 10), Long.parseLong(text, first + 1, second, 10),
            text.substring(second + 1, third));
        return Optional.of(new Line(text.substring(third + 1, end), stamp));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }
}
