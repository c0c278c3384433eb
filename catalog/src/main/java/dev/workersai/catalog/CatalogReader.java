package dev.workersai.catalog;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a snapshot folder. Model files are the {@code *.json} files directly in the folder and in
 * its {@value #MODELS_FOLDER} subfolder (not deeper), except {@value #RATE_LIMITS_FILE} at the top,
 * which is the rate-limit table. Throws {@link CatalogException} naming the file and pointer for
 * anything it cannot read: one problem per bad file, every bad file of the folder in one exception.
 *
 * <p>Two files with one model id (Cloudflare's published folder holds {@code qwen.json} and
 * {@code qwen1.5-0.5b-chat.json} for {@code @cf/qwen/qwen1.5-0.5b-chat}): the file named after the
 * id ({@link SnapshotNormalizer#fileName}) is kept and a warning names both, the rule the
 * generator CLI's snapshot derivation uses. When neither file is named after the id, it is an error.
 *
 * <p>Accepts the published catalog's files, the REST API's items and the facts-only snapshot
 * alike; see {@code docs/catalog-format.md}.
 */
public final class CatalogReader {
  /** The file name of the rate-limit table inside a snapshot folder. */
  public static final String RATE_LIMITS_FILE = "rate-limits.json";

  /** The file name of the type-name lock beside the model files (read by the naming stage, not here). */
  public static final String TYPE_NAMES_FILE = "type-names.json";

  /** The optional subfolder of a snapshot folder that holds model files. */
  public static final String MODELS_FOLDER = "models";

  private static final String JSON = ".json";

  private CatalogReader() {}

  /**
   * Reads the whole folder: models sorted by id, and the rate-limit table (the published one,
   * {@link PublishedRateLimits}, when the folder has no {@value #RATE_LIMITS_FILE}).
   */
  public static Catalog read(Path directory) {
    List<CatalogException> problems = new ArrayList<>();
    Catalog catalog = read(directory, problems);
    CatalogException.throwIfAny(problems);
    return catalog;
  }

  /**
   * Reads what can be read of the folder, adding to {@code problems} one exception per file it cannot
   * use (and per model id held by two files, neither named after it) instead of stopping at the
   * first; the catalog holds the other models. For callers that go on checking the models and then
   * report everything at once ({@link CatalogException#throwIfAny}). A folder that does not exist or
   * cannot be listed still throws at once: there is nothing else to read.
   */
  public static Catalog read(Path directory, List<CatalogException> problems) {
    return read(directory, problems, FileSource.DISK);
  }

  /** {@link #read(Path, List)}, with each file's bytes from {@code source}, asked once per file. */
  public static Catalog read(Path directory, List<CatalogException> problems, FileSource source) {
    if (!Files.isDirectory(directory)) {
      throw new CatalogException("no-such-directory", new SourceLocation(directory, ""), "not a directory");
    }
    List<Path> files = snapshotFiles(directory).stream()
        .filter(file -> isModelFileName(file.getFileName().toString()))
        .toList();
    Map<String, CatalogModel> byId = new HashMap<>();
    List<String> warnings = new ArrayList<>();
    // Files are parsed on every core (a fresh JVM spends a quarter of a second on the bundled
    // snapshot alone); what follows takes them in the folder's order, so the outcome is the same.
    for (ParsedFile parsed : files.parallelStream().map(file -> ParsedFile.of(file, source)).toList()) {
      if (parsed.problem() != null) {
        problems.add(parsed.problem());
        continue;
      }
      CatalogModel model = parsed.model();
      CatalogModel earlier = byId.putIfAbsent(model.id(), model);
      if (earlier != null) {
        CatalogModel kept;
        try {
          kept = keptOf(earlier, model);
        } catch (CatalogException e) {
          problems.add(e);
          continue;
        }
        CatalogModel other = kept == earlier ? model : earlier;
        byId.put(model.id(), kept);
        warnings.add("model " + model.id() + " is in two files: kept " + kept.source().file() + ", ignored "
            + other.source().file() + " (the file named after the id wins)");
      }
    }
    List<CatalogModel> models = new ArrayList<>(byId.values());
    models.sort(Comparator.comparing(CatalogModel::id));
    Path rateLimits = directory.resolve(RATE_LIMITS_FILE);
    if (Files.isRegularFile(rateLimits)) {
      try {
        return new Catalog(models, readRateLimits(rateLimits, source), rateLimits.toString(), warnings);
      } catch (CatalogException e) {
        problems.add(e);
      }
    }
    return new Catalog(models, PublishedRateLimits.table(), PublishedRateLimits.describe(), warnings);
  }

  /** One model file, read: its model, or the problem that kept it from being read. */
  private record ParsedFile(CatalogModel model, CatalogException problem) {
    static ParsedFile of(Path file, FileSource source) {
      try {
        return new ParsedFile(ModelFileParser.parse(file, JsonFiles.read(file, source)), null);
      } catch (CatalogException e) {
        return new ParsedFile(null, e);
      }
    }
  }

  /** Of two files holding one id, the one named after the id; an error when neither is. */
  private static CatalogModel keptOf(CatalogModel earlier, CatalogModel later) {
    String expected = SnapshotNormalizer.fileName(later.id());
    if (later.source().file().getFileName().toString().equals(expected)) {
      return later;
    }
    if (earlier.source().file().getFileName().toString().equals(expected)) {
      return earlier;
    }
    throw new CatalogException(
        "duplicate-model",
        later.source().child("name"),
        "model " + later.id() + " is already defined in " + earlier.source().file() + ", and neither file is named "
            + expected);
  }

  /**
   * Whether a file of a snapshot folder is a model file by its name: a {@code .json} file other than
   * the rate-limit table and the type-name lock. The one rule for everyone who lists a snapshot.
   */
  public static boolean isModelFileName(String fileName) {
    return fileName.endsWith(JSON) && !fileName.equals(RATE_LIMITS_FILE) && !fileName.equals(TYPE_NAMES_FILE);
  }

  /**
   * Every file of a snapshot folder a generation may read: the {@code *.json} files directly in it
   * and in its {@value #MODELS_FOLDER} subfolder (model files, the rate-limit table, the type-name
   * lock), top folder first, each folder sorted by name; empty when the folder does not exist. The
   * one listing rule: {@link #read} takes the model files from it, and up-to-date checks hash it.
   */
  public static List<Path> snapshotFiles(Path directory) {
    List<Path> files = new ArrayList<>();
    for (Path folder : List.of(directory, directory.resolve(MODELS_FOLDER))) {
      if (Files.isDirectory(folder)) {
        files.addAll(jsonFiles(folder));
      }
    }
    return files;
  }

  /** Reads one model file. */
  public static CatalogModel readModel(Path file) {
    return ModelFileParser.parse(file, JsonFiles.read(file));
  }

  /** Reads a rate-limit table file. */
  public static RateLimitTable readRateLimits(Path file) {
    return readRateLimits(file, FileSource.DISK);
  }

  /** Reads a rate-limit table file, its bytes from {@code source}. */
  public static RateLimitTable readRateLimits(Path file, FileSource source) {
    return RateLimitsParser.parse(file, JsonFiles.read(file, source));
  }

  /**
   * The JSON files directly in a folder, sorted by name so that errors are reported reproducibly.
   * By name suffix and natural string order rather than a glob and a comparator: an unchanged
   * build's up-to-date check lists here in a cold JVM, where a glob compiles a regex and matches
   * it per file, and a comparator lambda spins classes (docs/performance.md, round 6).
   */
  private static List<Path> jsonFiles(Path folder) {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.endsWith(JSON) && Files.isRegularFile(entry)) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new CatalogException("unreadable-directory", new SourceLocation(folder, ""), "cannot list: " + e.getMessage(), e);
    }
    names.sort(null);
    List<Path> files = new ArrayList<>(names.size());
    for (String name : names) {
      files.add(folder.resolve(name));
    }
    return files;
  }
}
