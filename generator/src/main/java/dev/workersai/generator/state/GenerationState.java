package dev.workersai.generator.state;

import dev.workersai.catalog.CatalogReader;
import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.write.FileHashes;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The record of the last successful generation, for an up-to-date check: the tool that ran (the
 * plugin's or the CLI's version), every component of the {@link GenerationRequest}, a SHA-256 of
 * every file the request reads ({@link GenerationRequest#inputs}) and a digest of the output folder.
 * A run whose state equals the stored one has nothing to do. Stored as a properties file
 * ({@link PropertiesText}).
 *
 * <p>With a {@link FileHashes} loaded from the last run's stamps, a file whose size and
 * modification time did not move is not read again: an unchanged build stats its files.
 *
 * <p>The request's part is read from the record's components, so a field added to the request is
 * part of the check without anyone remembering to add it. This check is all an unchanged build pays
 * for, so it uses only the JDK (no Jackson).
 *
 * @param version the state file format
 * @param tool what generated: the plugin version (plus jar digests for a SNAPSHOT), or the CLI's
 * @param configuration every request component by name, its value as text
 * @param schemaFiles each input file (relative to the schema folder when inside it) → SHA-256
 * @param output digest of every file under the output folder, {@code ""} before generation
 */
public record GenerationState(
    int version, String tool, SortedMap<String, String> configuration, SortedMap<String, String> schemaFiles,
    String output) {

  private static final int FORMAT = 2;
  private static final String CONFIGURATION = "configuration.";
  private static final String SCHEMA_FILE = "schema.";

  public GenerationState {
    configuration = new TreeMap<>(configuration);
    schemaFiles = new TreeMap<>(schemaFiles);
  }

  /** The state of a request's inputs before it runs, reading every input; {@link #output()} is left empty. */
  public static GenerationState ofInputs(String tool, GenerationRequest request) {
    return ofInputs(tool, request, FileHashes.none());
  }

  /**
   * The state of a request's inputs before it runs, reading only the inputs whose recorded stamp
   * moved ({@link FileHashes}); {@link #output()} is left empty.
   */
  public static GenerationState ofInputs(String tool, GenerationRequest request, FileHashes hashes) {
    return ofInputs(tool, request, request.inputs(), hashes);
  }

  /** {@link #ofInputs(String, GenerationRequest, FileHashes)} of the request's {@code inputs}, listed already. */
  public static GenerationState ofInputs(String tool, GenerationRequest request, List<Path> inputs, FileHashes hashes) {
    SortedMap<String, String> files = new TreeMap<>();
    Path schemas = request.schemaDirectory().toAbsolutePath().normalize();
    List<String> shas = hashes.sha256(inputs);
    for (int i = 0; i < inputs.size(); i++) {
      Path absolute = inputs.get(i).toAbsolutePath().normalize();
      String key = absolute.startsWith(schemas) ? schemas.relativize(absolute).toString() : absolute.toString();
      files.put(key.replace('\\', '/'), shas.get(i));
    }
    return new GenerationState(FORMAT, tool, configuration(request), files, "");
  }

  /** Every component of the request, by name: what, besides the input files, shapes the output. */
  static SortedMap<String, String> configuration(GenerationRequest request) {
    SortedMap<String, String> options = new TreeMap<>();
    for (RecordComponent component : GenerationRequest.class.getRecordComponents()) {
      try {
        options.put(component.getName(), text(component.getName(), component.getAccessor().invoke(request)));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read request component " + component.getName(), e);
      }
    }
    return options;
  }

  /** A component's value as text; a type with no rule here fails loudly rather than escape the check. */
  private static String text(String name, Object value) {
    if (value instanceof Path path) {
      return path.toAbsolutePath().normalize().toString();
    }
    if (value instanceof String string) {
      return string;
    }
    if (value instanceof List<?> list) {
      // One item per line: a comma inside a glob cannot make two lists look alike.
      StringBuilder items = new StringBuilder().append(list.size()).append(':');
      for (int i = 0; i < list.size(); i++) {
        items.append(i == 0 ? "" : "\n").append(text(name, list.get(i)));
      }
      return items.toString();
    }
    if (value instanceof Optional<?> optional) {
      return optional.isPresent() ? "=".concat(text(name, optional.get())) : "";
    }
    throw new IllegalStateException("request component " + name + " has a type the up-to-date check cannot fingerprint: "
        + (value == null ? "null" : value.getClass().getName()));
  }

  /**
   * Whether a request's {@code inputs} ({@link GenerationRequest#inputs}) hold a model file at all,
   * rather than nothing or only the rate limits.
   */
  public static boolean hasModelFiles(List<Path> inputs) {
    for (Path file : inputs) {
      if (CatalogReader.isModelFileName(file.getFileName().toString())) {
        return true;
      }
    }
    return false;
  }

  /** This state with the digest of the output folder as it is now. */
  public GenerationState withOutputOf(Path outputDirectory) {
    return withOutputOf(outputDirectory, FileHashes.none());
  }

  /** This state with the digest of the output folder as it is now, reading only files whose stamp moved. */
  public GenerationState withOutputOf(Path outputDirectory, FileHashes hashes) {
    return new GenerationState(version, tool, configuration, schemaFiles, hashes.treeDigest(outputDirectory));
  }

  /** The stored state, empty when there is none or it cannot be read (then generation simply runs). */
  public static Optional<GenerationState> load(Path file) {
    Properties stored = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      stored.load(in);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    String version = stored.getProperty("version");
    String tool = stored.getProperty("tool");
    String output = stored.getProperty("output");
    if (!String.valueOf(FORMAT).equals(version) || tool == null || output == null) {
      return Optional.empty();
    }
    SortedMap<String, String> configuration = new TreeMap<>();
    SortedMap<String, String> schemaFiles = new TreeMap<>();
    for (String key : stored.stringPropertyNames()) {
      if (key.startsWith(CONFIGURATION)) {
        configuration.put(key.substring(CONFIGURATION.length()), stored.getProperty(key));
      } else if (key.startsWith(SCHEMA_FILE)) {
        schemaFiles.put(key.substring(SCHEMA_FILE.length()), stored.getProperty(key));
      }
    }
    return Optional.of(new GenerationState(FORMAT, tool, configuration, schemaFiles, output));
  }

  /** Writes the state atomically: a half-written state file must never pass for a valid one. */
  public void save(Path file) {
    SortedMap<String, String> state = new TreeMap<>();
    state.put("version", String.valueOf(version));
    state.put("tool", tool);
    state.put("output", output);
    configuration.forEach((key, value) -> state.put(CONFIGURATION + key, value));
    schemaFiles.forEach((path, hash) -> state.put(SCHEMA_FILE + path, hash));
    String text = PropertiesText.of("workers-ai generation, the last successful run: regenerates when any of this changes",
        state);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Why a run with these inputs must generate, given the stored state; empty when nothing changed
   * and the output folder is exactly as the last run left it. Reads every generated file.
   */
  public Optional<String> reasonToGenerate(Optional<GenerationState> stored, Path outputDirectory) {
    return reasonToGenerate(stored, outputDirectory, FileHashes.none());
  }

  /** {@link #reasonToGenerate(Optional, Path)}, reading only the generated files whose recorded stamp moved. */
  public Optional<String> reasonToGenerate(Optional<GenerationState> stored, Path outputDirectory, FileHashes hashes) {
    Optional<String> noRecord = noRecord(stored);
    if (noRecord.isPresent()) {
      return noRecord;
    }
    GenerationState before = stored.get();
    if (before.version != version || !before.tool.equals(tool)) {
      return Optional.of("the generator changed (" + before.tool + " -> " + tool + ")");
    }
    if (!before.configuration.equals(configuration)) {
      return Optional.of("the configuration changed (" + changedKeys(before.configuration, configuration) + ")");
    }
    if (!before.schemaFiles.equals(schemaFiles)) {
      return Optional.of("schema files changed: " + changedFiles(before.schemaFiles, schemaFiles));
    }
    if (!before.output.equals(hashes.treeDigest(outputDirectory))) {
      return Optional.of("the generated sources in " + outputDirectory + " were edited or deleted since the last run");
    }
    return Optional.empty();
  }

  /**
   * A build's up-to-date check: why {@code request} must generate, compared with the state a
   * successful run saved to {@code stateFile}; empty when it is up to date. Reads only the files whose
   * stamp in {@code hashes} moved. With no record of an earlier run (a clean build) it reads nothing:
   * there is nothing to compare with, and the generation hashes each input as it reads it.
   *
   * @param tool the generating tool's identity ({@link #tool})
   * @param inputs the request's inputs ({@link GenerationRequest#inputs}), listed already
   */
  public static Optional<String> check(String tool, GenerationRequest request, List<Path> inputs, Path stateFile,
      FileHashes hashes) {
    Optional<GenerationState> stored = load(stateFile);
    Optional<String> noRecord = noRecord(stored);
    if (noRecord.isPresent()) {
      return noRecord;
    }
    return ofInputs(tool, request, inputs, hashes).reasonToGenerate(stored, request.outputDirectory(), hashes);
  }

  /**
   * After a successful generation of {@code request}: saves the state of its {@code inputs} (through
   * {@code hashes}, which hold the hashes of the bytes the generation parsed) with the output's digest
   * to {@code stateFile}, and the stamps of every file looked at to {@code stampsFile}, for the next
   * {@link #check}.
   */
  public static void recordRun(String tool, GenerationRequest request, List<Path> inputs, FileHashes hashes,
      Path stateFile, Path stampsFile) {
    ofInputs(tool, request, inputs, hashes).withOutputOf(request.outputDirectory(), hashes).save(stateFile);
    hashes.save(stampsFile);
  }

  /**
   * The reason to generate that needs no state of the inputs: there is no usable record of an earlier
   * run, so any inputs must generate ({@link #check} hashes nothing then).
   */
  public static Optional<String> noRecord(Optional<GenerationState> stored) {
    return stored.isEmpty() ? Optional.of("there is no record of an earlier run") : Optional.empty();
  }

  private static String changedKeys(Map<String, String> before, Map<String, String> after) {
    TreeMap<String, String> all = new TreeMap<>(before);
    all.putAll(after);
    return String.join(", ", all.keySet().stream().filter(k -> !String.valueOf(before.get(k)).equals(String.valueOf(after.get(k)))).toList());
  }

  private static String changedFiles(Map<String, String> before, Map<String, String> after) {
    List<String> changes = new ArrayList<>();
    TreeMap<String, String> all = new TreeMap<>(before);
    all.putAll(after);
    all.keySet().forEach(file -> {
      if (!before.containsKey(file)) {
        changes.add(file + " added");
      } else if (!after.containsKey(file)) {
        changes.add(file + " removed");
      } else if (!before.get(file).equals(after.get(file))) {
        changes.add(file + " modified");
      }
    });
    String shown = String.join(", ", changes.subList(0, Math.min(3, changes.size())));
    return changes.size() > 3 ? shown + " and " + (changes.size() - 3) + " more" : shown;
  }
}
