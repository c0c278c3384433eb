package dev.workersai.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workersai.runtime.model.RateLimit;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader on small hand-written files: every accepted shape, and every error message exactly. */
class CatalogReaderTest {
  @TempDir Path dir;

  private Path write(String name, String json) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }

  private void assertFails(Path file, String expectedMessage) {
    assertThatThrownBy(() -> CatalogReader.readModel(file))
        .isInstanceOf(CatalogException.class)
        .hasMessage(expectedMessage);
  }

  @Test
  void readsThePublishedShape() throws IOException {
    Path file =
        write(
            "m.json",
            """
            {
            \t"id": "0f0f", "source": 1, "name": "@cf/acme/m-1", "description": "Words.",
            \t"task": {"id": "t", "name": "Text Generation", "description": "More words."},
            \t"created_at": "2025-08-05 10:27:29.131", "tags": [], "deprecated": true,
            \t"properties": [
            \t\t{"property_id": "context_window", "value": "4096"},
            \t\t{"property_id": "beta", "value": "true"},
            \t\t{"property_id": "lora", "value": "false"},
            \t\t{"property_id": "planned_deprecation_date", "value": "2026-05-30"},
            \t\t{"property_id": "price", "value": [{"unit": "per M input tokens", "price": 0.045, "currency": "USD"}]},
            \t\t{"property_id": "reasoning_effort", "value": {"default_effort": "medium"}},
            \t\t{"property_id": "brand_new", "value": ["a", 1]},
            \t\t{"property_id": "terms", "value": "https://example.com/terms"}
            \t],
            \t"schema": {"input": {"type": "object"}, "output": {"type": "object", "contentType": "application/json"}}
            }

            """);

    CatalogModel model = CatalogReader.readModel(file);

    assertThat(model.id()).isEqualTo("@cf/acme/m-1");
    assertThat(model.task()).isEqualTo("Text Generation");
    assertThat(model.deprecated()).isTrue();
    assertThat(model.hasSchema()).isTrue();
    assertThat(model.outputSchema().orElseThrow().get("contentType").asText()).isEqualTo("application/json");
    assertThat(model.source()).isEqualTo(new SourceLocation(file, ""));
    ModelProperties p = model.properties();
    assertThat(p.contextWindow()).hasValue(4096);
    assertThat(p.beta()).isTrue();
    assertThat(p.lora()).isFalse();
    assertThat(p.plannedDeprecation()).hasValue(LocalDate.of(2026, 5, 30));
    assertThat(p.prices()).containsExactly(new Price("per M input tokens", new BigDecimal("0.045"), "USD"));
    assertThat(p.terms()).hasValue("https://example.com/terms");
    assertThat(p.info()).isEmpty();
    assertThat(p.all().keySet())
        .containsExactly(
            "beta", "brand_new", "context_window", "lora", "planned_deprecation_date", "price", "reasoning_effort", "terms");
    assertThat(p.all().get("brand_new").toString()).isEqualTo("[\"a\",1]");
  }

  @Test
  void readsTheSnapshotShapeOnOneLine() throws IOException {
    Path file =
        write(
            "s.json",
            "{\"name\":\"@cf/acme/s\",\"task\":\"Text Embeddings\",\"properties\":[{\"property_id\":\"max_input_tokens\",\"value\":512}],"
                + "\"schema\":{\"input\":{\"type\":\"object\"},\"output\":{\"type\":\"object\"}}}");

    CatalogModel model = CatalogReader.readModel(file);

    assertThat(model.task()).isEqualTo("Text Embeddings");
    assertThat(model.properties().maxInputTokens()).hasValue(512);
    assertThat(model.deprecated()).isFalse();
  }

  @Test
  void keepsEntriesWithoutSchemaTaskOrProperties() throws IOException {
    CatalogModel bare = CatalogReader.readModel(write("a.json", "{\"name\": \"@cf/acme/a\", \"task\": null}"));
    CatalogModel emptySchema =
        CatalogReader.readModel(write("b.json", "{\"name\": \"@cf/acme/b\", \"task\": {\"name\": null}, \"schema\": {}}"));

    assertThat(bare.task()).isEmpty();
    assertThat(bare.hasSchema()).isFalse();
    assertThat(bare.inputSchema()).isEmpty();
    assertThat(bare.properties().all()).isEmpty();
    assertThat(bare.properties().prices()).isEmpty();
    assertThat(emptySchema.task()).isEmpty();
    assertThat(emptySchema.hasSchema()).isFalse();
  }

  @Test
  void leavesUninterpretableKnownValuesUntypedButKept() throws IOException {
    CatalogModel model =
        CatalogReader.readModel(
            write(
                "u.json",
                """
                {"name": "@cf/acme/u", "properties": [
                  {"property_id": "context_window", "value": "128k"},
                  {"property_id": "planned_deprecation_date", "value": "soon"},
                  {"property_id": "price", "value": [{"unit": "per step", "price": "n/a"}, {"unit": "per tile", "price": "0.5"}]},
                  {"property_id": "vision", "value": "yes"}
                ]}
                """));

    assertThat(model.properties().contextWindow()).isEmpty();
    assertThat(model.properties().plannedDeprecation()).isEmpty();
    assertThat(model.properties().prices()).containsExactly(new Price("per tile", new BigDecimal("0.5"), ""));
    assertThat(model.properties().vision()).isFalse();
    assertThat(model.properties().all().get("context_window").asText()).isEqualTo("128k");
  }

  @Test
  void reportsMalformedJsonWithLineAndColumn() throws IOException {
    Path file = write("bad.json", "{\n  \"name\": \"@cf/acme/x\",\n  \"task\": }\n");

    assertFails(file, "[malformed-json] " + file + "#: line 3, column 11: Unexpected character ('}' (code 125)): expected a value");
  }

  @Test
  void reportsTruncatedAndEmptyFiles() throws IOException {
    Path truncated = write("t.json", "{\"name\": \"@cf/acme/x\"");
    Path empty = write("e.json", "");
    Path twoDocuments = write("two.json", "{\"name\": \"@cf/a/x\"} {}");

    assertFails(truncated, "[malformed-json] " + truncated + "#: line 1, column 22: Unexpected end-of-input: expected close marker for Object (opened at line 1, column 1)");
    assertFails(empty, "[malformed-json] " + empty + "#: file is empty");
    assertFails(twoDocuments, "[malformed-json] " + twoDocuments + "#: line 1, column 21: a second JSON value (START_OBJECT) after the first");
  }

  @Test
  void reportsDuplicateKeys() throws IOException {
    Path file = write("d.json", "{\"name\": \"@cf/acme/x\", \"name\": \"@cf/acme/y\"}");

    assertFails(file, "[malformed-json] " + file + "#: line 1, column 24: Duplicate field 'name'");
  }

  @Test
  void reportsAMissingOrWrongName() throws IOException {
    Path missing = write("m.json", "{\"task\": \"Text Generation\"}");
    Path number = write("n.json", "{\"name\": 7}");
    Path blank = write("b.json", "{\"name\": \"  \"}");
    Path array = write("a.json", "[]");

    assertFails(missing, "[missing-name] " + missing + "#/name: a model entry needs a \"name\", the model id such as @cf/meta/llama-3.1-8b-instruct");
    assertFails(number, "[wrong-type] " + number + "#/name: expected a string, found a number");
    assertFails(blank, "[missing-name] " + blank + "#/name: the model id is blank");
    assertFails(array, "[wrong-type] " + array + "#: a model file must hold a JSON object, found an array");
  }

  @Test
  void reportsWrongTypesOfEntryMembers() throws IOException {
    Path task = write("t.json", "{\"name\": \"@cf/a/t\", \"task\": 3}");
    Path taskName = write("tn.json", "{\"name\": \"@cf/a/t\", \"task\": {\"name\": false}}");
    Path deprecated = write("d.json", "{\"name\": \"@cf/a/d\", \"deprecated\": \"yes\"}");
    Path properties = write("p.json", "{\"name\": \"@cf/a/p\", \"properties\": {\"beta\": \"true\"}}");
    Path propertyId = write("pi.json", "{\"name\": \"@cf/a/p\", \"properties\": [{\"value\": \"true\"}]}");
    Path twice =
        write("pt.json", "{\"name\": \"@cf/a/p\", \"properties\": [{\"property_id\": \"beta\"}, {\"property_id\": \"beta\"}]}");
    Path schema = write("s.json", "{\"name\": \"@cf/a/s\", \"schema\": []}");
    Path input = write("i.json", "{\"name\": \"@cf/a/s\", \"schema\": {\"input\": \"object\", \"output\": {}}}");

    assertFails(task, "[wrong-type] " + task + "#/task: expected an object or a string, found a number");
    assertFails(taskName, "[wrong-type] " + taskName + "#/task/name: expected a string, found a boolean");
    assertFails(deprecated, "[wrong-type] " + deprecated + "#/deprecated: expected a boolean, found a string");
    assertFails(properties, "[wrong-type] " + properties + "#/properties: expected an array of {property_id, value}, found an object");
    assertFails(propertyId, "[wrong-type] " + propertyId + "#/properties/0/property_id: expected a string, found nothing");
    assertFails(twice, "[duplicate-property] " + twice + "#/properties/1/property_id: property \"beta\" is given twice");
    assertFails(schema, "[wrong-type] " + schema + "#/schema: expected an object, found an array");
    assertFails(input, "[wrong-type] " + input + "#/schema/input: expected an object (a JSON Schema), found a string");
  }

  @Test
  void reportsSchemaKeywordsOfTheWrongShapeAtTheirPointer() throws IOException {
    Path type =
        write("t.json", "{\"name\": \"@cf/a/t\", \"schema\": {\"input\": {\"properties\": {\"n/m\": {\"type\": 5}}}, \"output\": {}}}");
    Path required = write("r.json", "{\"name\": \"@cf/a/r\", \"schema\": {\"input\": {\"required\": \"n\"}, \"output\": {}}}");
    Path oneOf =
        write("o.json", "{\"name\": \"@cf/a/o\", \"schema\": {\"input\": {}, \"output\": {\"oneOf\": [{\"type\": \"string\"}, 4]}}}");
    Path items =
        write("i.json", "{\"name\": \"@cf/a/i\", \"schema\": {\"input\": {\"items\": {\"maxItems\": \"3\"}}, \"output\": {}}}");
    Path empty = write("e.json", "{\"name\": \"@cf/a/e\", \"schema\": {\"input\": {\"anyOf\": []}, \"output\": {}}}");

    assertFails(type, "[bad-schema] " + type + "#/schema/input/properties/n~1m/type: \"type\" must be a string or an array of strings, found a number");
    assertFails(required, "[bad-schema] " + required + "#/schema/input/required: \"required\" must be an array of property names, found a string");
    assertFails(oneOf, "[wrong-type] " + oneOf + "#/schema/output/oneOf/1: expected a schema (an object or a boolean), found a number");
    assertFails(items, "[bad-schema] " + items + "#/schema/input/items/maxItems: \"maxItems\" must be a number, found a string");
    assertFails(empty, "[bad-schema] " + empty + "#/schema/input/anyOf: \"anyOf\" must be a non-empty array of schemas, found an empty array");
  }

  @Test
  void toleratesARequiredListMisplacedInsideProperties() throws IOException {
    Path file =
        write(
            "q.json",
            "{\"name\": \"@cf/a/q\", \"schema\": {\"input\": {\"properties\": {\"p\": {\"type\": \"string\"}, \"required\": [\"p\"]}}, \"output\": {}}}");

    assertThat(CatalogReader.readModel(file).inputSchema()).isPresent();
  }

  @Test
  void readsAFolderSortedByIdWithModelsSubfolderAndRateLimits() throws IOException {
    write("zeta.json", "{\"name\": \"@cf/acme/a\", \"task\": \"Text Generation\"}");
    write("models/alpha.json", "{\"name\": \"@cf/acme/c\", \"task\": \"Translation\"}");
    write("models/deep/ignored.json", "{\"name\": \"@cf/acme/ignored\"}");
    write("notes.txt", "not a model");
    write("models/beta.json", "{\"name\": \"@cf/acme/b\", \"task\": \"Text-to-Speech\"}");
    write(
        "rate-limits.json",
        "{\"unit\": \"requests per minute\", \"taskDefaults\": {\"Text Generation\": 300, \"Translation\": 720},"
            + " \"modelOverrides\": {\"@cf/acme/c\": 10}}");

    Catalog catalog = CatalogReader.read(dir);

    assertThat(catalog.models().stream().map(CatalogModel::id)).containsExactly("@cf/acme/a", "@cf/acme/b", "@cf/acme/c");
    RateLimitTable limits = catalog.rateLimits();
    assertThat(limits.resolve("@cf/acme/a", "Text Generation")).isEqualTo(new RateLimitTable.Resolved(300, RateLimit.Source.TASK_DEFAULT));
    assertThat(limits.resolve("@cf/acme/b", "Text-to-Speech")).isEqualTo(new RateLimitTable.Resolved(0, RateLimit.Source.UNKNOWN));
    assertThat(limits.resolve("@cf/acme/c", "Translation")).isEqualTo(new RateLimitTable.Resolved(10, RateLimit.Source.MODEL_OVERRIDE));
  }

  /**
   * Every file comes from the source, asked once each (a generation hashes the bytes it hands out, so
   * the reader must parse those and read nothing behind its back); its failure is the file's problem.
   */
  @Test
  void readsEachFileOnceFromTheSourceAndParsesWhatItGives() throws IOException {
    write("a.json", "{\"name\": \"@cf/acme/on-disk\", \"task\": \"Translation\"}");
    write("models/b.json", "{\"name\": \"@cf/acme/b\", \"task\": \"Translation\"}");
    Path unreadable = write("models/c.json", "{\"name\": \"@cf/acme/c\"}");
    write("rate-limits.json", "{\"taskDefaults\": {\"Translation\": 720}}");
    Map<Path, Integer> asked = new ConcurrentHashMap<>();
    FileSource source = file -> {
      asked.merge(file, 1, Integer::sum);
      if (file.equals(unreadable)) {
        throw new IOException("denied");
      }
      return file.endsWith("a.json") ? "{\"name\": \"@cf/acme/from-source\", \"task\": \"Translation\"}"
          .getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(file);
    };
    List<CatalogException> problems = new ArrayList<>();

    Catalog catalog = CatalogReader.read(dir, problems, source);

    assertThat(catalog.models()).extracting(CatalogModel::id).containsExactly("@cf/acme/b", "@cf/acme/from-source");
    assertThat(catalog.rateLimits().resolve("@cf/acme/b", "Translation").requestsPerMinute()).isEqualTo(720);
    assertThat(asked).containsOnlyKeys(CatalogReader.snapshotFiles(dir)).allSatisfy((file, times) -> assertThat(times).isOne());
    assertThat(problems).extracting(Throwable::getMessage)
        .containsExactly("[unreadable-file] " + unreadable + "#: cannot read: denied");
  }

  @Test
  void listsTheJsonFilesOfTheFolderThenOfModelsEachSortedByName() throws IOException {
    write("models/b.json", "{}");
    write("models/A.json", "{}");
    write("models/deep/nested.json", "{}");
    write("rate-limits.json", "{}");
    write("type-names.json", "{}");
    write("a.json", "{}");
    write("notes.txt", "");
    write("old.json.bak", "");
    write("UPPER.JSON", "");
    Files.createDirectories(dir.resolve("folder.json"));

    assertThat(CatalogReader.snapshotFiles(dir)).containsExactly(
        dir.resolve("a.json"), dir.resolve("rate-limits.json"), dir.resolve("type-names.json"),
        dir.resolve("models/A.json"), dir.resolve("models/b.json"));
    assertThat(CatalogReader.snapshotFiles(dir.resolve("missing"))).isEmpty();
  }

  @Test
  void reportsTheSameModelIdInTwoFiles() throws IOException {
    Path first = write("a.json", "{\"name\": \"@cf/acme/same\"}");
    Path second = write("models/b.json", "{\"name\": \"@cf/acme/same\"}");

    assertThatThrownBy(() -> CatalogReader.read(dir))
        .isInstanceOf(CatalogException.class)
        .hasMessage("[duplicate-model] " + second + "#/name: model @cf/acme/same is already defined in " + first
            + ", and neither file is named same.json")
        .extracting(e -> ((CatalogException) e).location())
        .isEqualTo(new SourceLocation(second, "/name"));
  }

  @Test
  void ofTwoFilesWithOneIdKeepsTheOneNamedAfterTheIdAndWarnsNamingBoth() throws IOException {
    Path named = write("same.json", "{\"name\": \"@cf/acme/same\", \"task\": \"Translation\"}");
    Path older = write("models/old.json", "{\"name\": \"@cf/acme/same\", \"task\": \"Summarization\"}");

    Catalog catalog = CatalogReader.read(dir);

    assertThat(catalog.models()).singleElement().satisfies(m -> {
      assertThat(m.task()).isEqualTo("Translation");
      assertThat(m.source().file()).isEqualTo(named);
    });
    assertThat(catalog.warnings()).containsExactly(
        "model @cf/acme/same is in two files: kept " + named + ", ignored " + older + " (the file named after the id wins)");
  }

  @Test
  void withoutItsOwnTableASnapshotUsesThePublishedOneAndSaysSo() throws IOException {
    write("a.json", "{\"name\": \"@cf/acme/a\", \"task\": \"Text Generation\"}");

    Catalog catalog = CatalogReader.read(dir);

    assertThat(catalog.rateLimits()).isEqualTo(PublishedRateLimits.table());
    assertThat(catalog.rateLimits().resolve("@cf/acme/a", "Text Generation"))
        .isEqualTo(new RateLimitTable.Resolved(300, RateLimit.Source.TASK_DEFAULT));
    assertThat(catalog.rateLimitsOrigin())
        .isEqualTo("the published table bundled with the generator"
            + " (https://developers.cloudflare.com/workers-ai/platform/limits/, as of 2026-11-28)");
  }

  @Test
  void aSnapshotsOwnTableOverridesThePublishedOne() throws IOException {
    write("a.json", "{\"name\": \"@cf/acme/a\", \"task\": \"Text Generation\"}");
    Path table = write("rate-limits.json", "{\"asOf\": \"2027-01-31\", \"taskDefaults\": {\"Text Generation\": 42}}");

    Catalog catalog = CatalogReader.read(dir);

    assertThat(catalog.rateLimits().resolve("@cf/acme/a", "Text Generation"))
        .isEqualTo(new RateLimitTable.Resolved(42, RateLimit.Source.TASK_DEFAULT));
    assertThat(catalog.rateLimitsOrigin()).isEqualTo(table.toString());
  }

  @Test
  void aRateLimitDateMustBeADate() throws IOException {
    Path table = write("rate-limits.json", "{\"asOf\": \"last week\"}");

    assertThatThrownBy(() -> CatalogReader.readRateLimits(table))
        .hasMessage("[bad-rate-limits] " + table + "#/asOf: expected a date YYYY-MM-DD, found \"last week\"");
  }

  @Test
  void reportsAMissingFolderOrFile() {
    Path nowhere = dir.resolve("nowhere");

    assertThatThrownBy(() -> CatalogReader.read(nowhere)).hasMessage("[no-such-directory] " + nowhere + "#: not a directory");
    assertThatThrownBy(() -> CatalogReader.readModel(nowhere.resolve("x.json")))
        .hasMessage("[no-such-file] " + nowhere.resolve("x.json") + "#: file does not exist");
  }

  @Test
  void reportsBadRateLimitTables() throws IOException {
    Path typo = write("r1.json", "{\"modelOverride\": {}}");
    Path zero = write("r2.json", "{\"taskDefaults\": {\"Translation\": 0}}");
    Path text = write("r3.json", "{\"modelOverrides\": {\"@cf/a/b\": \"720\"}}");
    Path unit = write("r4.json", "{\"unit\": \"requests per second\"}");
    Path notMap = write("r5.json", "{\"taskDefaults\": [720]}");

    List.of(typo, zero, text, unit, notMap).forEach(f -> assertThatThrownBy(() -> CatalogReader.readRateLimits(f)).isInstanceOf(CatalogException.class));
    assertThatThrownBy(() -> CatalogReader.readRateLimits(typo))
        .hasMessage("[bad-rate-limits] " + typo + "#/modelOverride: unknown member; expected unit, source, asOf, taskDefaults, modelOverrides");
    assertThatThrownBy(() -> CatalogReader.readRateLimits(zero))
        .hasMessage("[bad-rate-limits] " + zero + "#/taskDefaults/Translation: requests per minute must be a positive integer, found 0");
    assertThatThrownBy(() -> CatalogReader.readRateLimits(text))
        .hasMessage("[bad-rate-limits] " + text + "#/modelOverrides/@cf~1a~1b: requests per minute must be a positive integer, found \"720\"");
    assertThatThrownBy(() -> CatalogReader.readRateLimits(unit))
        .hasMessage("[bad-rate-limits] " + unit + "#/unit: the only unit supported is \"requests per minute\"");
    assertThatThrownBy(() -> CatalogReader.readRateLimits(notMap))
        .hasMessage("[wrong-type] " + notMap + "#/taskDefaults: expected an object of name → requests per minute, found an array");
  }
}
