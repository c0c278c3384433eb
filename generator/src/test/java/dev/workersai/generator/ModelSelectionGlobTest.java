package dev.workersai.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.ModelProperties;
import dev.workersai.catalog.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Include/exclude globs and task filters of a generation request. */
class ModelSelectionGlobTest {
  private final List<CatalogModel> models = List.of(
      model("@cf/meta/llama-3.1-8b-instruct", "Text Generation"),
      model("@cf/meta/llama-guard-3-8b", "Text Classification"),
      model("@cf/openai/whisper", "Automatic Speech Recognition"),
      model("@hf/thebloke/zephyr-7b-beta-awq", "Text Generation"));

  @Test
  void aStarStaysInOneSegmentAndTwoStarsCrossThem() {
    assertThatThrownBy(() -> ids(List.of("@cf/*"), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("include @cf/* matches no model");
    assertThat(ids(List.of("@cf/**"), List.of(), List.of()))
        .containsExactly("@cf/meta/llama-3.1-8b-instruct", "@cf/meta/llama-guard-3-8b", "@cf/openai/whisper");
    assertThat(ids(List.of("@cf/meta/*"), List.of("**guard**"), List.of())).containsExactly("@cf/meta/llama-3.1-8b-instruct");
  }

  @Test
  void tasksAreMatchedIgnoringCase() {
    assertThat(ids(List.of(), List.of(), List.of("text generation")))
        .containsExactly("@cf/meta/llama-3.1-8b-instruct", "@hf/thebloke/zephyr-7b-beta-awq");
    assertThatThrownBy(() -> ids(List.of(), List.of(), List.of("Painting")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("task Painting matches no model");
  }

  @Test
  void anIncludeMatchingNothingNamesTheClosestIds() {
    assertThatThrownBy(() -> ids(List.of("@cf/openai/wisper"), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("include @cf/openai/wisper matches no model; closest ids: [@cf/openai/whisper,");
  }

  @Test
  void anIncludeOverAnEmptySnapshotSaysTheFolderHoldsNoModels() {
    GenerationRequest request = new GenerationRequest(Path.of("empty-snapshot"), Path.of("out"),
        GenerationRequest.DEFAULT_PACKAGE, List.of("@cf/meta/*"), List.of(), List.of(), Optional.empty());

    assertThatThrownBy(() -> ModelFilter.select(List.of(), request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("include @cf/meta/* matches no model: empty-snapshot holds no model files"
            + " (*.json directly in it or in its models/ folder)");
  }

  private List<String> ids(List<String> includes, List<String> excludes, List<String> tasks) {
    GenerationRequest request = new GenerationRequest(Path.of("in"), Path.of("out"), GenerationRequest.DEFAULT_PACKAGE,
        includes, excludes, tasks, Optional.empty());
    return ModelFilter.select(models, request).stream().map(CatalogModel::id).toList();
  }

  private static CatalogModel model(String id, String task) {
    ModelProperties properties = new ModelProperties(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
        List.of(), false, false, false, false, false, false, false, false, false, Optional.empty(), Optional.empty(),
        Optional.empty(), new TreeMap<>());
    return new CatalogModel(id, task, properties, false, Optional.empty(), Optional.empty(),
        new SourceLocation(Path.of(id.replace('/', '_') + ".json"), ""));
  }
}
