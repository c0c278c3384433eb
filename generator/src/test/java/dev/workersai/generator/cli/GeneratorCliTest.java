package dev.workersai.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's exit codes and output: 0 with the summary, 1 for a bad snapshot with nothing written, 2 for bad usage. */
class GeneratorCliTest {
  private static final Path CASES = Paths.get("src", "test", "resources", "adversarial");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void successPrintsTheOneLineSummaryAndExitsZero(@TempDir Path tmp) throws Exception {
    int status = run("--schemas", CASES.resolve("collisions").toString(), "--out", tmp.toString(),
        "--package", "com.example.ai", "--include", "@cf/acme/*", "--exclude", "@cf/acme/input");
    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("models: 2 generated, 0 metadata only; files: 2\n");
    assertThat(tmp.resolve("com/example/ai/acme/Model1_0.java")).exists();
    assertThat(tmp.resolve("com/example/ai/acme/InputModel.java")).doesNotExist();
  }

  @Test
  void aBadSnapshotExitsOneNamingTheFileAndWritesNothing(@TempDir Path tmp) throws Exception {
    Path target = tmp.resolve("out");
    int status = run("--schemas", CASES.resolve("malformed").toString(), "--out", target.toString());
    assertThat(status).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: [malformed-json]").contains("broken.json");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(target).doesNotExist();
  }

  @Test
  void aBadSchemaInAFolderWithGoodModelsStillWritesNothing(@TempDir Path tmp) throws Exception {
    Path schemas = Files.createDirectories(tmp.resolve("schemas"));
    Files.copy(CASES.resolve("collisions/a.json"), schemas.resolve("a.json"));
    Files.copy(CASES.resolve("bad-schema/bad.json"), schemas.resolve("bad.json"));
    Path target = tmp.resolve("out");
    assertThat(run("--schemas", schemas.toString(), "--out", target.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.json#/schema/input/properties/n/maxLength");
    assertThat(target).doesNotExist();
  }

  @Test
  void everyBadFileIsPrintedOnItsOwnLineInOneRun(@TempDir Path tmp) {
    Path target = tmp.resolve("out");
    Path threeBad = CASES.resolve("three-bad");

    assertThat(run("--schemas", threeBad.toString(), "--out", target.toString())).isEqualTo(1);

    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).satisfiesExactly(
        line -> assertThat(line).startsWith("error: [malformed-json] " + threeBad.resolve("broken.json") + "#: "),
        line -> assertThat(line).startsWith("error: [bad-schema] " + threeBad.resolve("huge.json")
            + "#/schema/input/properties/n/minimum: "),
        line -> assertThat(line).startsWith("error: [missing-name] " + threeBad.resolve("nameless.json") + "#/name: "));
    assertThat(target).doesNotExist();
  }

  @Test
  void missingArgumentsExitTwoWithTheUsage() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--schemas and --out are required").contains("usage:");
  }

  @Test
  void anUnknownOptionExitsTwo(@TempDir Path tmp) {
    assertThat(run("--schemas", tmp.toString(), "--out", tmp.toString(), "--frobnicate", "x")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --frobnicate");
  }

  @Test
  void anUnknownOptionAtTheEndIsNamedAsUnknownAndAKnownOneAsMissingItsValue(@TempDir Path tmp) {
    assertThat(run("--schemas", tmp.toString(), "--out", tmp.toString(), "--frobnicate")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --frobnicate");
    err.reset();
    assertThat(run("--schemas", tmp.toString(), "--out")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out needs a value");
  }

  @Test
  void anIncludeMatchingNothingExitsTwoNamingTheClosestIds(@TempDir Path tmp) throws Exception {
    assertThat(run("--schemas", CASES.resolve("collisions").toString(), "--out", tmp.toString(),
        "--include", "@cf/acme/modle-1.0")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("include @cf/acme/modle-1.0 matches no model; closest ids: [@cf/acme/model-1.0");
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void helpPrintsTheUsageAndExitsZero() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage:").contains("--rate-limits FILE").contains("--version");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void versionPrintsTheProjectVersion() {
    assertThat(run("--version")).isZero();
    // the build filters version.properties; an unfiltered one would print ${project.version}
    assertThat(out.toString(StandardCharsets.UTF_8)).matches("workers-ai-generator \\d+\\.\\d+\\.\\d+\\S*\n");
  }

  @Test
  void helpAmongOtherArgumentsIsBadUsage(@TempDir Path tmp) {
    assertThat(run("--schemas", tmp.toString(), "--help")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--help takes no other arguments");
  }

  @Test
  void aModelWithNoKnownRateLimitIsNamedInTheSummary(@TempDir Path tmp) throws Exception {
    Path schemas = Files.createDirectories(tmp.resolve("schemas"));
    Files.writeString(schemas.resolve("speak.json"), """
        {"name": "@cf/acme/speak", "task": {"name": "Text-to-Speech"},
         "schema": {"input": {"type": "object", "properties": {"text": {"type": "string"}}},
                    "output": {"type": "object", "properties": {"ok": {"type": "boolean"}}}}}
        """);
    assertThat(run("--schemas", schemas.toString(), "--out", tmp.resolve("out").toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
        "models: 1 generated, 0 metadata only; files: 1; no known rate limit, so no client-side limiting: @cf/acme/speak\n");
  }

  @Test
  void theSummarySaysWhyAModelIsMetadataOnly(@TempDir Path tmp) throws Exception {
    Path schemas = Files.createDirectories(tmp.resolve("schemas"));
    Files.writeString(schemas.resolve("facts.json"), "{\"name\": \"@cf/acme/facts\", \"task\": {\"name\": \"Translation\"}}");

    assertThat(run("--schemas", schemas.toString(), "--out", tmp.resolve("out").toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("models: 0 generated, 1 metadata only (the catalog publishes no schema for them); files: 1");
  }

  @Test
  void aModelIdInTwoFilesIsAWarningNamingBoth(@TempDir Path tmp) throws Exception {
    Path schemas = Files.createDirectories(tmp.resolve("schemas"));
    String model = """
        {"name": "@cf/acme/chat", "task": {"name": "Text Generation"},
         "schema": {"input": {"type": "object", "properties": {"prompt": {"type": "string"}}},
                    "output": {"type": "object", "properties": {"response": {"type": "string"}}}}}
        """;
    String id = "@cf/acme/chat";
    Files.writeString(schemas.resolve("chat.json"), model);
    Files.writeString(schemas.resolve("older-copy.json"), model);

    assertThat(run("--schemas", schemas.toString(), "--out", tmp.resolve("out").toString())).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("warning: model " + id + " is in two files: kept ")
        .contains("older-copy.json");
  }

  @Test
  void anUnchangedSecondRunDoesNothingAndSaysSo(@TempDir Path tmp) throws Exception {
    Path schemas = Files.createDirectories(tmp.resolve("schemas"));
    Files.copy(CASES.resolve("collisions/a.json"), schemas.resolve("a.json"));
    Path target = tmp.resolve("out");
    String[] args = {"--schemas", schemas.toString(), "--out", target.toString()};
    assertThat(run(args)).isZero();
    out.reset();

    assertThat(run(args)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("up to date: " + target);

    out.reset();
    Files.copy(CASES.resolve("collisions/b.json"), schemas.resolve("b.json"));
    assertThat(run(args)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("models: 2 generated");
    out.reset();
    assertThat(run("--schemas", schemas.toString(), "--out", target.toString(), "--exclude", "nothing/*")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("models: 2 generated");
  }

  private int run(String... args) {
    return GeneratorCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
