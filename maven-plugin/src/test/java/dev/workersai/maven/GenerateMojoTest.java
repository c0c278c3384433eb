package dev.workersai.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.refresh.SnapshotDate;
import dev.workersai.generator.state.GenerationState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The goal's wiring, in-process and forked: source root, no-op runs, and how failures are reported. */
class GenerateMojoTest {
  private static final String SCHEMA = "\"schema\":{\"input\":{\"type\":\"object\",\"properties\":{\"prompt\":{\"type\":\"string\"}}},"
      + "\"output\":{\"type\":\"object\",\"properties\":{\"response\":{\"type\":\"string\"}}}}";

  @TempDir Path temp;
  private final List<String> infoLines = new ArrayList<>();
  private final List<String> warnLines = new ArrayList<>();
  private final List<String> debugLines = new ArrayList<>();
  private GenerateMojo mojo;

  @BeforeEach
  void configure() throws IOException {
    Path models = Files.createDirectories(temp.resolve("model-schemas/models"));
    Files.writeString(models.resolve("llama.json"), "{\"name\":\"@cf/meta/llama\",\"task\":\"Text Generation\"," + SCHEMA + "}");
    Files.writeString(models.resolve("bge.json"), "{\"name\":\"@cf/baai/bge\",\"task\":\"Text Embeddings\"," + SCHEMA + "}");
    mojo = new GenerateMojo();
    mojo.schemaDirectory = temp.resolve("model-schemas").toFile();
    mojo.outputDirectory = temp.resolve("target/generated-sources/workers-ai").toFile();
    mojo.workDirectory = temp.resolve("target/workers-ai").toFile();
    mojo.packageName = "dev.workersai.models";
    mojo.project = new MavenProject();
    mojo.plugin = new PluginDescriptor();
    mojo.plugin.setVersion("1.0.0");
    mojo.plugin.setArtifacts(List.of());
    mojo.setLog(new SystemStreamLog() {
      @Override
      public void info(CharSequence content) {
        infoLines.add(content.toString());
      }

      @Override
      public void warn(CharSequence content) {
        warnLines.add(content.toString());
      }

      @Override
      public boolean isDebugEnabled() {
        return true;
      }

      @Override
      public void debug(CharSequence content) {
        debugLines.add(content.toString());
      }
    });
  }

  @Test
  void generatesAddsTheSourceRootAndThenHasNothingToDo() throws Exception {
    mojo.execute();
    mojo.execute();

    assertThat(mojo.project.getCompileSourceRoots()).containsExactly(mojo.outputDirectory.toString());
    assertThat(infoLines).filteredOn(l -> l.startsWith("Generating Workers AI sources")).hasSize(1);
    assertThat(infoLines.get(infoLines.size() - 1)).contains("are up to date");
    assertThat(temp.resolve("target/workers-ai/state-v2.properties")).isRegularFile();
  }

  @ParameterizedTest(name = "fork {0}")
  @ValueSource(booleans = {true, false})
  void aCleanBuildsCheckHashesNothingAndTheGenerationRecordsEveryInput(boolean fork) throws Exception {
    mojo.fork = fork;
    mojo.execute();

    assertThat(debugLines).contains(checkRead(0));
    Path stateFile = temp.resolve("target/workers-ai/state-v2.properties");
    GenerationRequest request = GenerationRequest.of(mojo.schemaDirectory.toPath(), mojo.outputDirectory.toPath());
    assertThat(GenerationState.load(stateFile)).get().extracting(GenerationState::schemaFiles)
        .as("what a check reading every input finds").isEqualTo(GenerationState.ofInputs("any", request).schemaFiles());

    // with a record, the check hashes what moved: one edited model file
    Path llama = temp.resolve("model-schemas/models/llama.json");
    Files.writeString(llama, Files.readString(llama).replace("\"prompt\"", "\"text\""));
    debugLines.clear();
    mojo.execute();

    assertThat(debugLines).contains(checkRead(1));
    assertThat(infoLines).contains("Generating Workers AI sources because schema files changed: models/llama.json modified.");
  }

  private static String checkRead(int files) {
    return "The up-to-date check read and hashed " + files + " files (of 2 inputs, and the generated sources);"
        + " the others were taken by their stamps.";
  }

  @Test
  void anIncludeThatMatchesNothingFailsWithTheClosestIds() {
    mojo.includes = List.of("@cf/meta/lama");

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("@cf/meta/lama")
        .hasMessageContaining("@cf/meta/llama");
    assertThat(temp.resolve("target/workers-ai/state-v2.properties")).doesNotExist();
  }

  @Test
  void aBadSchemaFailsNamingFileAndPointer() throws IOException {
    Files.writeString(temp.resolve("model-schemas/models/bge.json"), "{\"name\":\"@cf/baai/bge\",\"schema\":{\"input\":{\"required\":7}}}");

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("bge.json#/schema/input/required");
  }

  @Test
  void everyBadFileFailsTheOneRunOnItsOwnLine() throws IOException {
    Path models = temp.resolve("model-schemas/models");
    Files.writeString(models.resolve("bge.json"), "{\"name\":\"@cf/baai/bge\",\"schema\":{\"input\":{\"required\":7}}}");
    Files.writeString(models.resolve("broken.json"), "{\"name\":");
    Files.writeString(models.resolve("nameless.json"), "{\"task\":\"Text Generation\"}");

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .satisfies(e -> assertThat(e.getMessage().lines().toList()).satisfiesExactly(
            line -> assertThat(line).isEqualTo("3 problems in the catalog:"),
            line -> assertThat(line).startsWith("[bad-schema] ").contains("bge.json#/schema/input/required"),
            line -> assertThat(line).startsWith("[malformed-json] ").contains("broken.json#"),
            line -> assertThat(line).startsWith("[missing-name] ").contains("nameless.json#/name")));
    assertThat(temp.resolve("target/workers-ai/state-v2.properties")).doesNotExist();
  }

  @Test
  void aSnapshotWithoutModelFilesWarnsOnEveryRun() throws Exception {
    deleteModelFiles();
    Files.writeString(temp.resolve("model-schemas/rate-limits.json"), "{\"taskDefaults\":{},\"modelOverrides\":{}}");

    mojo.execute();
    mojo.execute();

    assertThat(warnLines).hasSize(2).allSatisfy(line -> assertThat(line)
        .startsWith("No Workers AI model files in " + temp.resolve("model-schemas"))
        .contains("nothing to generate"));
  }

  @Test
  void aSnapshotWithoutModelFilesFailsWhenIncludesAreGiven() throws Exception {
    deleteModelFiles();
    mojo.includes = List.of("@cf/meta/llama");

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("include @cf/meta/llama matches no model: " + temp.resolve("model-schemas") + " holds no model files"
            + " (*.json directly in it or in its models/ folder)");
    assertThat(warnLines).singleElement().asString().contains("No Workers AI model files");
  }

  @Test
  void aSnapshotWithModelsDoesNotWarn() throws Exception {
    mojo.execute();

    assertThat(warnLines).isEmpty();
  }

  private void deleteModelFiles() throws IOException {
    Files.delete(temp.resolve("model-schemas/models/llama.json"));
    Files.delete(temp.resolve("model-schemas/models/bge.json"));
  }

  @Test
  void withoutAModelSchemasFolderTheBundledSnapshotIsUsedAndNamed() throws Exception {
    Path project = Files.createDirectories(temp.resolve("fresh"));
    mojo.project.setFile(project.resolve("pom.xml").toFile());
    mojo.schemaDirectory = project.resolve("model-schemas").toFile();
    mojo.includes = List.of("@cf/meta/llama-3.1-8b-instruct");

    mojo.execute();
    mojo.execute();

    String date = bundledDate();
    assertThat(infoLines).filteredOn(l -> l.startsWith("No model-schemas/ folder: using the catalog snapshot bundled"))
        .hasSize(2).allMatch(l -> l.contains("(" + date + ", 99 models)"));
    assertThat(infoLines).filteredOn(l -> l.startsWith("Generating Workers AI sources")).hasSize(1);
    assertThat(mojo.outputDirectory.toPath().resolve("dev/workersai/models/meta/Llama3_1_8bInstruct.java")).isRegularFile();
    assertThat(temp.resolve("target/workers-ai/bundled-snapshot/rate-limits.json")).isRegularFile();
    assertThat(project.resolve("model-schemas")).doesNotExist();
    assertThat(warnLines).isEmpty();
  }

  /** The date in ../model-schemas, which the jar bundles: the plugin names that, not one set by hand. */
  private static String bundledDate() throws IOException {
    Path file = Path.of("..", "model-schemas", "models", SnapshotDate.FILE_NAME);
    return SnapshotDate.parse(Files.readAllBytes(file), file.toString()).orElseThrow().toString();
  }

  @Test
  void aConfiguredFolderThatIsMissingIsNeverReplacedByTheBundledSnapshot() throws Exception {
    mojo.project.setFile(temp.resolve("pom.xml").toFile());
    mojo.schemaDirectory = temp.resolve("elsewhere").toFile();

    assertThatThrownBy(mojo::execute).hasMessageContaining("elsewhere");
    assertThat(infoLines).noneMatch(l -> l.contains("bundled"));
  }

  @Test
  void aForkedRunWritesTheBytesAndLogsTheLinesOfAnInProcessOne() throws Exception {
    // every character the child's argument file and the state's configuration must carry through
    mojo.excludes = List.of("#not @a \\ \"glob\"\nsecond line", "");
    mojo.fork = true;

    mojo.execute();
    Map<String, String> forked = sources();
    List<String> forkedLog = List.copyOf(infoLines);
    mojo.execute();

    assertThat(temp.resolve("target/workers-ai/" + ForkedGeneration.ARG_FILE)).as("the run forked").isRegularFile();
    assertThat(infoLines.get(infoLines.size() - 1)).as("the state the child saved passes the check").contains("are up to date");
    assertThat(forkedLog).anySatisfy(line -> assertThat(line).startsWith("Rate limits: "))
        .anySatisfy(line -> assertThat(line).startsWith("models: 2 generated"));

    deleteTree(temp.resolve("target"));
    infoLines.clear();
    mojo.fork = false;
    mojo.execute();

    assertThat(temp.resolve("target/workers-ai/" + ForkedGeneration.ARG_FILE)).doesNotExist();
    assertThat(sources()).isNotEmpty().isEqualTo(forked);
    assertThat(infoLines).isEqualTo(forkedLog);
    assertThat(warnLines).isEmpty();
  }

  @Test
  void aBadCatalogFailsAForkedRunWithTheMessageOfAnInProcessOne() throws IOException {
    Path models = temp.resolve("model-schemas/models");
    Files.writeString(models.resolve("bge.json"), "{\"name\":\"@cf/baai/bge\",\"schema\":{\"input\":{\"required\":7}}}");
    Files.writeString(models.resolve("broken.json"), "{\"name\":");
    Throwable inProcess = catchThrowable(mojo::execute);
    mojo.fork = true;

    Throwable forked = catchThrowable(mojo::execute);

    assertThat(temp.resolve("target/workers-ai/" + ForkedGeneration.ARG_FILE)).as("the run forked").isRegularFile();
    assertThat(forked).isInstanceOf(MojoFailureException.class).hasMessage(inProcess.getMessage())
        .hasMessageContaining("bge.json#/schema/input/required").hasMessageContaining("broken.json#");
    assertThat(inProcess).isInstanceOf(MojoFailureException.class);
    assertThat(temp.resolve("target/workers-ai/state-v2.properties")).doesNotExist();
  }

  @Test
  void anOutputThatCannotBeWrittenFailsAForkedRunAsAnInProcessOne() throws IOException {
    Files.createDirectories(mojo.outputDirectory.toPath().getParent());
    Files.writeString(mojo.outputDirectory.toPath(), "a file where the output folder goes");
    Throwable inProcess = catchThrowable(mojo::execute);
    mojo.fork = true;

    Throwable forked = catchThrowable(mojo::execute);

    assertThat(temp.resolve("target/workers-ai/" + ForkedGeneration.ARG_FILE)).as("the run forked").isRegularFile();
    assertThat(inProcess).isInstanceOf(MojoExecutionException.class).hasMessageContaining(mojo.outputDirectory.toString());
    assertThat(forked).isInstanceOf(MojoExecutionException.class).hasMessage(inProcess.getMessage());
  }

  /** Every generated file by its path under the output folder, with its text. */
  private Map<String, String> sources() throws IOException {
    Path root = mojo.outputDirectory.toPath();
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString(), Files.readString(file));
      }
    }
    return files;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Test
  void skipDoesNothing() throws Exception {
    mojo.skip = true;

    mojo.execute();

    assertThat(mojo.project.getCompileSourceRoots()).isEmpty();
    assertThat(mojo.outputDirectory).doesNotExist();
  }
}
