package dev.workersai.generator.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.catalog.SharedCorpus;
import dev.workersai.generator.compile.GeneratedCode;
import dev.workersai.generator.write.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Exit 0 means the code compiles": seeded mutants of the shared catalog's files, each generated
 * alone through the CLI. A mutant must either generate code that compiles with
 * {@code -Xlint:all -Werror} (checked in batches, each mutant in its own package) or exit 1 with
 * an {@code [id] file#pointer} message and nothing written; never another exit status, never an
 * exception out of the CLI. To explore further: {@code -Dfuzz.seed=N -Dfuzz.mutants=N -Dfuzz.seconds=N}.
 */
class CatalogMutationFuzzTest {
  private static final long SEED = Long.getLong("fuzz.seed", 20_261_202L);
  private static final int MUTANTS = Integer.getInteger("fuzz.mutants", 240);
  /** Mutants compiled by one javac run: fewer runs cost less, smaller ones end sooner past the budget. */
  private static final int BATCH = 30;
  /**
   * No new mutant is made after this long (generation and compilation), so that a busy machine still
   * finishes in well under a minute; a quiet one gets through all {@link #MUTANTS}.
   */
  private static final long BUDGET_NANOS = Long.getLong("fuzz.seconds", 30) * 1_000_000_000L;
  private static final int LARGEST_BASE_FILE = 13_000;

  private record Mutant(int number, String base, String mutation) {}

  @Test
  void everyMutantCompilesOrIsRefusedWithAPointer(@TempDir Path tmp) throws IOException {
    List<Path> bases = baseFiles();
    Random random = new Random(SEED);
    Mutator mutator = new Mutator(random);
    List<String> failures = new ArrayList<>();
    List<Mutant> compiled = new ArrayList<>();
    List<SourceFile> batch = new ArrayList<>();
    int refused = 0;
    long start = System.nanoTime();
    for (int n = 0; n < MUTANTS && System.nanoTime() - start < BUDGET_NANOS; n++) {
      Path base = bases.get(random.nextInt(bases.size()));
      ObjectNode model = (ObjectNode) HostileRun.MAPPER.readTree(base.toFile());
      List<String> mutations = new ArrayList<>();
      for (int k = 1 + random.nextInt(3); k > 0; k--) {
        mutations.add(mutator.mutate(model));
      }
      Mutant mutant = new Mutant(n, base.getFileName().toString(), String.join("; ", mutations));
      Path dir = tmp.resolve("m" + n);
      HostileRun run;
      try {
        run = HostileRun.generate(dir, List.of(model), "--package", "fuzz.m" + n);
      } catch (RuntimeException | StackOverflowError e) {
        failures.add(mutant + ": the CLI threw " + e);
        continue;
      }
      if (run.status() == 0) {
        compiled.add(mutant);
        run.written().forEach(f -> batch.add(new SourceFile("m" + mutant.number() + "/" + f.relativePath(), f.content())));
      } else if (run.status() == 1 && run.err().matches("(?s)error: \\[[a-z-]+\\] .*m0\\.json#.*") && run.written().isEmpty()) {
        refused++;
      } else {
        failures.add(mutant + ": " + run);
      }
      if (compiled.size() % BATCH == 0 && !batch.isEmpty()) {
        compileBatch(batch, compiled, tmp.resolve("batch" + n), failures);
      }
    }
    if (!batch.isEmpty()) {
      compileBatch(batch, compiled, tmp.resolve("batch-last"), failures);
    }
    System.out.printf("catalog mutation fuzz (seed %d): %d mutants generated and compiled, %d refused with a pointer%n",
        SEED, compiled.size(), refused);
    assertThat(failures).as("mutants that broke the rule").isEmpty();
    assertThat(compiled).as("mutants that still generate").isNotEmpty();
    assertThat(refused).as("mutants refused").isPositive();
  }

  private static void compileBatch(List<SourceFile> batch, List<Mutant> mutants, Path dir, List<String> failures) {
    try {
      GeneratedCode.compile(batch, dir);
    } catch (AssertionError e) {
      List<String> culprits = mutants.stream()
          .filter(m -> e.getMessage().contains("/m" + m.number() + "/")).map(Mutant::toString).toList();
      failures.add("does not compile: " + culprits + "\n" + e.getMessage());
    }
    batch.clear();
  }

  /** The corpus's files that carry schemas and are small enough to compile quickly, by name. */
  private static List<Path> baseFiles() throws IOException {
    try (Stream<Path> files = Files.list(SharedCorpus.modelsDirectory())) {
      List<Path> bases = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        if (Files.size(f) <= LARGEST_BASE_FILE && Files.readString(f).contains("\"schema\"")) {
          bases.add(f);
        }
      }
      if (bases.isEmpty()) {
        fail("no catalog file with a schema under " + LARGEST_BASE_FILE + " bytes");
      }
      return bases;
    }
  }
}
