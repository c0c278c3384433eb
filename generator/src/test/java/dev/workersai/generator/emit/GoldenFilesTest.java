package dev.workersai.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.Generator;
import dev.workersai.generator.Rendering;
import dev.workersai.generator.compile.GeneratedCode;
import dev.workersai.generator.emit.Sources.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated sources of five representative models, from the project's own facts-only snapshot
 * ({@code model-schemas/}), compared byte for byte with the expected files under
 * {@code src/test/resources/golden/}. Run with {@code -Dgolden.update=true} to rewrite the expected
 * files instead; the diff then shows in review.
 */
class GoldenFilesTest {
  private static final Path SNAPSHOT = Paths.get("..", "model-schemas");
  private static final Path GOLDEN = Paths.get("src", "test", "resources", "golden");

  /** Chat (prompt | messages), embeddings, text-to-image (binary answer), speech (binary input), multipart. */
  static final List<String> MODELS = List.of(
      "@cf/meta/llama-3.1-8b-instruct",
      "@cf/baai/bge-base-en-v1.5",
      "@cf/stabilityai/stable-diffusion-xl-base-1.0",
      "@cf/openai/whisper",
      "@cf/black-forest-labs/flux-2-dev");

  @Test
  void generatedSourcesMatchTheGoldenFilesAndCompileWithoutWarnings(@TempDir Path tmp) throws IOException {
    Rendering rendering = Generator.render(new GenerationRequest(SNAPSHOT, tmp, GenerationRequest.DEFAULT_PACKAGE,
        MODELS, List.of(), List.of(), Optional.empty()));
    if (Boolean.getBoolean("golden.update")) {
      rewrite(rendering.files());
    }
    TreeMap<String, String> expected = read(GOLDEN);
    TreeMap<String, String> actual = new TreeMap<>();
    rendering.files().forEach(f -> actual.put(f.relativePath(), f.content()));
    assertThat(actual.keySet())
        .as("generated files (run with -Dgolden.update=true to accept a change)")
        .containsExactlyElementsOf(expected.keySet());
    actual.forEach((path, content) -> assertThat(content)
        .as("%s differs from the golden file (run with -Dgolden.update=true to accept the change)", path)
        .isEqualTo(expected.get(path)));
    GeneratedCode.compile(rendering.files(), tmp);
  }

  private static void rewrite(List<SourceFile> files) throws IOException {
    if (Files.isDirectory(GOLDEN)) {
      try (Stream<Path> old = Files.walk(GOLDEN)) {
        for (Path p : old.filter(Files::isRegularFile).toList()) {
          Files.delete(p);
        }
      }
    }
    for (SourceFile f : files) {
      Path target = GOLDEN.resolve(f.relativePath());
      Files.createDirectories(target.getParent());
      Files.writeString(target, f.content(), StandardCharsets.UTF_8);
    }
  }

  private static TreeMap<String, String> read(Path root) throws IOException {
    TreeMap<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        files.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return files;
  }
}
