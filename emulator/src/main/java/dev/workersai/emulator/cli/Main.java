package dev.workersai.emulator.cli;

import dev.workersai.emulator.WorkersAiEmulator;
import dev.workersai.emulator.fault.FaultSpec;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar workers-ai-emulator.jar --schemas DIR --port N [--token T]}: starts the
 * emulator, prints where it listens, the token and the {@code export} lines for
 * {@code WorkersAi.fromEnv()}, and serves until Ctrl-C.
 */
public final class Main {
  private Main() {}

  /** Runs the emulator until the JVM is stopped; exits with status 2 on a bad command line. */
  public static void main(String[] args) throws InterruptedException {
    CommandLine commandLine;
    try {
      commandLine = CommandLine.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(CommandLine.USAGE);
      System.exit(2);
      return;
    }
    if (commandLine.help()) {
      System.out.println(CommandLine.USAGE);
      return;
    }
    WorkersAiEmulator emulator;
    try {
      emulator = start(commandLine, System.out);
    } catch (RuntimeException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }, "workers-ai-emulator-shutdown"));
    stopped.await();
  }

  /** The shell lines that make {@code WorkersAi.fromEnv()} call this emulator. */
  static List<String> exportLines(WorkersAiEmulator emulator) {
    return List.of(
        "export CLOUDFLARE_ACCOUNT_ID=" + shellQuoted(emulator.accountId()),
        "export CLOUDFLARE_API_TOKEN=" + shellQuoted(emulator.token()),
        "export WORKERS_AI_BASE_URL=" + shellQuoted(emulator.baseUrl()));
  }

  /** The value as is when the shell reads it literally, else in single quotes. */
  private static String shellQuoted(String value) {
    return value.matches("[A-Za-z0-9_./:@%+=,-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
  }

  /** Starts the emulator described by {@code commandLine} and prints its banner to {@code out}. */
  public static WorkersAiEmulator start(CommandLine commandLine, PrintStream out) {
    WorkersAiEmulator emulator = WorkersAiEmulator.start(commandLine.config());
    for (FaultSpec fault : commandLine.faults()) {
      fault.installInto(emulator.faults());
    }
    out.println("Workers AI emulator listening on " + emulator.rootUrl());
    out.println("  base URL   " + emulator.baseUrl());
    out.println("  account id " + emulator.accountId());
    out.println("  API token  " + emulator.token());
    out.println("  gateway    " + emulator.gatewayUrl("{gateway}"));
    out.println("  models     " + emulator.modelIds().size() + " from " + commandLine.config().schemas());
    if (!commandLine.faults().isEmpty()) {
      out.println("  faults     " + commandLine.faults().size() + " installed");
    }
    out.println("To point WorkersAi.fromEnv() at it, in another shell:");
    exportLines(emulator).forEach(line -> out.println("  " + line));
    out.println("Press Ctrl-C to stop.");
    out.flush();
    return emulator;
  }
}
