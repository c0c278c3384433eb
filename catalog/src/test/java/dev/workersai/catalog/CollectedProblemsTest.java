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
