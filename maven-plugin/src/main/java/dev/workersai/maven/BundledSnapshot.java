package dev.workersai.maven;

import dev.workersai.catalog.CatalogReader;
import dev.workersai.generator.refresh.SnapshotDate;
import dev.workersai.generator.write.SnapshotFolderSwap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The catalog snapshot shipped inside the plugin jar (this project's {@code model-schemas/}), so
 * that a project without its own snapshot generates with no setup. The generator reads folders, so
 * the snapshot is written out to a folder under {@code target/}, and rewritten only when its bytes
 * differ, atomically.
 */
final class BundledSnapshot {
  static final String RESOURCE_FOLDER = "bundled-snapshot";

  private final Map<String, byte[]> files;
  private final String date;

  private BundledSnapshot(Map<String, byte[]> files, String date) {
    this.files = files;
    this.date = date;
  }

  /** The snapshot in this plugin's jar (or classes folder, in the plugin's own tests). */
  static BundledSnapshot load() {
    URL marker = BundledSnapshot.class.getResource(RESOURCE_FOLDER + "/" + CatalogReader.RATE_LIMITS_FILE);
    if (marker == null) {
      throw new IllegalStateException("the plugin jar has no " + RESOURCE_FOLDER + "/ folder beside "
          + BundledSnapshot.class.getName() + ": a broken build of the plugin");
    }
    try {
      Map<String, byte[]> files = marker.getProtocol().equals("jar") ? fromJar(marker) : fromFolder(Path.of(marker.toURI()).getParent());
      return new BundledSnapshot(files, dateOf(files));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled snapshot: " + e.getMessage(), e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot read the bundled snapshot at " + marker, e);
    }
  }

  /** How many model files the snapshot holds. */
  int modelCount() {
    return (int) files.keySet().stream()
        .filter(name -> name.startsWith(CatalogReader.MODELS_FOLDER + "/") && name.endsWith(".json"))
        .filter(name -> !name.endsWith("/" + CatalogReader.TYPE_NAMES_FILE))
        .count();
  }

  /** When the snapshot was taken, {@code YYYY-MM-DD}. */
  String date() {
    return date;
  }

  /**
   * Writes the snapshot into {@code folder} unless it already holds exactly these files; returns
   * {@code folder}. A failure leaves the folder as it was.
   */
  Path writeTo(Path folder) {
    if (!holdsExactly(folder)) {
      SnapshotFolderSwap swap = new SnapshotFolderSwap(folder);
      Path staged = swap.stage(Map.of(), name -> false);
      try {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
          Path target = staged.resolve(file.getKey());
          Files.createDirectories(target.getParent());
          Files.write(target, file.getValue());
        }
      } catch (IOException e) {
        swap.discard(staged);
        throw new UncheckedIOException("cannot write the bundled snapshot to " + folder + ": " + e.getMessage(), e);
      }
      swap.commit(staged);
    }
    return folder;
  }

  private boolean holdsExactly(Path folder) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      Map<String, Path> present = new TreeMap<>();
      walk.filter(Files::isRegularFile).forEach(p -> present.put(folder.relativize(p).toString().replace('\\', '/'), p));
      if (!present.keySet().equals(files.keySet())) {
        return false;
      }
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        if (!java.util.Arrays.equals(Files.readAllBytes(present.get(file.getKey())), file.getValue())) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Map<String, byte[]> fromJar(URL marker) throws IOException {
    JarURLConnection connection = (JarURLConnection) marker.openConnection();
    connection.setUseCaches(false);
    String prefix = BundledSnapshot.class.getPackageName().replace('.', '/') + "/" + RESOURCE_FOLDER + "/";
    Map<String, byte[]> files = new TreeMap<>();
    try (JarFile jar = connection.getJarFile()) {
      for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
          try (InputStream in = jar.getInputStream(entry)) {
            files.put(entry.getName().substring(prefix.length()), in.readAllBytes());
          }
        }
      }
    }
    return files;
  }

  private static Map<String, byte[]> fromFolder(Path folder) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }
    return files;
  }

  /** The date the snapshot's own {@code models/snapshot.properties} carries (refresh writes it). */
  static String dateOf(Map<String, byte[]> files) {
    String name = CatalogReader.MODELS_FOLDER + "/" + SnapshotDate.FILE_NAME;
    byte[] bytes = files.get(name);
    if (bytes == null) {
      return "unknown";
    }
    return SnapshotDate.parse(bytes, RESOURCE_FOLDER + "/" + name).map(LocalDate::toString).orElse("unknown");
  }

}
