package dev.workersai.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.workersai.catalog.Catalog;
import dev.workersai.catalog.CatalogException;
import dev.workersai.catalog.CatalogReader;
import dev.workersai.catalog.SourceLocation;
import dev.workersai.generator.naming.NameLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot with several bad files takes one run to find them all: problems the catalog reader
 * finds (a file that is not JSON, one without a name) and problems found once a model is read (a
 * bound no double holds) come in one exception, sorted by file, nothing written.
 */
class CollectedErrorsTest {
  private static final Path THREE_BAD = Paths.get("src", "test", "resources", "adversarial", "three-bad");

  @Test
  void threeBadFilesOfDifferentKindsAreReportedInOneRun(@TempDir Path tmp) {
    Path out = tmp.resolve("out");

    CatalogException e = catchThrowableOfType(CatalogException.class, () -> Generator.generate(GenerationRequest.of(THREE_BAD, out)));

    assertThat(e.problems()).extracting(CatalogException::errorId)
        .containsExactly("malformed-json", "bad-schema", "missing-name");
    assertThat(e.problems()).extracting(CatalogException::location).containsExactly(
        new SourceLocation(THREE_BAD.resolve("broken.json"), ""),
        new SourceLocation(THREE_BAD.resolve("huge.json"), "/schema/input/properties/n/minimum"),
        new SourceLocation(THREE_BAD.resolve("nameless.json"), "/name"));
    assertThat(e.getMessage()).startsWith("3 problems in the catalog:\n[malformed-json] ");
    assertThat(out).doesNotExist();
  }

  @Test
  void theSameProblemsComeInTheSameOrderEveryRun() {
    GenerationRequest request = GenerationRequest.of(THREE_BAD, Path.of("unused"));
    String first = catchThrowableOfType(CatalogException.class, () -> Generator.render(request)).getMessage();

    assertThat(catchThrowableOfType(CatalogException.class, () -> Generator.render(request))).hasMessage(first);
  }

  @Test
  void aModelThatIsNotSelectedIsStillReadAndReported() {
    // Names are planned over the whole snapshot, so every model of it must be readable.
    GenerationRequest onlyTheGoodOne = new GenerationRequest(THREE_BAD, Path.of("unused"), GenerationRequest.DEFAULT_PACKAGE,
        List.of("@cf/acme/good"), List.of(), List.of(), Optional.empty());

    assertThat(catchThrowableOfType(CatalogException.class, () -> Generator.render(onlyTheGoodOne)).problems()).hasSize(3);
  }

  @Test
  void aBadTypeNameLockIsReportedWithTheBadModelFiles(@TempDir Path tmp) throws IOException {
    Files.copy(THREE_BAD.resolve("good.json"), tmp.resolve("good.json"));
    Files.copy(THREE_BAD.resolve("huge.json"), tmp.resolve("huge.json"));
    Files.writeString(tmp.resolve("type-names.json"), "{\"nested\": 1}");

    CatalogException e = catchThrowableOfType(CatalogException.class, () -> Generator.render(GenerationRequest.of(tmp, tmp.resolve("out"))));

    assertThat(e.problems()).extracting(CatalogException::errorId).containsExactly("bad-schema", "bad-type-names");
  }

  @Test
  void planningNamesForARefreshReportsEveryModelItCannotRead(@TempDir Path tmp) throws IOException {
    Files.copy(THREE_BAD.resolve("huge.json"), tmp.resolve("huge.json"));
    Files.writeString(tmp.resolve("tiny.json"), Files.readString(THREE_BAD.resolve("huge.json"))
        .replace("@cf/acme/huge", "@cf/acme/tiny").replace("1e400", "1e-400"));
    Catalog catalog = CatalogReader.read(tmp);

    CatalogException e = catchThrowableOfType(CatalogException.class, () -> Generator.planNames(catalog, NameLock.EMPTY, GenerationRequest.DEFAULT_PACKAGE));

    assertThat(e.problems()).extracting(p -> p.location().file().getFileName().toString())
        .containsExactly("huge.json", "tiny.json");
  }

  @Test
  void anIncludeThatMatchesNothingInABadSnapshotReportsTheSnapshotFirst() {
    // the include may well mean the model whose file could not be read
    GenerationRequest request = new GenerationRequest(THREE_BAD, Path.of("unused"), GenerationRequest.DEFAULT_PACKAGE,
        List.of("@cf/acme/broken"), List.of(), List.of(), Optional.empty());

    assertThatThrownBy(() -> Generator.render(request)).isInstanceOf(CatalogException.class)
        .hasMessageContaining("broken.json");
  }

  @Test
  void anInvalidPackageIsABadRequest(@TempDir Path tmp) throws IOException {
    Files.copy(THREE_BAD.resolve("good.json"), tmp.resolve("good.json"));
    GenerationRequest request = new GenerationRequest(tmp, tmp.resolve("out"), "com.class.x", List.of(), List.of(),
        List.of(), Optional.empty());

    assertThatThrownBy(() -> Generator.render(request)).isInstanceOf(GenerationRequestException.class)
        .hasMessage("not a valid Java package name: com.class.x");
  }
}
