package dev.workersai.generator.write;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/** SHA-256 of a file and of a folder tree, and the identity of a jar, with the JDK only. */
public final class Digests {
  /**
   * The file name of a tool's own state inside an output folder (the CLI keeps it there); a tree
   * digest leaves it out, since it is written after the digest is taken.
   */
  public static final String STATE_IN_OUTPUT = ".workers-ai-state.properties";
  /** The file name of the CLI's file stamps inside an output folder; left out of a tree digest likewise. */
  public static final String STAMPS_IN_OUTPUT = ".workers-ai-file-stamps";

  private static final Map<Path, String> LOADED_JARS = new ConcurrentHashMap<>();

  private Digests() {}

  /** The file's SHA-256 in hex; {@code "absent"} when it does not exist. */
  public static String sha256(Path file) {
    MessageDigest digest = newDigest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    } catch (NoSuchFileException e) {
      return "absent";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The SHA-256 of {@code bytes} in hex, as {@link #sha256(Path)} gives it for a file holding them. */
  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(newDigest().digest(bytes));
  }

  /**
   * 16 hex digits that identify the code a class was loaded from: its jar ({@link #jar}), or the
   * SHA-256 of the whole folder of a build's own output (where the version number says nothing
   * about the code).
   */
  public static String codeOf(Class<?> type) {
    return codeOf(type, Digests::sha256);
  }

  /**
   * {@link #codeOf(Class)}, with the SHA-256 (hex) of each file of a build output folder from
   * {@code fileHash}, which may know it without reading. A jar's identity is taken once while
   * this class is loaded: the classes of one jar share it (all of them, in the plugin's one jar).
   */
  public static String codeOf(Class<?> type, Function<Path, String> fileHash) {
    Path location;
    try {
      location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return "unknown";
    }
    return Files.isRegularFile(location) ? LOADED_JARS.computeIfAbsent(location, Digests::jar)
        : tree(location, fileHash).substring(0, 16);
  }

  /**
   * A jar's identity, 16 hex digits: checksums of its central directory ({@link JarContents}),
   * which lists each entry's CRC-32, so that megabytes of classes are not read; the first 16 digits
   * of the whole file's SHA-256 when that directory cannot be read so; {@code "absent"} for a
   * missing file.
   */
  public static String jar(Path jar) {
    try {
      return JarContents.identity(jar).orElseGet(() -> sha256(jar).substring(0, 16));
    } catch (NoSuchFileException e) {
      return "absent";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jar + ": " + e.getMessage(), e);
    }
  }

  /** One digest over every file's relative path and bytes; {@code "absent"} for a missing folder. */
  public static String tree(Path root) {
    return tree(root, Digests::sha256);
  }

  /** {@link #tree(Path)}, with each file's SHA-256 (hex) from {@code fileHash}, which may know it without reading. */
  public static String tree(Path root, Function<Path, String> fileHash) {
    if (!Files.isDirectory(root)) {
      return "absent";
    }
    try (Stream<Path> walk = Files.walk(root)) {
      MessageDigest digest = newDigest();
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        if (relative.equals(STATE_IN_OUTPUT) || relative.equals(STAMPS_IN_OUTPUT)) {
          continue;
        }
        digest.update(relative.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(HexFormat.of().parseHex(fileHash.apply(file)));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + root + ": " + e.getMessage(), e);
    }
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
