package dev.workersai.benchmarks;

import dev.workersai.runtime.RateLimiter;
import dev.workersai.runtime.model.ModelDescriptor;
import dev.workersai.runtime.model.RateLimit;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the client-side rate limiter adds to every call when it does not need to wait: one {@link
 * RateLimiter#acquire} on the default per-model token buckets.
 *
 * <p>The limited model's budget is so large ({@link Integer#MAX_VALUE} requests per minute) that the
 * bucket never runs dry, so the score is bookkeeping, not sleeping; an acquire that would have to
 * wait fails the benchmark rather than skewing it.
 */
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RateLimiterBenchmark {
  private final RateLimiter limiter = RateLimiter.perModelTokenBuckets();
  private final ModelDescriptor limited = new ModelDescriptor(
      "@cf/meta/llama-3.1-8b-instruct", "Text Generation", Integer.MAX_VALUE,
      RateLimit.Source.MODEL_OVERRIDE, false);
  private final ModelDescriptor unlimited = ModelDescriptor.of("@cf/meta/llama-3.1-8b-instruct", "Text Generation");

  /** Acquires per invocation, so reading the CPU clock around them costs next to nothing per acquire. */
  static final int BATCH = 1000;

  private void acquire(ModelDescriptor model, CpuTime cpu) throws InterruptedException {
    long start = CpuTime.now();
    for (int i = 0; i < BATCH; i++) {
      if (!limiter.acquire(model, Duration.ZERO)) {
        throw new IllegalStateException("the bucket ran dry: the benchmark would measure waiting");
      }
    }
    cpu.record(start, BATCH);
  }

  /** One thread taking permits for a model with a published limit. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void acquireLimited(CpuTime cpu) throws InterruptedException {
    acquire(limited, cpu);
  }

  /** Two threads taking permits from the same model's bucket (one lock). */
  @Benchmark
  @Threads(2)
  @OperationsPerInvocation(BATCH)
  public void acquireLimitedContended(CpuTime cpu) throws InterruptedException {
    acquire(limited, cpu);
  }

  /** A model with no published limit: the fast path that only checks the descriptor. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void acquireUnknownLimit(CpuTime cpu) throws InterruptedException {
    acquire(unlimited, cpu);
  }
}
