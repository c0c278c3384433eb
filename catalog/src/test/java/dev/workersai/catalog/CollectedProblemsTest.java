package dev.workersai.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder with several bad files is reported whole in one run, each problem with its id, file and pointer. */
class CollectedProblemsTest {
  @TempDir Path dir;

  private Path write(String name, String json) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void everyBadFileOfAFolderIsReportedAtOnceSortedByFile() throws IOException {
    write("good.json", "{\"name\": \"@cf/acme/good\"}");
    Path broken = write("models/broken.json", "{\"name\": ");
    Path nameless = write("a-nameless.json", "{\"task\": \"Translation\"}");
    Path badType = write("models/z-bad-type.json", "{\"name\": \"@cf/acme/z\", \"schema\": {\"input\": {\"type\": 7}}}");
    write("one.json", "{\"name\": \"@cf/acme/dup\"}");
    Path twin = write("models/twin.json", "{\"name\": \"@cf/acme/dup\"}");
    Path table = write("rate-limits.json", "{\"asOf\": \"last week\"}");

    CatalogException e = catchThrowableOfType(CatalogException.class, () -> CatalogReader.read(dir));

    assertThat(e.problems()).extracting(CatalogException::errorId)
        .containsExactly("missing-name", "malformed-json", "duplicate-model", "bad-schema", "bad-rate-limits");
    assertThat(e.problems()).extracting(p -> p.location().file())
        .containsExactly(nameless, broken, twin, badType, table);
    assertThat(e.problems().get(3).location()).isEqualTo(new SourceLocation(badType, "/schema/input/type"));
    assertThat(e.errorId()).isEqualTo("problems");
    assertThat(e.getMessage().lines().toList()).hasSize(6)
        .first().isEqualTo("5 problems in the catalog:");
    assertThat(e.getMessage().lines().skip(1).toList())
        .containsExactlyElementsOf(e.problems().stream().map(CatalogException::getMessage).toList());
    assertThat(e.getSuppressed()).hasSize(5);
  }

  /**
   * Files are parsed on several threads; what is made of them follows the folder's order alone:
   * which twin is kept, which are reported, and the order of the problems (reading order here;
   * {@link CatalogException#throwIfAny} sorts them again).
   */
  @Test
  void manyBadFilesAndTwinsAreTakenInTheFoldersOrder() throws IOException {
    for (int i = 40; i > 0; i--) {
      write(String.format("models/bad-%02d.json", i), i % 2 == 0 ? "{\"name\": " : "{\"task\": \"Translation\"}");
      write(String.format("twin-%02d.json", i), "{\"name\": \"@cf/acme/twin-" + i % 5 + "\"}");
    }
    Path named = write("models/" + SnapshotNormalizer.fileName("@cf/acme/twin-3"), "{\"name\": \"@cf/acme/twin-3\"}");
    List<CatalogException> problems = new ArrayList<>();

    Catalog catalog = CatalogReader.read(dir, problems);

    List<String> expected = new ArrayList<>();
    IntStream.rangeClosed(6, 40).forEach(i -> expected.add(String.format("twin-%02d.json", i)));   // the later twins
    IntStream.rangeClosed(1, 40).forEach(i -> expected.add(String.format("bad-%02d.json", i)));
    assertThat(problems).extracting(p -> p.location().file().getFileName().toString()).containsExactlyElementsOf(expected);
    assertThat(catalog.models()).extracting(m -> m.source().file().getFileName().toString())
        .containsExactly("twin-05.json", "twin-01.json", "twin-02.json", named.getFileName().toString(), "twin-04.json");
    assertThat(catalog.warnings()).singleElement().asString().contains("kept " + named, "ignored " + dir.resolve("twin-03.json"));
  }

  @Test
  void oneBadFileIsReportedAsItself() throws IOException {
    write("good.json", "{\"name\": \"@cf/acme/good\"}");
    Path broken = write("broken.json", "[]");

    assertThatThrownBy(() -> CatalogReader.read(dir))
        .isInstanceOf(CatalogException.class)
        .hasMessage("[wrong-type] " + broken + "#: a model file must hold a JSON object, found an array")
        .satisfies(e -> assertThat(((CatalogException) e).problems()).containsExactly((CatalogException) e));
  }

  @Test
  void theCollectingReadKeepsTheGoodModelsAndHandsBackTheProblems() throws IOException {
    write("good.json", "{\"name\": \"@cf/acme/good\"}");
    Path broken = write("broken.json", "{");
    List<CatalogException> problems = new ArrayList<>();

    Catalog catalog = CatalogReader.read(dir, problems);

    assertThat(catalog.models()).extracting(CatalogModel::id).containsExactly("@cf/acme/good");
    assertThat(problems).singleElement().satisfies(p -> assertThat(p.location().file()).isEqualTo(broken));
  }

  @Test
  void problemsOfProblemsAreFlattenedAndTheOrderDoesNotDependOnTheOrderFound() {
    CatalogException a = new CatalogException("x", new SourceLocation(Path.of("a.json"), "/b"), "one");
    CatalogException b = new CatalogException("x", new SourceLocation(Path.of("a.json"), "/a"), "two");
    CatalogException c = new CatalogException("y", new SourceLocation(Path.of("b.json"), ""), "three");
    CatalogException both = catchThrowableOfType(CatalogException.class, () -> CatalogException.throwIfAny(List.of(c, a)));

    CatalogException all = catchThrowableOfType(CatalogException.class, () -> CatalogException.throwIfAny(List.of(both, b)));

    assertThat(all.problems()).containsExactly(b, a, c);
    CatalogException.throwIfAny(List.of()); // nothing found, nothing thrown
  }
}
