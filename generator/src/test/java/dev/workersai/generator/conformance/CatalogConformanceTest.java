package dev.workersai.generator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.Generator;
import dev.workersai.generator.Rendering;
import dev.workersai.catalog.Catalog;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.CatalogReader;
import dev.workersai.catalog.RateLimitTable;
import dev.workersai.catalog.SharedCorpus;
import dev.workersai.generator.compile.GeneratedCode;
import dev.workersai.generator.naming.ModelNames;
import dev.workersai.runtime.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of the third-party catalog corpus: generated, compiled together with
 * {@code -Xlint:all -Werror}, and round-tripped (see {@link RoundTrip}). The corpus holds two files
 * with the same model id; they go into separate generation runs, since one run refuses duplicates.
 */
class CatalogConformanceTest {
  private final ObjectMapper mapper = Json.newMapper();

  @Test
  void everyCatalogFileGeneratesCompilesAndRoundTrips(@TempDir Path tmp) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(SharedCorpus.modelsDirectory())) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    List<List<CatalogModel>> runs = runsWithUniqueIds(files);
    int passed = 0;
    RoundTrip roundTrip = new RoundTrip(mapper);
    int untyped = 0;
    int nodes = 0;
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      List<CatalogModel> models = runs.get(i);
      GenerationRequest request = GenerationRequest.of(tmp, tmp.resolve("unused"));
      Rendering rendering = Generator.render(new Catalog(models, RateLimitTable.empty()), request);
      untyped += rendering.untypedNodes();
      nodes += rendering.schemaNodes();
      ClassLoader classes = GeneratedCode.compile(rendering.files(), tmp.resolve("run" + i));
      ModelNames names = ModelNames.assign(models.stream().map(CatalogModel::id).toList(), request.packageName());
      for (CatalogModel model : models) {
        try {
          roundTrip.check(model, classes.loadClass(names.classOf(model.id()).reflectionName()));
          passed++;
        } catch (Exception | AssertionError e) {
          failures.add(model.source().file().getFileName() + " (" + model.id() + "): " + e);
        }
      }
    }
    System.out.println("catalog conformance: " + passed + "/" + files.size()
        + " models generated, compiled, round-tripped; union branches round-tripped: " + roundTrip.branches
        + "; chat conversations round-tripped: " + roundTrip.conversations.size()
        + "; untyped nodes: " + untyped + " of " + nodes);
    assertThat(failures).isEmpty();
    // Every chat model (an input with messages) took a plain conversation, each message in its role's branch.
    long chatModels = runs.stream().flatMap(List::stream)
        .filter(m -> m.inputSchema().map(s -> s.toString().contains("\"messages\"")).orElse(false)).count();
    assertThat(roundTrip.conversations).hasSize((int) chatModels);
    assertThat(passed).isEqualTo(files.size());
  }

  private static List<List<CatalogModel>> runsWithUniqueIds(List<Path> files) {
    List<List<CatalogModel>> runs = new ArrayList<>();
    List<Set<String>> ids = new ArrayList<>();
    for (Path file : files) {
      CatalogModel model = CatalogReader.readModel(file);
      Optional<Integer> free = Stream.iterate(0, i -> i + 1).limit(runs.size())
          .filter(i -> !ids.get(i).contains(model.id())).findFirst();
      int run = free.orElseGet(() -> {
        runs.add(new ArrayList<>());
        ids.add(new HashSet<>());
        return runs.size() - 1;
      });
      runs.get(run).add(model);
      ids.get(run).add(model.id());
    }
    return runs;
  }
}
