package dev.workersai.generator.refresh;

import dev.workersai.catalog.CatalogReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Which folder of a snapshot holds the model files, and what in it is not a model file. A snapshot
 * keeps its models in {@code models/} (the bundled snapshot does); a folder that already holds model
 * files flat keeps them flat. Either way the rate-limit table and any other non-model entry survive
 * a refresh.
 *
 * @param modelFolder the folder the refresh replaces as a whole
 * @param flat whether model files sit directly in the snapshot folder, beside {@code rate-limits.json}
 */
record SnapshotLayout(Path modelFolder, boolean flat) {

  static SnapshotLayout of(Path snapshotDirectory) {
    Path models = snapshotDirectory.resolve(CatalogReader.MODELS_FOLDER);
    if (!Files.isDirectory(models) && !modelFiles(snapshotDirectory).isEmpty()) {
      return new SnapshotLayout(snapshotDirectory, true);
    }
    return new SnapshotLayout(models, false);
  }

  /** Entries of the model folder to carry into the refreshed one: everything but model files. */
  Predicate<String> keep() {
    return fileName -> !CatalogReader.isModelFileName(fileName);
  }

  /** The model files there now, file name → bytes; empty when the folder does not exist. */
  Map<String, byte[]> currentModelFiles() {
    Map<String, byte[]> files = new TreeMap<>();
    for (Path file : modelFiles(modelFolder).values()) {
      try {
        files.put(file.getFileName().toString(), Files.readAllBytes(file));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return files;
  }

  private static Map<String, Path> modelFiles(Path folder) {
    Map<String, Path> files = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return files;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.json")) {
      for (Path entry : entries) {
        if (Files.isRegularFile(entry) && CatalogReader.isModelFileName(entry.getFileName().toString())) {
          files.put(entry.getFileName().toString(), entry);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
    }
    return files;
  }
}
