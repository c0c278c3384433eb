package dev.workersai.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import dev.workersai.catalog.Catalog;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.CatalogReader;
import dev.workersai.catalog.RateLimitTable;
import dev.workersai.catalog.SharedCorpus;
import dev.workersai.catalog.schema.ModelReader;
import dev.workersai.catalog.schema.ModelSpec;
import dev.workersai.catalog.schema.SchemaStats;
import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.naming.ModelNames;
import dev.workersai.generator.naming.NameLock;
import dev.workersai.generator.naming.TypeNames;
import dev.workersai.generator.print.JavaFilePrinter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link JavaFilePrinter} against JavaPoet's own {@code JavaFile.toString()}, file by file, for every
 * source generated from the bundled snapshot and from the third-party catalog corpus: the same text,
 * and no file left to the fallback.
 */
class PrinterDifferentialTest {
  private static final Path SNAPSHOT = Paths.get("..", "model-schemas");

  @Test
  void theBundledSnapshotPrintsAsJavaPoetDoes() {
    Catalog catalog = CatalogReader.read(SNAPSHOT);
    Differences differences = compare(javaFiles(catalog.models(), catalog.rateLimits()));
    differences.assertNone();
    assertThat(differences.files).isGreaterThan(150);
  }

  /** The corpus has two files for one model id; a run refuses duplicates, so those go into a second run. */
  @Test
  void theCatalogCorpusPrintsAsJavaPoetDoes() throws IOException {
    List<Path> paths;
    try (Stream<Path> list = Files.list(SharedCorpus.modelsDirectory())) {
      paths = list.filter(p -> CatalogReader.isModelFileName(p.getFileName().toString())).sorted().toList();
    }
    List<CatalogModel> first = new ArrayList<>();
    List<CatalogModel> second = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Path path : paths) {
      CatalogModel model = CatalogReader.readModel(path);
      (ids.add(model.id()) ? first : second).add(model);
    }
    List<JavaFile> files = new ArrayList<>(javaFiles(first, RateLimitTable.empty()));
    if (!second.isEmpty()) {
      files.addAll(javaFiles(second, RateLimitTable.empty()));
    }
    Differences differences = compare(files);
    differences.assertNone();
    assertThat(differences.files).isGreaterThan(paths.size());
  }

  /** Every source a generation of {@code models} renders, as JavaPoet files (what {@link Sources#plan} builds). */
  private static List<JavaFile> javaFiles(List<CatalogModel> models, RateLimitTable limits) {
    ModelReader reader = new ModelReader(new SchemaStats());
    List<ModelSpec> specs = models.stream().map(m -> reader.read(m, limits)).toList();
    String base = GenerationRequest.DEFAULT_PACKAGE;
    ModelNames names = ModelNames.assign(specs.stream().map(ModelSpec::id).toList(), base);
    TypeNames typeNames = TypeNames.plan(specs, names, base, NameLock.EMPTY);
    return Sources.plan(specs, names, typeNames).stream().map(Sources.Job::javaFile).toList();
  }

  private static Differences compare(List<JavaFile> files) {
    Differences differences = new Differences();
    for (JavaFile file : files) {
      differences.files++;
      String name = file.packageName() + "." + file.typeSpec().name();
      Optional<String> printed = JavaFilePrinter.print(file).map(utf8 -> new String(utf8, StandardCharsets.UTF_8));
      if (printed.isEmpty()) {
        differences.fallbacks.add(name);
      } else if (!printed.get().equals(file.toString())) {
        differences.different.add(name + " first differs at: " + firstDifference(printed.get(), file.toString()));
      }
    }
    return differences;
  }

  /** Where two texts part, with the line of each, so that a failure says what to look at. */
  private static String firstDifference(String printed, String expected) {
    int at = 0;
    while (at < printed.length() && at < expected.length() && printed.charAt(at) == expected.charAt(at)) {
      at++;
    }
    int lineStart = expected.lastIndexOf('\n', at - 1) + 1;
    return "offset " + at + "\n  printer: " + line(printed, lineStart) + "\n  javapoet: " + line(expected, lineStart);
  }

  private static String line(String text, int start) {
    int end = text.indexOf('\n', start);
    return start >= text.length() ? "<end>" : text.substring(start, end < 0 ? text.length() : end);
  }

  private static final class Differences {
    int files;
    final List<String> fallbacks = new ArrayList<>();
    final List<String> different = new ArrayList<>();

    void assertNone() {
      assertThat(different).as("files printed differently from JavaFile.toString()").isEmpty();
      assertThat(fallbacks).as("files the printer refused (fallbacks)").isEmpty();
    }
  }
}
