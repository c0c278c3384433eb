package dev.workersai.generator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.generator.write.Digests;
import dev.workersai.generator.write.FileHashes;
import dev.workersai.generator.write.RenderKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model-level incrementality: a file is rendered again only when what it depends on changed, and
 * the output of an incremental run is byte for byte that of a full run into an empty folder.
 */
class ModelLevelIncrementalityTest {
  private static final Path BUNDLED = Path.of("..", "model-schemas", "models");
  private static final FileTime OLD = FileTime.fromMillis(1_000_000_000_000L);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;
  private Path models;
  private Path out;

  @BeforeEach
  void snapshot() throws IOException {
    // A slice of the bundled snapshot whose models share types (the chat models) and some that do not.
    models = Files.createDirectories(temp.resolve("snapshot/models"));
    try (Stream<Path> files = Files.list(BUNDLED)) {
      for (Path file : files.filter(f -> f.getFileName().toString().matches("(llama-3|bge|bart|mistral).*\\.json")).toList()) {
        Files.copy(file, models.resolve(file.getFileName()));
      }
    }
    out = temp.resolve("out");
  }

  @Test
  void anUnchangedRunRendersNothingAndRewritesNothing() {
    GenerationResult first = generate(out);
    assertThat(first.filesRendered()).isEqualTo(first.files()).isGreaterThan(20);
    assertThat(first.filesReused()).isZero();

    GenerationResult second = generate(out);

    assertThat(second.filesRendered()).isZero();
    assertThat(second.filesReused()).isEqualTo(first.files());
    assertThat(second.filesWritten()).isZero();
    assertThat(second.filesUnchanged()).isEqualTo(first.files());
  }

  @Test
  void changingOneModelRendersOnlyItsFileAndLeavesTheOthersUntouched() throws IOException {
    GenerationResult first = generate(out);
    Map<String, byte[]> before = tree(out);
    age(out);
    ObjectNode bart = (ObjectNode) JSON.readTree(models.resolve("bart-large-cnn.json").toFile());
    ((ObjectNode) bart.at("/schema/input/properties")).putObject("min_length").put("type", "integer");
    JSON.writeValue(models.resolve("bart-large-cnn.json").toFile(), bart);

    GenerationResult second = generate(out);

    assertThat(second.filesRendered()).isEqualTo(1);
    assertThat(second.filesReused()).isEqualTo(first.files() - 1);
    assertThat(second.filesWritten()).isEqualTo(1);
    Map<String, byte[]> after = tree(out);
    String bartFile = "dev/workersai/models/facebook/BartLargeCnn.java";
    assertThat(after.keySet()).isEqualTo(before.keySet()).contains(bartFile);
    after.keySet().stream().filter(path -> path.endsWith(".java")).forEach(path -> {
      if (path.equals(bartFile)) {
        assertThat(new String(after.get(path))).contains("minLength").isNotEqualTo(new String(before.get(path)));
        assertThat(modified(out.resolve(path))).isNotEqualTo(OLD);
      } else {
        assertThat(modified(out.resolve(path))).as(path).isEqualTo(OLD);
      }
    });
    assertSameAsAFullRun();
  }

  @Test
  void changesThatMoveSharedTypesGiveTheOutputOfAFullRun() throws IOException {
    generate(out);
    Map<String, byte[]> before = tree(out);
    // Without these, shapes the chat models shared may be used by one model only: nested, renamed.
    try (Stream<Path> files = Files.list(models)) {
      for (Path file : files.filter(f -> f.getFileName().toString().matches("llama-3\\.[12].*")).toList()) {
        Files.delete(file);
      }
    }

    GenerationResult second = generate(out);

    assertThat(second.filesReused()).isPositive();
    Map<String, byte[]> after = tree(out);
    assertThat(after.keySet().stream().filter(p -> p.contains("/shared/")).toList())
        .isNotEqualTo(before.keySet().stream().filter(p -> p.contains("/shared/")).toList());
    assertSameAsAFullRun();
  }

  @Test
  void everyModelOfTheBundledSnapshotHasARenderKeyAndAnUnchangedRunRendersNone() {
    GenerationRequest whole = GenerationRequest.of(BUNDLED.getParent(), out);
    GenerationResult first = Generator.generate(whole);

    GenerationResult second = Generator.generate(whole);

    assertThat(second.filesRendered()).isZero();
    assertThat(second.filesReused()).isEqualTo(first.files()).isGreaterThan(150);
  }

  @Test
  void aHandEditedFileIsRenderedAgain() throws IOException {
    GenerationResult first = generate(out);
    Path bart = out.resolve("dev/workersai/models/facebook/BartLargeCnn.java");
    String original = Files.readString(bart);
    Files.writeString(bart, original.replace("summary", "summery"));

    GenerationResult second = generate(out);

    assertThat(second.filesRendered()).isEqualTo(1);
    assertThat(second.filesReused()).isEqualTo(first.files() - 1);
    assertThat(Files.readString(bart)).isEqualTo(original);
  }

  private void assertSameAsAFullRun() {
    Path full = temp.resolve("full");
    GenerationResult fresh = generate(full);
    assertThat(fresh.filesReused()).isZero();
    Map<String, byte[]> expected = tree(full);
    Map<String, byte[]> actual = tree(out);
    assertThat(actual.keySet()).isEqualTo(expected.keySet()).contains(RenderKeys.FILE_NAME);
    // Sources first (their text is the readable failure), then the bookkeeping files.
    expected.keySet().stream().sorted(Comparator.comparing((String path) -> !path.endsWith(".java")))
        .forEach(path -> assertThat(new String(actual.get(path), UTF_8)).as(path).isEqualTo(new String(expected.get(path), UTF_8)));
  }

  /**
   * With an up-to-date check's {@link FileHashes}, a run stamps every file it wrote from the digest
   * of its text: the output's digest afterwards reads only the two bookkeeping files, and the next
   * run finds its files reusable by their stamps alone. The inputs are hashed as they are read, once.
   */
  @Test
  void aRunStampsWhatItWroteSoNoOneReadsItAgain() {
    FileHashes hashes = FileHashes.none();
    GenerationRequest request = GenerationRequest.of(models.getParent(), out);
    int inputs = request.inputs().size();
    GenerationResult first = Generator.generate(request, hashes);
    assertThat(hashes.hashedCount()).isEqualTo(inputs);

    assertThat(Digests.tree(out, hashes::sha256)).isEqualTo(Digests.tree(out));
    assertThat(hashes.hashedCount()).isEqualTo(inputs + 2);   // the render keys and the generated-folder marker

    GenerationResult second = Generator.generate(request, hashes);
    assertThat(second.filesReused()).isEqualTo(first.files());
    assertThat(hashes.hashedCount()).isEqualTo(inputs + 2);
  }

  @Test
  void aHandEditThatMovesTheTimeIsSeenThroughStamps() throws IOException {
    FileHashes hashes = FileHashes.none();
    GenerationResult first = Generator.generate(GenerationRequest.of(models.getParent(), out), hashes);
    Path bart = out.resolve("dev/workersai/models/facebook/BartLargeCnn.java");
    String text = Files.readString(bart);
    Files.writeString(bart, text.replace("public", "PUBLIC"));   // same size
    Files.setLastModifiedTime(bart, FileTime.fromMillis(Files.getLastModifiedTime(bart).toMillis() + 5_000));

    GenerationResult second = Generator.generate(GenerationRequest.of(models.getParent(), out), hashes);

    assertThat(second.filesRendered()).isEqualTo(1);
    assertThat(second.filesReused()).isEqualTo(first.files() - 1);
    assertThat(Files.readString(bart)).isEqualTo(text);
  }

  private GenerationResult generate(Path target) {
    return Generator.generate(GenerationRequest.of(models.getParent(), target));
  }

  private static Map<String, byte[]> tree(Path root) {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static void age(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(file, OLD);
      }
    }
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
