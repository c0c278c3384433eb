package dev.workersai.generator.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Replaces a snapshot folder as a whole, never file by file (used by refresh and by the snapshot
 * derivation). The new content is built in a hidden
 * sibling folder ({@code .NAME.refresh-new-*}); only when it is complete does the old folder move
 * aside ({@code .NAME.refresh-old-*}) and the new one take its name, both by atomic rename on the
 * same file system. A failure before the renames leaves the old folder untouched and the sibling
 * deleted. Should the process die between the two renames, the next swap finds the folder missing
 * and the {@code -old} sibling present, and moves it back first.
 *
 * <p>Not thread-safe for the same folder: one refresh at a time.
 */
public final class SnapshotFolderSwap {
  private final Path folder;
  private final Path parent;
  private final String name;

  public SnapshotFolderSwap(Path folder) {
    this.folder = folder.toAbsolutePath().normalize();
    this.parent = this.folder.getParent();
    this.name = this.folder.getFileName().toString();
  }

  /**
   * Builds the folder's next content in a hidden sibling: {@code files} (file name → bytes) plus
   * every entry of the current folder that {@code keep} accepts by file name. Nothing visible
   * changes until {@link #commit(Path)}; {@link #discard(Path)} drops the sibling.
   *
   * @return the staged sibling folder
   */
  public Path stage(Map<String, byte[]> files, Predicate<String> keep) {
    try {
      Files.createDirectories(parent);
      recoverInterruptedSwap();
      Path next = parent.resolve("." + name + ".refresh-new-" + UUID.randomUUID());
      try {
        Files.createDirectory(next);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
          Files.write(next.resolve(file.getKey()), file.getValue());
        }
        carryOver(next, keep);
        return next;
      } catch (IOException | RuntimeException e) {
        deleteRecursively(next);
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage the snapshot folder " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Makes a staged folder the folder, in two renames; the old content is deleted afterwards. */
  public void commit(Path staged) {
    try {
      swapIn(staged);
    } catch (IOException e) {
      discard(staged);
      throw new UncheckedIOException("cannot replace the snapshot folder " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Drops a staged folder; the folder itself is untouched. */
  public void discard(Path staged) {
    try {
      deleteRecursively(staged);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + staged + ": " + e.getMessage(), e);
    }
  }

  private void carryOver(Path next, Predicate<String> keep) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        if (keep.test(entry.getFileName().toString())) {
          copyRecursively(entry, next.resolve(entry.getFileName().toString()));
        }
      }
    }
  }

  private void swapIn(Path next) throws IOException {
    if (!Files.exists(folder)) {
      Files.move(next, folder, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    Path old = parent.resolve("." + name + ".refresh-old-" + UUID.randomUUID());
    Files.move(folder, old, StandardCopyOption.ATOMIC_MOVE);
    try {
      Files.move(next, folder, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      Files.move(old, folder, StandardCopyOption.ATOMIC_MOVE);
      throw e;
    }
    deleteRecursively(old);
  }

  /** Puts back an old folder left aside by a process that died mid-swap, and drops stale siblings. */
  private void recoverInterruptedSwap() throws IOException {
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, "." + name + ".refresh-*")) {
      for (Path sibling : siblings) {
        boolean oldCopy = sibling.getFileName().toString().startsWith("." + name + ".refresh-old-");
        if (oldCopy && !Files.exists(folder)) {
          Files.move(sibling, folder, StandardCopyOption.ATOMIC_MOVE);
        } else {
          deleteRecursively(sibling);
        }
      }
    }
  }

  private static void copyRecursively(Path source, Path target) throws IOException {
    Files.walkFileTree(source, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(target.resolve(source.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
