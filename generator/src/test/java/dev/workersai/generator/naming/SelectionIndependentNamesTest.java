package dev.workersai.generator.naming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.Generator;
import dev.workersai.generator.Rendering;
import dev.workersai.generator.write.SourceFile;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model's generated files are the same bytes whatever else a build selects: alone, with its
 * author's models, or with the whole bundled catalog.
 */
class SelectionIndependentNamesTest {
  private static final Path SNAPSHOT = Paths.get("..", "model-schemas");

  @Test
  void aModelsFilesAreTheSameAloneWithItsAuthorAndWithTheWholeCatalog(@TempDir Path tmp) {
    Map<String, String> everything = files(render(tmp, List.of()));
    for (String[] model : new String[][] {
        {"@cf/moonshotai/kimi-k2.5", "@cf/moonshotai/*", "moonshotai/KimiK2_5.java"},
        {"@cf/meta/llama-3.1-8b-instruct", "@cf/meta/*", "meta/Llama3_1_8bInstruct.java"},
        {"@cf/baai/bge-m3", "@cf/baai/*", "baai/BgeM3.java"},
        {"@cf/zai-org/glm-5.2", "@cf/zai-org/*", "zai_org/Glm5_2.java"}}) {
      Map<String, String> alone = files(render(tmp, List.of(model[0])));
      Map<String, String> withAuthor = files(render(tmp, List.of(model[1])));
      String path = "dev/workersai/models/" + model[2];
      assertThat(alone).containsKey(path);
      // Every file the model alone needs (its class and the shared types it reaches) is byte-identical in the larger builds.
      alone.forEach((file, content) -> {
        assertThat(withAuthor.get(file)).as(file + " with " + model[1]).isEqualTo(content);
        assertThat(everything.get(file)).as(file + " with the whole catalog").isEqualTo(content);
      });
    }
  }

  private static Rendering render(Path tmp, List<String> includes) {
    return Generator.render(new GenerationRequest(SNAPSHOT, tmp, GenerationRequest.DEFAULT_PACKAGE, includes,
        List.of(), List.of(), Optional.empty()));
  }

  private static Map<String, String> files(Rendering rendering) {
    return rendering.files().stream().collect(Collectors.toMap(SourceFile::relativePath, SourceFile::content));
  }
}
