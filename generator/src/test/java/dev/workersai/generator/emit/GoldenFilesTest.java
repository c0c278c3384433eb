package dev.workersai.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.Generator;
import dev.workersai.generator.Rendering;
import dev.workersai.catalog.CatalogReader;
import dev.workersai.generator.compile.GeneratedCode;
import dev.workersai.generator.write.SourceFile;
import dev.workersai.generator.naming.NameLock;
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
 * The generated sources of representative models, from the project's own facts-only snapshot
 * ({@code model-schemas/}), compared byte for byte with the expected files under
 * {@code src/test/resources/golden/}; the name of every public type the whole snapshot generates,
 * compared with {@code golden-type-names.txt}, so that any rename shows in review; and the
 * snapshot's type-name lock, which must hold the names a generation plans. Run with
 * {@code -Dgolden.update=true} to rewrite the expected files instead; the diff then shows in review.
 */
class GoldenFilesTest {
  private static final Path SNAPSHOT = Paths.get("..", "model-schemas");
  private static final Path GOLDEN = Paths.get("src", "test", "resources", "golden");

  private static final Path TYPE_NAMES = Paths.get("src", "test", "resources", "golden-type-names.txt");

  /**
   * Chat (prompt | messages; discriminated messages; OpenAI-shaped answers; no published schema),
   * batches, embeddings and reranking, text-to-image (binary and base64 answers, multipart input),
   * speech recognition (raw audio in), text-to-speech and translation.
   */
  static final List<String> MODELS = List.of(
      "@cf/meta/llama-3.1-8b-instruct",
      "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
      "@cf/moonshotai/kimi-k2.5",
      "@cf/zai-org/glm-5.2",
      "@cf/openai/gpt-oss-120b",
      "@cf/qwen/qwq-32b",
      "@cf/baai/bge-base-en-v1.5",
      "@cf/baai/bge-m3",
      "@cf/stabilityai/stable-diffusion-xl-base-1.0",
      "@cf/black-forest-labs/flux-2-dev",
      "@cf/openai/whisper",
      "@cf/deepgram/nova-3",
      "@cf/myshell-ai/melotts",
      "@cf/meta/m2m100-1.2b");

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

  @Test
  void everyPublicTypeNameOfTheWholeSnapshotMatchesTheGoldenList(@TempDir Path tmp) throws IOException {
    Rendering rendering = Generator.render(GenerationRequest.of(SNAPSHOT, tmp));
    String names = String.join("\n", PublicTypes.names(rendering.files())) + "\n";
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(TYPE_NAMES, names, StandardCharsets.UTF_8);
    }
    assertThat(names).as("public type names (run with -Dgolden.update=true to accept a change)")
        .isEqualTo(Files.readString(TYPE_NAMES, StandardCharsets.UTF_8));
    // Model classes end in digits when their ids do (Glm5_2); no other type does: none is told apart by a counter.
    assertThat(names.lines().filter(n -> !isModelClass(n)).map(n -> n.substring(n.lastIndexOf('.') + 1)))
        .as("types told apart by a counter").noneMatch(n -> n.matches(".*\\d") && !n.equals("OfBase64"));
    // No nested name shadows a type its file uses, so no generated code spells a model type fully qualified.
    assertThat(rendering.files()).allSatisfy(f -> assertThat(f.content().lines()
            .filter(l -> !l.startsWith("package ") && !l.startsWith("import ") && !l.startsWith("//")))
        .as(f.relativePath()).noneMatch(l -> l.contains(GenerationRequest.DEFAULT_PACKAGE + ".")));
  }

  /** {@code dev.workersai.models.meta.Llama3_1_8bInstruct}, not {@code ...shared.X} or a nested type. */
  private static boolean isModelClass(String name) {
    String relative = name.substring(GenerationRequest.DEFAULT_PACKAGE.length() + 1);
    return relative.chars().filter(c -> c == '.').count() == 1 && !relative.startsWith("shared.");
  }

  @Test
  void theSnapshotsTypeNameLockHoldsTheNamesAGenerationPlans() throws IOException {
    Path lockFile = SNAPSHOT.resolve("models").resolve(NameLock.FILE_NAME);
    NameLock lock = NameLock.read(SNAPSHOT);
    byte[] planned = Generator.planNames(CatalogReader.read(SNAPSHOT), lock, GenerationRequest.DEFAULT_PACKAGE).lock().toBytes();
    if (Boolean.getBoolean("golden.update")) {
      Files.write(lockFile, planned);
    }
    assertThat(new String(Files.readAllBytes(lockFile), StandardCharsets.UTF_8))
        .as("%s (run with -Dgolden.update=true to write it)", lockFile)
        .isEqualTo(new String(planned, StandardCharsets.UTF_8));
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
