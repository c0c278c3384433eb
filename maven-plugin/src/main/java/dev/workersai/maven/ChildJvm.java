package dev.workersai.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line of the JVM the goal forks to generate: the {@code java} of the JVM running Maven,
 * flags for a job of a second or two, and an argument file ({@code java @file}) holding the class
 * path, the main class and its arguments, so that a long class path or an odd character in a glob
 * meets no command-line limit or quoting rule of the platform.
 */
final class ChildJvm {
  /**
   * C1 only: a generation is over before C2's compilations (mostly of JDK methods) pay for
   * themselves. The serial collector and no perf-data file: less memory and start-up for a JVM that
   * lives a second. A small heap to start with (the bundled catalog's live data is 10-15 MB; a
   * default initial heap of 1/64 of the machine's memory doubles the child's footprint), a young
   * generation big enough that it is collected a few times, not dozens; the heap grows as a bigger
   * catalog needs ({@link #flags}). See docs/performance.md, round 6.
   */
  static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
      "-Xms24m", "-Xmn16m");

  /**
   * Left out of the child's environment: the API token (generation never needs it), and the
   * variables through which the java launcher adds the user's flags, and prints them to standard
   * error, which would repeat them in the build log as warnings.
   */
  static final List<String> WITHHELD_ENVIRONMENT =
      List.of(ApiTokenLookup.ENV, "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

  private ChildJvm() {}

  /** The {@code java} launcher of the JVM running this code. */
  static Path java() {
    boolean windows = System.getProperty("os.name", "").startsWith("Windows");
    return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
  }

  /**
   * The class path that holds {@code mainClass} and what it needs: the jars of the plugin's class
   * realm (the plugin jar is shaded: it alone holds the generator and its libraries), or this JVM's
   * class path when it was not loaded by a realm (the plugin's own tests).
   */
  static String classPath(Class<?> mainClass) {
    if (mainClass.getClassLoader() instanceof URLClassLoader realm && realm.getURLs().length > 0) {
      List<String> entries = new ArrayList<>();
      for (URL url : realm.getURLs()) {
        try {
          entries.add(Path.of(url.toURI()).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
          throw new IllegalStateException("cannot use the plugin class path entry " + url + " for a forked JVM", e);
        }
      }
      return String.join(File.pathSeparator, entries);
    }
    return System.getProperty("java.class.path");
  }

  /**
   * Writes {@code argFile} with the class path, main class and arguments, and returns the command
   * that runs them with the launcher {@code java} and the JVM flags {@code flags} ({@link #flags},
   * and those of a {@link ClassDataCache}: kept out of the file, which is for rerunning the child by hand).
   */
  static List<String> command(Path java, List<String> flags, Path argFile, String classPath, Class<?> mainClass,
      List<String> args) {
    StringBuilder text = new StringBuilder();
    List<String> all = new ArrayList<>(List.of("-cp", classPath, mainClass.getName()));
    all.addAll(args);
    for (String arg : all) {
      text.append(quoted(arg)).append('\n');
    }
    try {
      Files.createDirectories(argFile.toAbsolutePath().getParent());
      // the launcher reads the file's bytes as it reads its command line: in the platform's encoding
      Files.writeString(argFile, text, Charset.forName(System.getProperty("sun.jnu.encoding",
          Charset.defaultCharset().name())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + argFile + ": " + e.getMessage(), e);
    }
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(flags);
    command.add("@" + argFile.toAbsolutePath());
    return command;
  }

  /**
   * {@link #FLAGS}, and the heap limit of the JVM running Maven ({@code maxHeapBytes}): a catalog
   * Maven's JVM could generate, the child can too, whatever the machine's default would be.
   */
  static List<String> flags(long maxHeapBytes) {
    List<String> flags = new ArrayList<>(FLAGS);
    if (maxHeapBytes != Long.MAX_VALUE) {
      flags.add("-Xmx" + Math.max(maxHeapBytes >> 20, 64) + "m");
    }
    return flags;
  }

  /** The environment the child gets: this one, without {@link #WITHHELD_ENVIRONMENT}. */
  static void withhold(Map<String, String> environment) {
    WITHHELD_ENVIRONMENT.forEach(environment::remove);
  }

  /**
   * An argument as the launcher's argument-file syntax reads it: in double quotes, where a backslash
   * escapes the next character and {@code \n}, {@code \r} stand for line ends. Quoting every argument
   * keeps spaces, {@code #} and {@code @} literal.
   */
  static String quoted(String arg) {
    StringBuilder quoted = new StringBuilder(arg.length() + 2).append('"');
    for (int i = 0; i < arg.length(); i++) {
      char c = arg.charAt(i);
      switch (c) {
        case '\\' -> quoted.append("\\\\");
        case '"' -> quoted.append("\\\"");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        default -> quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
