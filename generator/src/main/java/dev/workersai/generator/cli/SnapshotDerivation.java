package dev.workersai.generator.cli;

import dev.workersai.catalog.CatalogException;
import dev.workersai.catalog.CatalogReader;
import dev.workersai.catalog.JsonFiles;
import dev.workersai.catalog.SnapshotNormalizer;
import dev.workersai.catalog.SourceLocation;
import dev.workersai.generator.write.SnapshotFolderSwap;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Derives a facts-only snapshot folder from a folder of published catalog files, with
 * {@link SnapshotNormalizer}. Each output file keeps its source file's name. When two source files
 * hold the same model id (the published corpus has an older copy of one model under another file
 * name), the one whose file name is the id's own ({@link SnapshotNormalizer#fileName}) is kept and
 * the other is reported as skipped. The target folder is replaced as a whole, only once every file
 * was derived.
 *
 * <p>Run from the repository root: {@code mvn -B -q -o -pl generator exec:java
 * -Dexec.mainClass=dev.workersai.generator.cli.SnapshotDerivation
 * -Dexec.args="../shared/workers-ai-catalog/models model-schemas/models"}.
 */
public final class SnapshotDerivation {
  private SnapshotDerivation() {}

  /**
   * What a derivation produced.
   *
   * @param files output file name → bytes, sorted by name
   * @param skipped one line per source file left out, sorted
   */
  public record Result(Map<String, byte[]> files, List<String> skipped) {}

  /** {@code SnapshotDerivation SOURCE_DIR TARGET_DIR}. */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: SnapshotDerivation SOURCE_DIR TARGET_DIR");
      System.exit(2);
    }
    Path source = Path.of(args[0]);
    Path target = Path.of(args[1]);
    Result result = derive(source);
    replaceFolder(target, result.files());
    result.skipped().forEach(line -> System.out.println("skipped " + line));
    System.out.println("derived " + result.files().size() + " model files from " + source + " into " + target);
  }

  /** Derives every {@code *.json} file of {@code source}; writes nothing. Reports every bad source file at once. */
  public static Result derive(Path source) {
    Map<String, List<Derived>> byId = new TreeMap<>();
    List<CatalogException> problems = new ArrayList<>();
    for (Path file : jsonFiles(source)) {
      SnapshotNormalizer.Entry entry;
      try {
        entry = SnapshotNormalizer.normalize(JsonFiles.read(file));
      } catch (CatalogException e) {
        // the normalizer names the file it would write; the source file is what a user must fix
        problems.add(new CatalogException("bad-source", new SourceLocation(file, ""), e.getMessage(), e));
        continue;
      }
      byId.computeIfAbsent(entry.modelId(), id -> new ArrayList<>()).add(new Derived(file, entry));
    }
    Map<String, byte[]> files = new TreeMap<>();
    List<String> skipped = new ArrayList<>();
    for (List<Derived> candidates : byId.values()) {
      Derived kept;
      try {
        kept = candidates.size() == 1 ? candidates.get(0) : canonical(candidates);
      } catch (CatalogException e) {
        problems.add(e);
        continue;
      }
      files.put(kept.file().getFileName().toString(), kept.entry().bytes());
      for (Derived other : candidates) {
        if (other != kept) {
          skipped.add(other.file().getFileName() + ": an older copy of " + other.entry().modelId() + ", kept "
              + kept.file().getFileName());
        }
      }
    }
    CatalogException.throwIfAny(problems);
    skipped.sort(Comparator.naturalOrder());
    return new Result(files, skipped);
  }

  private record Derived(Path file, SnapshotNormalizer.Entry entry) {}

  private static Derived canonical(List<Derived> candidates) {
    List<Derived> named = candidates.stream()
        .filter(c -> c.file().getFileName().toString().equals(c.entry().fileName()))
        .toList();
    if (named.size() != 1) {
      Derived second = candidates.get(1);
      throw new CatalogException(
          "duplicate-model",
          new SourceLocation(second.file(), "/name"),
          "model " + second.entry().modelId() + " is also defined in " + candidates.get(0).file()
              + ", and neither file is named " + second.entry().fileName());
    }
    return named.get(0);
  }

  private static List<Path> jsonFiles(Path folder) {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.json")) {
      entries.forEach(entry -> {
        if (CatalogReader.isModelFileName(entry.getFileName().toString())) {
          files.add(entry);
        }
      });
    } catch (IOException e) {
      throw new CatalogException("unreadable-directory", new SourceLocation(folder, ""), "cannot list: " + e.getMessage(), e);
    }
    files.sort(Comparator.comparing(path -> path.getFileName().toString()));
    return files;
  }

  /** Writes the files into a fresh folder beside {@code target}, then swaps it in; the type-name lock stays. */
  static void replaceFolder(Path target, Map<String, byte[]> files) {
    SnapshotFolderSwap swap = new SnapshotFolderSwap(target);
    swap.commit(swap.stage(files, name -> !CatalogReader.isModelFileName(name)));
  }
}
