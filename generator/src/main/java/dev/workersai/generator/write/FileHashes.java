package dev.workersai.generator.write;

import dev.workersai.catalog.FileSource;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>A folder's digest ({@link #treeDigest}) is kept too, with the files it covered: when the folder
 * holds exactly those files and every stamp holds, the digest is the one recorded, and an unchanged
 * build computes no SHA-256 at all (in a JVM that has compiled nothing, digesting a few hundred
 * small entries costs tens of milliseconds).
 *
 * <p>A generation reads its inputs through this class ({@link #read}, a {@link FileSource}), so that
 * each is read once and the record holds the hash of the bytes parsed. Only {@link #read} may be
 * called from several threads at once (the catalog is parsed on every core).
 *
 * <p>The check path avoids lambdas, streams and string concatenation: each costs class spinning in
 * a cold JVM, and an unchanged build pays for nothing else.
 */
public final class FileHashes implements FileSource {
  private static final String HEADER = "# workers-ai-jvm: size, modification time (ns), SHA-256 and path of each file"
      + " the up-to-date check read, then for a digested folder: tree, its file count, digest and path;"
      + " a file whose size and time still match is not read again\n";
  /** The first field of a folder's line, where a file's line has its size. */
  private static final String TREE = "tree";

  private final Map<String, Stamp> recorded;
  private final Map<String, RecordedTree> recordedTrees;
  private final Map<String, Stamp> seen = new HashMap<>();
  /** The files this run {@link #read} (a subset of {@link #seen}): their hash is of the bytes handed out. */
  private final Map<String, Stamp> parsed = new HashMap<>();
  private final Map<String, Tree> trees = new HashMap<>();
  private int hashed;
  private boolean treeListed;

  private FileHashes(Map<String, Stamp> recorded, Map<String, RecordedTree> recordedTrees) {
    this.recorded = recorded;
    this.recordedTrees = recordedTrees;
  }

  /** Reads every file: nothing recorded. */
  public static FileHashes none() {
    return new FileHashes(Map.of(), Map.of());
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
    Map<String, RecordedTree> trees = new HashMap<>();
    for (int start = 0, end; start < text.length(); start = end + 1) {
      end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      // four fields: size TAB time TAB sha TAB path, or tree TAB count TAB digest TAB path;
      // anything else (the header, a damaged line) is skipped
      int first = text.indexOf('\t', start);
      int second = first < 0 ? -1 : text.indexOf('\t', first + 1);
      int third = second < 0 ? -1 : text.indexOf('\t', second + 1);
      if (third < 0 || third >= end) {
        continue;
      }
      String path = text.substring(third + 1, end);
      String hash = text.substring(second + 1, third);
      try {
        if (text.startsWith(TREE, start) && first == start + TREE.length()) {
          trees.put(path, new RecordedTree(Integer.parseInt(text, first + 1, second, 10), hash));
        } else {
          Stamp stamp = new Stamp(Long.parseLong(text, start, first, 10), Long.parseLong(text, first + 1, second, 10), hash);
          if (stamp.modifiedNanos < savedAt) {
            recorded.put(path, stamp);
          }
        }
      } catch (NumberFormatException e) {
        // a damaged line: that file is read again
      }
    }
    return new FileHashes(recorded, trees);
  }

  /**
   * Writes the stamps of every file this instance looked at, and the digest of each folder whose
   * files are still as they were when it was digested, atomically. Call it after the last file was
   * looked at: the file's own time is what later stamps are trusted against.
   */
  public void save(Path file) {
    StringBuilder text = new StringBuilder(HEADER);
    seen.forEach((path, stamp) -> {
      // a file that is not part of the digest of the folder it lies in (one deleted since) is left
      // out, so that a folder's lines are exactly the files its digest covered
      if (path.indexOf('\n') < 0 && path.indexOf('\r') < 0 && !outsideItsTree(path)) {   // else read every time
        text.append(stamp.size).append('\t').append(stamp.modifiedNanos).append('\t').append(stamp.sha256)
            .append('\t').append(path).append('\n');
      }
    });
    trees.forEach((root, tree) -> {
      if (root.indexOf('\n') < 0 && root.indexOf('\r') < 0 && tree.stillAsDigested(seen)) {
        text.append(TREE).append('\t').append(tree.members.size()).append('\t').append(tree.digest)
            .append('\t').append(root).append('\n');
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

  private boolean outsideItsTree(String path) {
    for (Map.Entry<String, Tree> tree : trees.entrySet()) {
      String root = tree.getKey();
      if (path.startsWith(root) && path.length() > root.length() && path.charAt(root.length()) == File.separatorChar
          && !tree.getValue().members.containsKey(path)) {
        return true;
      }
    }
    return false;
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
    return sha256(List.of(file)).get(0);
  }

  /**
   * The bytes of an input the generation is about to parse: hashed as they are read when the file's
   * stamp moved (else its recorded SHA-256 stands for them), so that each input is read once and the
   * run's record ({@link #sha256(List)}, afterwards) holds the hash of the very bytes it generated
   * from, even if the file changes again meanwhile. The stamp is taken before the read, so an edit
   * during it moves the file's time past the stamp. Safe to call from several threads at once.
   */
  @Override
  public byte[] read(Path file) throws IOException {
    String key = file.toAbsolutePath().normalize().toString();
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    long size = attributes.size();
    long time = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    byte[] bytes = Files.readAllBytes(file);
    Stamp before;
    synchronized (this) {
      before = previous(key);
    }
    boolean holds = before != null && before.holds(size, time);
    Stamp stamp = new Stamp(size, time, holds ? before.sha256 : Digests.sha256(bytes));
    synchronized (this) {
      seen.put(key, stamp);
      parsed.put(key, stamp);
      if (!holds) {
        hashed++;
      }
    }
    return bytes;
  }

  /**
   * {@link #sha256(Path)} of each file, in order. The files whose stamp moved are read on every
   * core: a cold JVM (SHA-256 not yet compiled) spends a tenth of a second on the bundled snapshot's
   * hundred files on one. All are stat'ed before any is read, so an edit during the reads moves a
   * file's time past the stamp kept here. A file this instance {@link #read} for parsing is not
   * looked at again: its hash is that of the bytes parsed.
   */
  public List<String> sha256(List<Path> files) {
    int n = files.size();
    String[] keys = new String[n];
    long[] sizes = new long[n];
    long[] times = new long[n];
    String[] shas = new String[n];
    List<Integer> toRead = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Path file = files.get(i);
      String key = file.toAbsolutePath().normalize().toString();
      Stamp read = parsed.get(key);
      if (read != null) {   // what was parsed, not what the file may hold by now
        keys[i] = key;
        sizes[i] = read.size;
        times[i] = read.modifiedNanos;
        shas[i] = read.sha256;
        continue;
      }
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(file, BasicFileAttributes.class);
      } catch (NoSuchFileException e) {
        shas[i] = "absent";
        continue;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
      keys[i] = key;
      sizes[i] = attributes.size();
      times[i] = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
      Stamp before = previous(key);
      if (before != null && before.holds(sizes[i], times[i])) {
        shas[i] = before.sha256;
      } else {
        toRead.add(i);
      }
    }
    if (!toRead.isEmpty()) {   // not a stream when nothing moved: a lambda costs an unchanged build's cold JVM a class
      toRead.parallelStream().forEach(i -> shas[i] = Digests.sha256(files.get(i)));
      hashed += toRead.size();
    }
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (keys[i] != null) {
        seen.put(keys[i], new Stamp(sizes[i], times[i], shas[i]));
      }
      out.add(shas[i]);
    }
    return out;
  }

  /**
   * {@link Digests#tree(Path, java.util.function.Function)} of a folder, with each file's SHA-256
   * from {@link #sha256}; when the folder holds exactly the files of the digest recorded last time
   * and each one's stamp holds, that digest, without computing one.
   */
  public String treeDigest(Path root) {
    Path folder = root.toAbsolutePath().normalize();
    String key = folder.toString();
    RecordedTree before = recordedTrees.get(key);
    if (before != null) {
      Map<String, Stamp> members = unchangedMembers(folder, before.count);
      if (members != null) {
        seen.putAll(members);
        trees.put(key, new Tree(before.digest, members));
        return before.digest;
      }
    }
    Map<String, Stamp> members = new HashMap<>();
    String digest = Digests.tree(folder, file -> {
      String sha = sha256(file);
      String member = file.toAbsolutePath().normalize().toString();
      members.put(member, seen.get(member));
      return sha;
    });
    if (!members.isEmpty()) {   // a missing folder and an empty one differ in digest, not in files
      trees.put(key, new Tree(digest, members));
      treeListed = true;
    }
    return digest;
  }

  /**
   * The recorded stamps of the folder's files, when it holds {@code count} regular files (those a
   * tree digest covers) and each one's recorded stamp holds; {@code null} as soon as one does not.
   */
  private Map<String, Stamp> unchangedMembers(Path folder, int count) {
    Listing listing = new Listing(folder, count);
    try {
      Files.walkFileTree(folder, listing);
    } catch (IOException e) {
      return null;
    }
    return listing.unchanged && listing.members.size() == count ? listing.members : null;
  }

  /** Walks a folder for {@link #unchangedMembers}, stopping at the first file whose stamp moved. */
  private final class Listing extends SimpleFileVisitor<Path> {
    private final Path folder;
    private final int count;
    private final Map<String, Stamp> members = new HashMap<>();
    private boolean unchanged = true;

    Listing(Path folder, int count) {
      this.folder = folder;
      this.count = count;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
      String name = file.getFileName().toString();
      if (folder.equals(file.getParent()) && (name.equals(Digests.STATE_IN_OUTPUT) || name.equals(Digests.STAMPS_IN_OUTPUT))) {
        return FileVisitResult.CONTINUE;
      }
      String key = file.toString();
      Stamp stamp = recorded.get(key);
      Stamp now = seen.get(key);
      // a link is left to the full digest, which follows it
      if (!attributes.isRegularFile() || stamp == null
          || !stamp.holds(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS))
          || (now != null && !now.equals(stamp)) || members.size() == count) {
        unchanged = false;
        return FileVisitResult.TERMINATE;
      }
      members.put(key, stamp);
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      unchanged = false;
      return FileVisitResult.TERMINATE;
    }
  }

  /** How many files were read and hashed rather than taken by their stamps. */
  public int hashedCount() {
    return hashed;
  }

  /**
   * Whether {@link #save} would record what the loaded stamps lack: a file was hashed, or a folder
   * digested from its files.
   */
  public boolean hasNewStamps() {
    return hashed > 0 || treeListed;
  }

  /** The stamp last taken of the file {@code key}: this run's, else the loaded one; null when there is none. */
  private Stamp previous(String key) {
    return seen.containsKey(key) ? seen.get(key) : recorded.get(key);
  }

  private record Stamp(long size, long modifiedNanos, String sha256) {
    /** Whether a file of this size and modification time still holds the bytes this stamp's SHA-256 is of. */
    boolean holds(long size, long modifiedNanos) {
      return this.size == size && this.modifiedNanos == modifiedNanos;
    }
  }

  /** A folder's digest as the stamps file recorded it, with how many files it covered. */
  private record RecordedTree(int count, String digest) {}

  /** A folder's digest this run, with the stamps of the files it covered as they were then. */
  private record Tree(String digest, Map<String, Stamp> members) {
    boolean stillAsDigested(Map<String, Stamp> seen) {
      for (Map.Entry<String, Stamp> member : members.entrySet()) {
        if (member.getValue() == null || !member.getValue().equals(seen.get(member.getKey()))) {   // null: gone while digested
          return false;
        }
      }
      return true;
    }
  }
}
