package dev.workersai.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.catalog.Catalog;
import dev.workersai.catalog.CatalogReader;
import dev.workersai.catalog.schema.ModelReader;
import dev.workersai.catalog.schema.ModelSpec;
import dev.workersai.catalog.schema.SchemaStats;
import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.naming.ModelNames;
import dev.workersai.generator.naming.NameLock;
import dev.workersai.generator.naming.TypeNames;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * Render keys digested on many threads at once, sharing one memo of shape digests, are those
 * digested one by one: a generation's keys must not depend on which thread walked a shape first.
 */
class RenderKeyTest {
  private static final Catalog SNAPSHOT = CatalogReader.read(Path.of("..", "model-schemas"));

  @Test
  void keysDigestedOnManyThreadsAreThoseDigestedOneByOne() throws Exception {
    List<String> serial = plan().stream().map(job -> job.key().digest("renderer")).toList();
    // More threads than this machine may have cores, each plan with a fresh memo, so that threads race for shapes.
    ForkJoinPool pool = new ForkJoinPool(8);
    try {
      for (int run = 0; run < 3; run++) {
        List<Sources.Job> jobs = plan();
        assertThat(pool.submit(() -> Sources.keys(jobs, "renderer")).get()).isEqualTo(serial);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(serial).doesNotHaveDuplicates().hasSizeGreaterThan(150);
    assertThat(plan().get(0).key().digest("another renderer")).isNotEqualTo(serial.get(0));
  }

  private static List<Sources.Job> plan() {
    ModelReader reader = new ModelReader(new SchemaStats());
    List<ModelSpec> specs = SNAPSHOT.models().stream().map(m -> reader.read(m, SNAPSHOT.rateLimits())).toList();
    String base = GenerationRequest.DEFAULT_PACKAGE;
    ModelNames names = ModelNames.assign(specs.stream().map(ModelSpec::id).toList(), base);
    return Sources.plan(specs, names, TypeNames.plan(specs, names, base, NameLock.EMPTY));
  }
}
