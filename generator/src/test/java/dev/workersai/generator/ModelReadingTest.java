package dev.workersai.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.catalog.Catalog;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.CatalogReader;
import dev.workersai.catalog.schema.ModelReader;
import dev.workersai.catalog.schema.SchemaStats;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Models are read on several threads, each with counts of its own: what a run reports of them is
 * what one reader counts reading the selected models in order.
 */
class ModelReadingTest {
  private static final Path SNAPSHOT = Path.of("..", "model-schemas");

  @Test
  void aWholeSnapshotIsCountedAsOneReaderCountsIt() {
    Catalog catalog = CatalogReader.read(SNAPSHOT);

    Rendering rendering = Generator.render(catalog, GenerationRequest.of(SNAPSHOT, Path.of("unused")));

    assertCountedAsInOrder(rendering, catalog, catalog.models());
  }

  @Test
  void onlyTheSelectedModelsAreCounted() {
    Catalog catalog = CatalogReader.read(SNAPSHOT);
    GenerationRequest llamas = new GenerationRequest(SNAPSHOT, Path.of("unused"), GenerationRequest.DEFAULT_PACKAGE,
        List.of("@cf/meta/**"), List.of(), List.of(), Optional.empty());

    Rendering rendering = Generator.render(catalog, llamas);

    List<CatalogModel> selected = catalog.models().stream().filter(m -> m.id().startsWith("@cf/meta/")).toList();
    assertThat(selected).hasSizeBetween(2, catalog.models().size() - 1);
    assertCountedAsInOrder(rendering, catalog, selected);
  }

  private static void assertCountedAsInOrder(Rendering rendering, Catalog catalog, List<CatalogModel> models) {
    SchemaStats serial = new SchemaStats();
    ModelReader reader = new ModelReader(serial);
    models.forEach(model -> reader.read(model, catalog.rateLimits()));

    assertThat(rendering.schemaNodes()).isPositive().isEqualTo(serial.nodes());
    assertThat(rendering.untypedNodes()).isEqualTo(serial.untyped());
    assertThat(rendering.notes()).isNotEmpty().containsExactlyElementsOf(serial.notes().stream().sorted().toList());
  }
}
