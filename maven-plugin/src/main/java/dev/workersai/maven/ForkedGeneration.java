package dev.workersai.maven;

import dev.workersai.generator.build.BuildLog;
import dev.workersai.generator.build.ChildArguments;
import dev.workersai.generator.build.ChildGeneration;
import dev.workersai.generator.build.ChildLine;
import dev.workersai.generator.build.FailureKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Runs a generation in a JVM of its own ({@link ChildJvm}, main class {@link ChildGeneration}) and
 * relays what it reports ({@link ChildLine}) to the goal's log, on the goal's thread; its standard
 * error goes to the log as warnings. A failure fails the goal as the same failure in Maven's JVM
 * would ({@link GenerationFailures}). An interrupted goal stops the child. With a {@link ClassDataCache}
 * the child maps the classes an earlier child stored, or stores them as it exits.
 */
final class ForkedGeneration {
  /** The argument file, in the goal's work folder; kept after the run, to rerun the child by hand. */
  static final String ARG_FILE = "fork.args";
  /** Marks what the child wrote outside the protocol: its standard error, stray standard output. */
  private static final String FROM_CHILD = "[forked JVM] ";
  /** Marks the end of one of the child's two streams in the queue. */
  private static final ChildLine END = new ChildLine(ChildLine.Type.DEBUG, "end of stream");

  private final Log log;
  private final Path java;
  private final Class<?> mainClass;
  private final String classPath;
  private final Optional<ClassDataCache> cache;

  /**
   * Runs {@link ChildGeneration} with the {@code java} launcher {@code java} ({@link ChildJvm#java}),
   * with the class data archives of {@code cache}, if given.
   */
  ForkedGeneration(Log log, Path java, Optional<ClassDataCache> cache) {
    this(log, java, ChildGeneration.class, ChildJvm.classPath(ChildGeneration.class), cache);
  }

  /** Runs another main class that speaks the same protocol, from {@code classPath}: the relay's tests. */
  ForkedGeneration(Log log, Path java, Class<?> mainClass, String classPath, Optional<ClassDataCache> cache) {
    this.log = log;
    this.java = java;
    this.mainClass = mainClass;
    this.classPath = classPath;
    this.cache = cache;
  }

  /**
   * Runs the generation in a child JVM; {@code false} when no JVM could be started (the reason is
   * logged as a warning), and the caller generates in-process instead.
   */
  boolean run(ChildArguments args, Path workDirectory) throws MojoFailureException, MojoExecutionException {
    List<String> flags = ChildJvm.flags(Runtime.getRuntime().maxMemory());
    ClassDataCache.Use sharing = cache.map(c -> c.prepare(classPath, flags)).orElse(ClassDataCache.Use.NONE);
    OptionalInt status = run(args, workDirectory, flags, sharing);
    if (status.isPresent() && status.getAsInt() != ChildGeneration.OK && sharing.pending().isPresent()) {
      // A JVM that cannot write its archive as it exits (a full disk, the folder deleted meanwhile) fails.
      log.debug("The forked JVM that was to store a class data archive exited with status " + status.getAsInt()
          + "; generating again without one.");
      status = run(args, workDirectory, flags, ClassDataCache.Use.NONE);
    }
    if (status.isEmpty()) {
      return false;
    }
    if (status.getAsInt() != ChildGeneration.OK) {
      throw new MojoExecutionException("The forked generation JVM exited with status " + status.getAsInt()
          + " without reporting a result (see the warnings above); -Dworkers-ai.fork=false generates in Maven's JVM"
          + " instead.");
    }
    return true;
  }

  /** One child JVM's run: its exit status, or none when it could not start; a failure it reports is raised. */
  private OptionalInt run(ChildArguments args, Path workDirectory, List<String> flags, ClassDataCache.Use sharing)
      throws MojoFailureException, MojoExecutionException {
    List<String> jvmFlags = new ArrayList<>(flags);
    jvmFlags.addAll(sharing.flags());
    List<String> command = ChildJvm.command(java, jvmFlags, workDirectory.resolve(ARG_FILE), classPath, mainClass,
        args.toList());
    log.debug("Forking: " + String.join(" ", command));
    ProcessBuilder builder = new ProcessBuilder(command);
    ChildJvm.withhold(builder.environment());
    Process child = null;
    try {
      child = builder.start();
      int status = relayUntilExit(child);
      if (status == ChildGeneration.OK) {
        sharing.pending().ifPresent(ClassDataCache.Pending::store);
      }
      return OptionalInt.of(status);
    } catch (IOException e) {
      log.warn("Cannot start a JVM to generate in (" + e.getMessage() + "); generating in Maven's JVM instead."
          + " Set workers-ai.fork to false to skip the attempt.");
      return OptionalInt.empty();
    } finally {
      if (child != null) {
        child.destroyForcibly();   // no-op once it exited; stops it when the goal was interrupted or failed
      }
      sharing.pending().ifPresent(ClassDataCache.Pending::discard);
    }
  }

  /** Relays the child's lines until it exits; raises the failure it reported, else returns its exit status. */
  private int relayUntilExit(Process child) throws MojoFailureException, MojoExecutionException {
    BlockingQueue<ChildLine> lines = new LinkedBlockingQueue<>();
    Charset stderrCharset = Charset.forName(System.getProperty("native.encoding", Charset.defaultCharset().name()));
    read(child.getInputStream(), StandardCharsets.UTF_8, line -> ChildLine.decode(line)
        .orElseGet(() -> new ChildLine(ChildLine.Type.WARN, FROM_CHILD + line)), lines);
    read(child.getErrorStream(), stderrCharset, line -> new ChildLine(ChildLine.Type.WARN, FROM_CHILD + line), lines);
    Optional<ChildLine> failure = Optional.empty();
    int status;
    BuildLog buildLog = new MavenBuildLog(log);
    try {
      for (int open = 2; open > 0; ) {
        ChildLine line = lines.take();
        if (line == END) {
          open--;
        } else if (line.type().failureKind().isPresent()) {
          failure = Optional.of(line);
        } else {
          relay(line, buildLog);
        }
      }
      status = child.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("Interrupted while generating in a forked JVM; the JVM was stopped.", e);
    }
    if (failure.isPresent()) {
      FailureKind kind = failure.get().type().failureKind().get();
      String message = failure.get().text();
      GenerationFailures.raise(kind, kind == FailureKind.INTERNAL
          ? "The forked generation JVM failed: " + message + " (its stack trace is in the warnings above)" : message, null);
    }
    return status;
  }

  private static void relay(ChildLine line, BuildLog log) {
    switch (line.type()) {
      case WARN -> log.warn(line.text());
      case DEBUG -> log.debug(line.text());
      default -> log.info(line.text());
    }
  }

  /** Reads a stream of the child on a thread of its own into {@code lines}, then {@link #END}. */
  private static void read(InputStream stream, Charset charset, Function<String, ChildLine> toLine,
      BlockingQueue<ChildLine> lines) {
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, charset))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(toLine.apply(line));
        }
      } catch (IOException e) {
        // the stream closed under the reader: the child was stopped
      } finally {
        lines.add(END);
      }
    }, "workers-ai fork reader");
    reader.setDaemon(true);
    reader.start();
  }
}
