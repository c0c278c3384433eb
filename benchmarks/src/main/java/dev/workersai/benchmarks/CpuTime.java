package dev.workersai.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * CPU time the benchmark thread itself spent per operation, printed at the end of each fork as
 * {@code [cpu] <benchmark> <params>: N ns/op} (measurement iterations only).
 *
 * <p>Why: on a small machine shared with other work, wall-clock scores mostly measure how long the
 * thread waited for a core. Thread CPU time leaves the waiting out, so it shows the code's own cost
 * far more steadily. It does not include work done on other threads (the local server's, OkHttp's
 * timeout watchdog), which both sides of a comparison share.
 */
@State(Scope.Thread)
public class CpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private long iterationCpuNanos;
  private long iterationOperations;
  private long measuredCpuNanos;
  private long measuredOperations;
  private String benchmark = "";

  /** The current thread's CPU time, to pass back to {@link #record}. */
  static long now() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /** Adds the CPU time since {@code start} as spent on {@code count} operations. */
  void record(long start, long count) {
    iterationCpuNanos += now() - start;
    iterationOperations += count;
  }

  /** Keeps the figures of measurement iterations; warm-up is dropped. */
  @TearDown(Level.Iteration)
  public void endIteration(IterationParams iteration, BenchmarkParams params) {
    if (iteration.getType() == IterationType.MEASUREMENT) {
      measuredCpuNanos += iterationCpuNanos;
      measuredOperations += iterationOperations;
    }
    iterationCpuNanos = 0;
    iterationOperations = 0;
    benchmark = params.getBenchmark().replaceFirst("^.*\\.(\\w+\\.\\w+)$", "$1")
        + params.getParamsKeys().stream().map(k -> " " + k + "=" + params.getParam(k)).reduce("", String::concat);
  }

  /** Prints the measured CPU per operation of this thread. */
  @TearDown(Level.Trial)
  public void report() {
    if (measuredOperations > 0) {
      System.out.printf("%n[cpu] %s: %.1f ns/op%n", benchmark, measuredCpuNanos / (double) measuredOperations);
    }
  }
}
