package dev.workersai.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An emulator in a JVM of its own, started through the command line: freshly started (cold, as in
 * the load reports) and with a heap of its own size, so memory tests cannot disturb this JVM.
 */
final class ChildEmulator implements AutoCloseable {
  private static final String BANNER = "Workers AI emulator listening on ";

  private final Process process;
  private final Path stderr;
  private final String rootUrl;

  private ChildEmulator(Process process, Path stderr, String rootUrl) {
    this.process = process;
    this.stderr = stderr;
    this.rootUrl = rootUrl;
  }

  /** Starts {@code cli.Main} with {@code -Xmx<maxHeap>}, the test snapshot, a free port, token "t", and {@code args}. */
  static ChildEmulator start(String maxHeap, String... args) throws IOException {
    Path stderr = Files.createTempFile("child-emulator", ".stderr");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + maxHeap,
        "-cp", System.getProperty("java.class.path"), "dev.workersai.emulator.cli.Main",
        "--schemas", TestSnapshot.DIR.toString(), "--port", "0", "--token", "t"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    // Main prints its banner once it listens, or exits with the reason on stderr.
    for (String line; (line = out.readLine()) != null; ) {
      if (line.startsWith(BANNER)) {
        return new ChildEmulator(process, stderr, line.substring(BANNER.length()).trim());
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("the child emulator did not start: " + Files.readString(stderr));
  }

  /** Such as {@code http://127.0.0.1:43123}. */
  String rootUrl() {
    return rootUrl;
  }

  int port() {
    return Integer.parseInt(rootUrl.substring(rootUrl.lastIndexOf(':') + 1));
  }

  String runUrl(String model) {
    return rootUrl + "/client/v4/accounts/" + EmulatorConfig.DEFAULT_ACCOUNT_ID + "/ai/run/" + model;
  }

  /** What the child wrote to stderr so far. */
  String stderr() {
    try {
      return Files.readString(stderr);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Files.deleteIfExists(stderr);
  }
}
