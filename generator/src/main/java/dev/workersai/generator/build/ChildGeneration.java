package dev.workersai.generator.build;

import dev.workersai.generator.write.FileHashes;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The main class of the short-lived JVM a build tool forks to generate (the Maven goal's
 * {@code fork}): it runs {@link IncrementalGeneration} for the {@link ChildArguments} it is given and
 * reports over standard output in {@link ChildLine}s. Exit status {@value #OK}, or {@value #FAILED}
 * after a failure line. Its input hashing is a stat per file when the parent's check hashed them: the
 * parent saved their stamps, and a file that moved since is hashed as the generation reads it. On a
 * clean build (no record of an earlier run) the check hashes nothing and this JVM hashes each input
 * as the generation reads it, once.
 */
public final class ChildGeneration {
  /** Exit status of a successful run. */
  public static final int OK = 0;
  /** Exit status after a failure line. */
  public static final int FAILED = 1;

  private ChildGeneration() {}

  public static void main(String[] args) {
    // Buffered, written out once at the end: the lines (a few hundred notes) all come after the
    // generation anyway, and a flush per line is two system calls each in a JVM that has compiled nothing.
    PrintStream protocol = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
        false, StandardCharsets.UTF_8);
    // Whatever else writes to System.out (a library) goes to standard error and cannot break a line.
    System.setOut(System.err);
    int status;
    try {
      status = run(ChildArguments.parse(Arrays.asList(args)), new LineLog(protocol));
    } finally {
      protocol.flush();
    }
    System.exit(status);
  }

  /** Runs the generation, reporting to {@code log}; returns the exit status. */
  static int run(ChildArguments args, LineLog log) {
    try {
      IncrementalGeneration.run(args.request(), args.tool(), args.request().inputs(), FileHashes.load(args.stampsFile()),
          args.stateFile(), args.stampsFile(), log);
      return OK;
    } catch (RuntimeException e) {
      FailureKind kind = FailureKind.of(e);
      if (kind == FailureKind.INTERNAL) {
        e.printStackTrace();   // standard error: the parent shows it as warnings
      }
      String message = kind == FailureKind.INTERNAL || e.getMessage() == null ? e.toString() : e.getMessage();
      log.write(new ChildLine(ChildLine.Type.failure(kind), message));
      return FAILED;
    }
  }

  /** A {@link BuildLog} that writes {@link ChildLine}s. */
  static final class LineLog implements BuildLog {
    private final PrintStream out;

    LineLog(PrintStream out) {
      this.out = out;
    }

    @Override
    public void info(String text) {
      write(new ChildLine(ChildLine.Type.INFO, text));
    }

    @Override
    public void warn(String text) {
      write(new ChildLine(ChildLine.Type.WARN, text));
    }

    @Override
    public void debug(String text) {
      write(new ChildLine(ChildLine.Type.DEBUG, text));
    }

    void write(ChildLine line) {
      out.print(line.encode());
      out.print('\n');   // not println: the protocol's line end is the same on every platform
    }
  }
}
