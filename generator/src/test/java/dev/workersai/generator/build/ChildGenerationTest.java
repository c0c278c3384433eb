package dev.workersai.generator.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.workersai.catalog.CatalogException;
import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.state.GenerationState;
import dev.workersai.generator.write.Digests;
import dev.workersai.generator.write.FileHashes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forked generation's main loop, run in this JVM: what it reports, what it records, how it fails. */
class ChildGenerationTest {
  private static final Path CASES = Paths.get("src", "test", "resources", "adversarial");

  @TempDir Path temp;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

  @Test
  void reportsTheRunAndRecordsAStateTheNextCheckAccepts() {
    ChildArguments args = arguments(CASES.resolve("collisions"));

    assertThat(ChildGeneration.run(args, log())).isEqualTo(ChildGeneration.OK);

    assertThat(lines()).allSatisfy(line -> assertThat(line.type().failureKind()).isEmpty())
        .anySatisfy(line -> assertThat(line.text()).startsWith("Rate limits: the published table bundled"))
        .anySatisfy(line -> assertThat(line).isEqualTo(new ChildLine(ChildLine.Type.INFO,
            "models: 4 generated, 0 metadata only; files: 4 (4 written, 0 unchanged, 0 deleted; 4 rendered, 0 reused)")));
    FileHashes hashes = FileHashes.load(args.stampsFile());
    GenerationState now = GenerationState.ofInputs(args.tool(), args.request(), hashes);
    assertThat(now.reasonToGenerate(GenerationState.load(args.stateFile()), args.request().outputDirectory(), hashes))
        .isEmpty();
  }

  /**
   * The run hashes each input as it reads it for parsing (once): its record holds the SHA-256 of every
   * input, as a check that reads each file itself takes it. The bundled snapshot: files parsed on every core.
   */
  @Test
  void theRecordHoldsEachInputsHashAsACheckReadingEveryFileTakesIt() {
    ChildArguments args = arguments(Paths.get("..", "model-schemas"));

    assertThat(ChildGeneration.run(args, log())).isEqualTo(ChildGeneration.OK);

    GenerationState recorded = GenerationState.load(args.stateFile()).orElseThrow();
    GenerationState check = GenerationState.ofInputs(args.tool(), args.request());   // reads and hashes every file
    assertThat(recorded.schemaFiles()).hasSize(args.request().inputs().size()).isEqualTo(check.schemaFiles())
        .containsEntry("rate-limits.json", Digests.sha256(Paths.get("..", "model-schemas", "rate-limits.json")));
    assertThat(check.reasonToGenerate(Optional.of(recorded), args.request().outputDirectory())).isEmpty();
  }

  @Test
  void aBadCatalogIsOneFailureLineWithTheMessageAnInProcessRunThrows() {
    ChildArguments args = arguments(CASES.resolve("three-bad"));
    String inProcess = catchMessage(args);

    assertThat(ChildGeneration.run(args, log())).isEqualTo(ChildGeneration.FAILED);

    assertThat(lines()).last().isEqualTo(new ChildLine(ChildLine.Type.FAIL_BAD_INPUT, inProcess));
    assertThat(inProcess).contains("problems in the catalog:\n").contains("broken.json#");
    assertThat(args.stateFile()).doesNotExist();
  }

  @Test
  void theFirstFiveNotesAreInfoTheRestDebug() throws IOException {
    Path schemas = Files.createDirectories(temp.resolve("schemas"));
    for (int i = 1; i <= 7; i++) {   // a model with no schema is typed by its task, with a note
      Files.writeString(schemas.resolve("m" + i + ".json"), "{\"name\":\"@cf/x/m" + i + "\",\"task\":\"Text Generation\"}");
    }

    ChildGeneration.run(arguments(schemas), log());

    List<ChildLine> notes = lines().stream().filter(line -> line.text().contains("no schema")).toList();
    assertThat(notes).extracting(ChildLine::type).containsExactly(ChildLine.Type.INFO, ChildLine.Type.INFO,
        ChildLine.Type.INFO, ChildLine.Type.INFO, ChildLine.Type.INFO, ChildLine.Type.DEBUG, ChildLine.Type.DEBUG);
    assertThat(lines()).contains(new ChildLine(ChildLine.Type.INFO, "... and 2 more notes (run with -X to see them all)"));
  }

  private String catchMessage(ChildArguments args) {
    GenerationRequest elsewhere = new GenerationRequest(args.request().schemaDirectory(), temp.resolve("in-process"),
        args.request().packageName(), List.of(), List.of(), List.of(), args.request().rateLimits());
    Throwable thrown = catchThrowable(() -> IncrementalGeneration.run(elsewhere, "t", elsewhere.inputs(),
        FileHashes.none(), temp.resolve("s"), temp.resolve("p"), new Discard()));
    assertThat(thrown).isInstanceOf(CatalogException.class);
    return thrown.getMessage();
  }

  private ChildArguments arguments(Path schemas) {
    return new ChildArguments(GenerationRequest.of(schemas, temp.resolve("out")), "test-tool", temp.resolve("w/state"),
        temp.resolve("w/stamps"));
  }

  private ChildGeneration.LineLog log() {
    return new ChildGeneration.LineLog(new PrintStream(stdout, true, StandardCharsets.UTF_8));
  }

  private List<ChildLine> lines() {
    String text = stdout.toString(StandardCharsets.UTF_8);
    assertThat(text).endsWith("\n");
    return text.lines().map(line -> ChildLine.decode(line).orElseThrow(() -> new AssertionError("not a line: " + line)))
        .toList();
  }

  /** A log for a run whose messages the test does not look at. */
  private static final class Discard implements BuildLog {
    @Override
    public void info(String text) {}

    @Override
    public void warn(String text) {}

    @Override
    public void debug(String text) {}
  }
}
