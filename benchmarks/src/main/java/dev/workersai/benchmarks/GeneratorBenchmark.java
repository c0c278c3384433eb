package dev.workersai.benchmarks;

import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.GenerationResult;
import dev.workersai.generator.Generator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Generator#generate} over the whole bundled catalog snapshot ({@code model-schemas/}, or the
 * folder named by {@code -Dworkers-ai.schemas=...}), in three situations:
 *
 * <ul>
 *   <li>{@code cold}: the first generation in a fresh JVM (single shot, one per fork, several
 *       forks), what a build pays when the plugin runs in a new Maven process;
 *   <li>{@code warm}: the same into an empty folder once the JVM is warm (a Maven daemon, or the
 *       second module of a reactor);
 *   <li>{@code unchanged}: generating into a folder that already holds the identical output, so every
 *       file compares equal and nothing is written (the generator's own no-op path; the plugin's
 *       fingerprint check can skip even this). Since model-level incrementality, nothing is rendered
 *       either: every file's render key is as recorded;
 *   <li>{@code oneModelChanged}: one model file of a copy of the snapshot edited (an input property
 *       added, then removed, in turn) before each generation into a folder holding the previous
 *       output: what a build pays after a one-model edit (asserted: one file rendered).
 * </ul>
 *
 * The same schemas through jsonschema2pojo ({@link Jsonschema2PojoRun}), into an empty folder like
 * {@code cold} and {@code warm}, with the same fork, warm-up and measurement settings:
 * {@code jsonschema2pojoCold} and {@code jsonschema2pojoWarm}. Schemas jsonschema2pojo fails on are
 * skipped and listed at the end of the fork as {@code [jsonschema2pojo] ...}.
 *
 * <p>At the end of each fork the peak heap use is printed as {@code [heap] peak N MiB} (sum of the
 * heap pools' peaks: an upper bound that includes garbage not yet collected), and the CPU time of the
 * benchmark thread per generation as {@code [cpu] ...}, and that of the whole process (JIT and GC
 * included) as {@code [cpu-process] ...}: our generator renders files on several threads, so only the
 * process figure holds all its work.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GeneratorBenchmark {
  private Path schemas;
  private Path scratch;
  private Path output;
  private Jsonschema2PojoRun.Outcome lastJsonschema2pojo;

  @Setup(Level.Trial)
  public void locateSnapshot() throws IOException {
    schemas = Paths.get(System.getProperty("workers-ai.schemas", "model-schemas")).toAbsolutePath();
    if (!Files.isDirectory(schemas.resolve("models"))) {
      throw new IllegalStateException("no catalog snapshot at " + schemas
          + ": run from the repository root or pass -jvmArgsAppend -Dworkers-ai.schemas=<folder>");
    }
    scratch = Files.createTempDirectory("workers-ai-generate-bench");
    output = scratch.resolve("out");
  }

  @TearDown(Level.Trial)
  public void cleanUp() throws IOException {
    delete(scratch);
    if (lastJsonschema2pojo != null) {
      System.out.printf("%n[jsonschema2pojo] %s%n", lastJsonschema2pojo.summary());
      lastJsonschema2pojo.failures().forEach(failure -> System.out.printf("[jsonschema2pojo] failed: %s%n", failure));
    }
    long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .map(MemoryPoolMXBean::getPeakUsage)
        .mapToLong(usage -> usage.getUsed())
        .sum();
    System.out.printf("%n[heap] peak %d MiB%n", peak / (1024 * 1024));
  }

  private GenerationResult generate() {
    GenerationResult result = Generator.generate(GenerationRequest.of(schemas, output));
    if (result.modelsGenerated() == 0) {
      throw new IllegalStateException("the snapshot produced no models: " + result.summary());
    }
    return result;
  }

  private GenerationResult generate(CpuTime cpu) {
    long process = CpuTime.processNow();
    long start = CpuTime.now();
    GenerationResult result = generate();
    cpu.record(start, 1);
    cpu.recordProcess(process);
    return result;
  }

  private Jsonschema2PojoRun.Outcome jsonschema2pojo(CpuTime cpu) throws IOException {
    long process = CpuTime.processNow();
    long start = CpuTime.now();
    Jsonschema2PojoRun.Outcome outcome = Jsonschema2PojoRun.generate(schemas, output);
    cpu.record(start, 1);
    cpu.recordProcess(process);
    if (outcome.filesWritten() == 0) {
      throw new IllegalStateException("jsonschema2pojo wrote nothing: " + outcome.summary());
    }
    lastJsonschema2pojo = outcome;
    return outcome;
  }

  /** State for the runs that start from an empty output folder. */
  @State(Scope.Thread)
  public static class EmptyOutput {
    @Setup(Level.Invocation)
    public void empty(GeneratorBenchmark bench) throws IOException {
      delete(bench.output);
    }
  }

  /** State for the run whose output folder already holds exactly what will be generated. */
  @State(Scope.Thread)
  public static class IdenticalOutput {
    @Setup(Level.Trial)
    public void fill(GeneratorBenchmark bench) {
      bench.generate();
    }
  }

  /** A copy of the snapshot whose model file {@value #EDITED} is edited before every generation. */
  @State(Scope.Thread)
  public static class OneModelEdited {
    static final String EDITED = "bart-large-cnn.json";
    Path snapshot;
    Path output;
    private String original;
    private String edited;
    private boolean even;

    @Setup(Level.Trial)
    public void copy(GeneratorBenchmark bench) throws IOException {
      snapshot = bench.scratch.resolve("edited-snapshot");
      output = bench.scratch.resolve("edited-out");
      Files.createDirectories(snapshot.resolve("models"));
      try (Stream<Path> files = Files.list(bench.schemas.resolve("models"))) {
        for (Path file : files.toList()) {
          Files.copy(file, snapshot.resolve("models").resolve(file.getFileName()));
        }
      }
      Path limits = bench.schemas.resolve("rate-limits.json");
      if (Files.exists(limits)) {
        Files.copy(limits, snapshot.resolve("rate-limits.json"));
      }
      original = Files.readString(snapshot.resolve("models").resolve(EDITED));
      edited = original.replace("\"input_text\": {", "\"min_length\": {\"type\": \"integer\"}, \"input_text\": {");
      if (edited.equals(original)) {
        throw new IllegalStateException(EDITED + " has no input_text property to edit next to");
      }
      Generator.generate(GenerationRequest.of(snapshot, output));
    }

    @Setup(Level.Invocation)
    public void edit() throws IOException {
      even = !even;
      Files.writeString(snapshot.resolve("models").resolve(EDITED), even ? edited : original);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Fork(1)
  @Warmup(iterations = 5, time = 2)
  @Measurement(iterations = 5, time = 2)
  public GenerationResult oneModelChanged(OneModelEdited edited, CpuTime cpu) {
    long process = CpuTime.processNow();
    long start = CpuTime.now();
    GenerationResult result = Generator.generate(GenerationRequest.of(edited.snapshot, edited.output));
    cpu.record(start, 1);
    cpu.recordProcess(process);
    if (result.filesRendered() != 1 || result.filesWritten() != 1) {
      throw new IllegalStateException("a one-model edit rendered " + result.filesRendered() + " and wrote "
          + result.filesWritten() + " files: " + result.summary());
    }
    return result;
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Fork(5)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public GenerationResult cold(EmptyOutput empty, CpuTime cpu) {
    return generate(cpu);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Fork(1)
  @Warmup(iterations = 5, time = 2)
  @Measurement(iterations = 5, time = 2)
  public GenerationResult warm(EmptyOutput empty, CpuTime cpu) {
    return generate(cpu);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Fork(5)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public Jsonschema2PojoRun.Outcome jsonschema2pojoCold(EmptyOutput empty, CpuTime cpu) throws IOException {
    return jsonschema2pojo(cpu);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Fork(1)
  @Warmup(iterations = 5, time = 2)
  @Measurement(iterations = 5, time = 2)
  public Jsonschema2PojoRun.Outcome jsonschema2pojoWarm(EmptyOutput empty, CpuTime cpu) throws IOException {
    return jsonschema2pojo(cpu);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Fork(1)
  @Warmup(iterations = 5, time = 2)
  @Measurement(iterations = 5, time = 2)
  public GenerationResult unchanged(IdenticalOutput identical, CpuTime cpu) {
    GenerationResult result = generate(cpu);
    if (result.filesWritten() != 0) {
      throw new IllegalStateException("an unchanged regeneration wrote files: " + result.summary());
    }
    return result;
  }

  private static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
