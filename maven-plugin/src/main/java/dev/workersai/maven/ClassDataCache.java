package dev.workersai.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.logging.Log;

/**
 * A per-user folder of class-data-sharing archives (AppCDS) for the forked generation JVM: the
 * classes it loads and the lambda classes it spins, stored once by a JVM that exits
 * ({@code -XX:ArchiveClassesAtExit}) and mapped by every later one ({@code -XX:SharedArchiveFile}),
 * which then neither parses nor verifies them again.
 *
 * <p>An archive is named by a key the JVM's own check agrees with ({@link #key}: the JDK, the class
 * path's jars with their size and time, the flags), and by its size: the JVM maps an archive without
 * checking its length, and a truncated one would crash it. A new archive is written to a temporary
 * file in the folder and renamed to its name when the JVM that wrote it exited well, so a parallel
 * build sees a whole archive or none. The JVM is told to log nothing about archives
 * ({@link #QUIET}): one that is stale, foreign or damaged is used without a word, the JVM runs
 * without it. The cache never fails a generation: a folder that cannot be written means no archive.
 */
final class ClassDataCache {
  /** Turns off the JVM's log lines about archives, which it writes to standard output, the goal's protocol. */
  static final String QUIET = "-Xlog:cds*=off";
  /** Archives kept after a new one is stored: the most recently used. */
  static final int KEPT = 4;
  /** A temporary file this old was left by a build that was killed while its JVM wrote it. */
  static final Duration ABANDONED = Duration.ofHours(1);
  private static final String ARCHIVE = ".jsa";
  private static final String TEMPORARY = ".tmp";

  private final Path folder;
  private final Log log;

  ClassDataCache(Path folder, Log log) {
    this.folder = folder;
    this.log = log;
  }

  /**
   * What a JVM with class path {@code classPath} and flags {@code flags} does with the cache: map
   * the archive stored for it, or store one; {@link Use#NONE} when archives cannot help or the
   * folder cannot be written.
   */
  Use prepare(String classPath, List<String> flags) {
    // The dump needs the JDK's own archive underneath, and jars: it refuses a non-empty folder on the class path.
    if (!System.getProperty("java.vm.info", "").contains("sharing")) {
      log.debug("No class data archive for the forked JVM: this JVM shares no classes (-Xshare:off, or a JDK without an archive).");
      return Use.NONE;
    }
    List<Path> entries = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      Path jar = Path.of(entry);
      if (!Files.isRegularFile(jar)) {
        log.debug("No class data archive for the forked JVM: its class path holds " + entry + ", which is not a jar.");
        return Use.NONE;
      }
      entries.add(jar);
    }
    try {
      String key = key(System.getProperty("java.home"), System.getProperty("java.vm.version"), entries, flags);
      Files.createDirectories(folder);
      Optional<Path> archive = find(key);
      if (archive.isPresent()) {
        markUsed(archive.get());
        return new Use(List.of(QUIET, "-XX:SharedArchiveFile=" + archive.get()), Optional.empty());
      }
      Path temporary = Files.createTempFile(folder, key + "-", TEMPORARY);
      return new Use(List.of(QUIET, "-XX:ArchiveClassesAtExit=" + temporary),
          Optional.of(new Pending(this, key, temporary)));
    } catch (IOException e) {
      log.debug("No class data archive for the forked JVM: cannot write " + folder + " (" + e + ").");
      return Use.NONE;
    }
  }

  /**
   * The name an archive has, before its size: a SHA-256 of everything the JVM checks before it maps
   * an archive (the JDK, each class path entry with its size and modification time, so that a
   * rebuilt SNAPSHOT jar gets an archive of its own) and of the flags.
   */
  static String key(String javaHome, String vmVersion, List<Path> classPath, List<String> flags) throws IOException {
    StringBuilder text = new StringBuilder(javaHome).append('\n').append(vmVersion).append('\n');
    for (Path jar : classPath) {
      text.append(jar.toAbsolutePath()).append('\t').append(Files.size(jar)).append('\t')
          .append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
    }
    text.append(String.join(" ", flags));
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The archive stored under {@code key} whose length is the one in its name; one of another length is deleted. */
  private Optional<Path> find(String key) throws IOException {
    String prefix = key + "-";
    // no glob: it would compile to a regular expression, in Maven's cold JVM
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path archive : files) {
        String name = archive.getFileName().toString();
        if (!name.startsWith(prefix) || !name.endsWith(ARCHIVE)) {
          continue;
        }
        String size = name.substring(prefix.length(), name.length() - ARCHIVE.length());
        if (size.equals(Long.toString(Files.size(archive)))) {
          return Optional.of(archive);
        }
        log.debug("Deleting the damaged class data archive " + archive + ".");
        Files.deleteIfExists(archive);
      }
    }
    return Optional.empty();
  }

  /** Its time is when it was last used, for {@link #prune}; a folder others may only read keeps the old time. */
  private void markUsed(Path archive) {
    try {
      Files.setLastModifiedTime(archive, FileTime.from(Instant.now()));
    } catch (IOException e) {
      log.debug("Cannot mark " + archive + " as used (" + e + ").");
    }
  }

  /**
   * Stores the archive a JVM wrote to {@code pending}'s temporary file after exiting well, unless
   * another build stored one for the same key first; then keeps the {@value #KEPT} most recently
   * used and drops abandoned temporary files.
   */
  private void store(Pending pending) {
    try {
      long size = Files.size(pending.temporary());
      if (size == 0 || find(pending.key()).isPresent()) {
        Files.delete(pending.temporary());
        return;
      }
      Path archive = folder.resolve(pending.key() + "-" + size + ARCHIVE);
      Files.move(pending.temporary(), archive, StandardCopyOption.ATOMIC_MOVE);
      log.debug("Stored the class data archive " + archive + " for the forked JVM.");
    } catch (IOException e) {
      log.debug("Cannot store a class data archive in " + folder + " (" + e + ").");
      discard(pending);
      return;
    }
    try {
      prune();
    } catch (IOException e) {
      log.debug("Cannot prune the class data archives in " + folder + " (" + e + ").");
    }
  }

  /** Deletes {@code pending}'s temporary file, if the JVM wrote one and it is still there. */
  private void discard(Pending pending) {
    try {
      Files.deleteIfExists(pending.temporary());
    } catch (IOException e) {
      log.debug("Cannot delete " + pending.temporary() + " (" + e + ").");
    }
  }

  /** Deletes all archives but the {@value #KEPT} most recently used, and temporary files older than {@link #ABANDONED}. */
  void prune() throws IOException {
    List<Path> archives = new ArrayList<>();
    FileTime abandoned = FileTime.from(Instant.now().minus(ABANDONED));
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.endsWith(ARCHIVE)) {
          archives.add(file);
        } else if (name.endsWith(TEMPORARY) && modified(file).compareTo(abandoned) < 0) {
          Files.deleteIfExists(file);
        }
      }
    }
    archives.sort(Comparator.comparing(ClassDataCache::modified).reversed());
    for (Path old : archives.subList(Math.min(KEPT, archives.size()), archives.size())) {
      Files.deleteIfExists(old);
    }
  }

  /** A file's modification time; the epoch when another build deleted it meanwhile (it goes first). */
  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  /** An archive a JVM is writing: its key and the temporary file it writes. */
  record Pending(ClassDataCache cache, String key, Path temporary) {
    /** After the JVM exited well: {@link ClassDataCache#store}. */
    void store() {
      cache.store(this);
    }

    /** After it failed, or once it is stored: deletes the temporary file, if any. */
    void discard() {
      cache.discard(this);
    }
  }

  /** The JVM flags for one run, and the archive it stores, if it stores one. */
  record Use(List<String> flags, Optional<Pending> pending) {
    static final Use NONE = new Use(List.of(), Optional.empty());
  }
}
