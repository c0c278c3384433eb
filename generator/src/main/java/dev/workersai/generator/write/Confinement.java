package dev.workersai.generator.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Keeps the writer inside its output folder after links are resolved: a relative path must name
 * something below the folder, and no part of it that exists may be a symbolic link, so that neither
 * a generated path nor a manifest entry reaches through a link to a file elsewhere.
 */
final class Confinement {
  private final Path root;

  /** @param root the output folder, absolute with its own links resolved */
  Confinement(Path root) {
    this.root = root;
  }

  /** The target of a relative path; refuses absolute paths and any that leave the folder. */
  Path resolve(String relativePath) {
    Path target = root.resolve(relativePath).normalize();
    if (relativePath.isEmpty() || Path.of(relativePath).isAbsolute() || !target.startsWith(root) || target.equals(root)) {
      throw new IllegalArgumentException("generated path leaves the output folder: " + relativePath);
    }
    return target;
  }

  /** The first part of {@code target} (below the folder) that is a symbolic link, or null when none is. */
  Path linkOnTheWay(Path target) {
    Path at = root;
    for (Path part : root.relativize(target)) {
      at = at.resolve(part);
      BasicFileAttributes attributes;
      try {
        // One look per part: missing (or unreadable) ends the walk, as it did when asked twice.
        attributes = Files.readAttributes(at, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        return null;
      }
      if (attributes.isSymbolicLink()) {
        return at;
      }
    }
    return null;
  }
}
