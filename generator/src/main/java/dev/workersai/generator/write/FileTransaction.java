package dev.workersai.generator.write;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * File writes and deletions that happen all together or not at all. New content is first written to
 * temporary siblings of the targets; only when every one is written do the renames start, and a file
 * about to be replaced or deleted is first renamed aside to a backup sibling. A failure at any point
 * renames the backups back, removes what this transaction wrote and the folders it created, and
 * rethrows. Temporary and backup names end in {@code .wai-tmp}/{@code .wai-bak}, never {@code .java},
 * so a build never compiles one that a killed process left behind.
 *
 * <p>One use only; not thread-safe.
 */
final class FileTransaction {
  private interface Undo {
    void run() throws IOException;
  }

  private final String token = UUID.randomUUID().toString().substring(0, 8);
  private final Map<Path, byte[]> writes = new LinkedHashMap<>();
  private final List<Path> deletes = new ArrayList<>();
  private final Deque<Path> createdFolders = new ArrayDeque<>();
  private final Map<Path, Path> staged = new LinkedHashMap<>();
  private final List<Path> backups = new ArrayList<>();
  private final Deque<Undo> undo = new ArrayDeque<>();

  /** Plans {@code target} to hold {@code bytes}, creating its folders. */
  void write(Path target, byte[] bytes) {
    writes.put(target, bytes);
  }

  /** Plans {@code target} to be deleted. */
  void delete(Path target) {
    deletes.add(target);
  }

  /** Carries out every planned change, or none of them. */
  void commit() throws IOException {
    try {
      stage();
      apply();
    } catch (IOException | RuntimeException e) {
      rollBack(e);
      throw e;
    }
    for (Path backup : backups) {
      try {
        Files.deleteIfExists(backup);
      } catch (IOException e) {
        // The change is made; a backup left behind is named so that no build reads it.
      }
    }
  }

  private void stage() throws IOException {
    for (Map.Entry<Path, byte[]> w : writes.entrySet()) {
      Path target = w.getKey();
      createFolders(target.getParent());
      // Not Files.createTempFile: its files are owner-only (0600), and the move would keep that mode.
      Path temp = sibling(target, "wai-tmp");
      staged.put(target, temp);
      Files.write(temp, w.getValue(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }
  }

  private void apply() throws IOException {
    for (Map.Entry<Path, Path> s : staged.entrySet()) {
      Path target = s.getKey();
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        moveAside(target);
      }
      move(s.getValue(), target);
      undo.push(() -> Files.deleteIfExists(target));
    }
    for (Path target : deletes) {
      moveAside(target);
    }
  }

  private void moveAside(Path target) throws IOException {
    Path backup = sibling(target, "wai-bak");
    move(target, backup);
    backups.add(backup);
    undo.push(() -> move(backup, target));
  }

  private void rollBack(Exception failure) {
    while (!undo.isEmpty()) {
      try {
        undo.pop().run();
      } catch (IOException | RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
    for (Path temp : staged.values()) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
    while (!createdFolders.isEmpty()) {
      try {
        Files.deleteIfExists(createdFolders.pop());
      } catch (DirectoryNotEmptyException e) {
        // someone else put a file there meanwhile: theirs to keep
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
  }

  /** Creates {@code folder} and its missing parents, remembering each so a roll-back removes it. */
  private void createFolders(Path folder) throws IOException {
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = folder; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
      missing.push(p);
    }
    for (Path p : missing) {
      Files.createDirectory(p);
      createdFolders.push(p);
    }
  }

  private Path sibling(Path target, String suffix) {
    return target.resolveSibling("." + target.getFileName() + "." + token + "." + suffix);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
