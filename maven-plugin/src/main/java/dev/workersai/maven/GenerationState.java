package dev.workersai.maven;

import dev.workersai.catalog.CatalogReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The record of the last successful {@code generate}: a SHA-256 of every schema file the generator
 * reads, the effective configuration, the plugin's version (and, for a SNAPSHOT, its jars), and a
 * digest of the generated sources. Stored as a properties file, {@value #FILE_NAME}; a run whose
 * fingerprint equals the stored one has nothing to do.
 *
 * <p>This check is all an unchanged build pays for, so it uses only the JDK: reading and writing the
 * state with Jackson's {@code ObjectMapper} (the first format) cost more CPU in a fresh Maven JVM than
 * hashing every schema file and generated source.
 *
 * @param version the state file format
 * @param plugin the plugin version, plus jar digests for SNAPSHOT builds
 * @param configuration effective options, by parameter name
 * @param schemaFiles path relative to the schema folder → SHA-256
 * @param output digest of every file under the output folder, {@code ""} before generation
 */
record GenerationState(
    int version, String plugin, SortedMap<String, String> configuration, SortedMap<String, String> schemaFiles,
    String output) {

  /** The state file inside the plugin's work folder. */
  static final String FILE_NAME = "state-v2.properties";

  private static final int FORMAT = 2;
  private static final String CONFIGURATION = "configuration.";
  private static final String SCHEMA_FILE = "schema.";

  GenerationState {
    configuration = new TreeMap<>(configuration);
    schemaFiles = new TreeMap<>(schemaFiles);
  }

  /** The fingerprint of the inputs; {@link #output()} is left empty. */
  static GenerationState ofInputs(String plugin, Map<String, String> configuration, Path schemaDirectory) {
    return new GenerationState(FORMAT, plugin, new TreeMap<>(configuration), hashSchemaFiles(schemaDirectory), "");
  }

  /** Whether the schema folder holds a model file at all, rather than nothing or only the rate limits. */
  boolean hasModelFiles() {
    return schemaFiles.keySet().stream()
        .anyMatch(file -> CatalogReader.isModelFileName(file.substring(file.lastIndexOf('/') + 1)));
  }

  /** This fingerprint with the digest of the output folder as it is now. */
  GenerationState withOutputOf(Path outputDirectory) {
    return new GenerationState(version, plugin, configuration, schemaFiles, digestTree(outputDirectory));
  }

  /** The stored state, empty when there is none or it cannot be read (then generation simply runs). */
  static Optional<GenerationState> load(Path file) {
    Properties stored = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      stored.load(in);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    String version = stored.getProperty("version");
    String plugin = stored.getProperty("plugin");
    String output = stored.getProperty("output");
    if (!String.valueOf(FORMAT).equals(version) || plugin == null || output == null) {
      return Optional.empty();
    }
    SortedMap<String, String> configuration = new TreeMap<>();
    SortedMap<String, String> schemaFiles = new TreeMap<>();
    stored.stringPropertyNames().forEach(key -> {
      if (key.startsWith(CONFIGURATION)) {
        configuration.put(key.substring(CONFIGURATION.length()), stored.getProperty(key));
      } else if (key.startsWith(SCHEMA_FILE)) {
        schemaFiles.put(key.substring(SCHEMA_FILE.length()), stored.getProperty(key));
      }
    });
    return Optional.of(new GenerationState(FORMAT, plugin, configuration, schemaFiles, output));
  }

  /** Writes the state atomically: a half-written state file must never pass for a valid one. */
  void save(Path file) {
    Properties state = new Properties();
    state.setProperty("version", String.valueOf(version));
    state.setProperty("plugin", plugin);
    state.setProperty("output", output);
    configuration.forEach((key, value) -> state.setProperty(CONFIGURATION + key, value));
    schemaFiles.forEach((path, hash) -> state.setProperty(SCHEMA_FILE + path, hash));
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
      try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        state.store(out, "workers-ai:generate, the last successful run: regenerates when any of this changes");
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Why a run with these inputs must generate, given the stored state; empty when nothing changed
   * and the output folder is exactly as the last run left it.
   */
  Optional<String> reasonToGenerate(Optional<GenerationState> stored, Path outputDirectory) {
    if (stored.isEmpty()) {
      return Optional.of("there is no record of an earlier run");
    }
    GenerationState before = stored.get();
    if (before.version != version || !before.plugin.equals(plugin)) {
      return Optional.of("the plugin changed (" + before.plugin + " -> " + plugin + ")");
    }
    if (!before.configuration.equals(configuration)) {
      return Optional.of("the configuration changed (" + changedKeys(before.configuration, configuration) + ")");
    }
    if (!before.schemaFiles.equals(schemaFiles)) {
      return Optional.of("schema files changed: " + changedFiles(before.schemaFiles, schemaFiles));
    }
    if (!before.output.equals(digestTree(outputDirectory))) {
      return Optional.of("the generated sources in " + outputDirectory + " were edited or deleted since the last run");
    }
    return Optional.empty();
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

  /** The files {@link CatalogReader} reads: {@code *.json} at the top and in {@code models/}. */
  private static SortedMap<String, String> hashSchemaFiles(Path schemaDirectory) {
    SortedMap<String, String> hashes = new TreeMap<>();
    for (Path folder : List.of(schemaDirectory, schemaDirectory.resolve(CatalogReader.MODELS_FOLDER))) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
        for (Path file : files) {
          if (Files.isRegularFile(file)) {
            hashes.put(schemaDirectory.relativize(file).toString().replace('\\', '/'), sha256(file));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
      }
    }
    return hashes;
  }

  /** One digest over every file's relative path and bytes; {@code "absent"} for a missing folder. */
  static String digestTree(Path root) {
    if (!Files.isDirectory(root)) {
      return "absent";
    }
    try (Stream<Path> walk = Files.walk(root)) {
      MessageDigest digest = newDigest();
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        digest.update(root.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(HexFormat.of().parseHex(sha256(file)));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + root + ": " + e.getMessage(), e);
    }
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest = newDigest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    } catch (NoSuchFileException e) {
      return "absent";
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
