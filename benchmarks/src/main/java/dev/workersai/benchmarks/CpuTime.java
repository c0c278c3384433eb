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
 *
 * <p>Where the measured code itself runs on several threads (the generator renders files in
 * parallel), {@link #recordProcess} also keeps the whole process's CPU time per operation, printed as
 * {@code [cpu-process] ...}: it includes the JIT compiler and the garbage collector, for both sides.
 */
@State(Scope.Thread)
public class CpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private long iterationCpuNanos;
  private long iterationOperations;
  private long measuredCpuNanos;
  private long measuredOperations;
  private long iterationProcessNanos;
  private long measuredProcessNanos;
  private String benchmark = "";

  /** The current thread's CPU time, to pass back to {@link #record}. */
  static long now() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /** The CPU time of the whole process so far, to pass back to {@link #recordProcess}. */
  static long processNow() {
    return OS.getProcessCpuTime();
  }

  /** Adds the process's CPU time since {@code start} to the operations {@link #record} counts. */
  void recordProcess(long start) {
    iterationProcessNanos += processNow() - start;
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
      measuredProcessNanos += iterationProcessNanos;
    }
    iterationCpuNanos = 0;
    iterationProcessNanos = 0;
    iterationOperations = 0;
    benchmark = params.getBenchmark().replaceFirst("^.*\\.(\\w+\\.\\w+)$", "$1")
        + params.getParamsKeys().stream().map(k -> " " + k + "=" + params.getParam(k)).reduce("", String::concat);
  }

  /** Prints the measured CPU per operation of this thread. */
  @TearDown(Level.Trial)
  public void report() {
    if (measuredOperations > 0) {
      System.out.printf("%n[cpu] %s: %.1f ns/op%n", benchmark, measuredCpuNanos / (double) measuredOperations);
      if (measuredProcessNanos > 0) {
        System.out.printf("[cpu-process] %s: %.1f ns/op%n", benchmark, measuredProcessNanos / (double) measuredOperations);
      }
    }
  }
}
