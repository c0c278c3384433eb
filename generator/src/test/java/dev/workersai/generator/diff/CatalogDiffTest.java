package dev.workersai.generator.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.workersai.catalog.Catalog;
import dev.workersai.catalog.CatalogReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each classification, on small hand-written before/after catalogs. */
class CatalogDiffTest {
  @TempDir Path dir;
  private int folders;

  /** A catalog of the given entries (single quotes stand for double quotes). */
  private Catalog catalog(String... entries) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("c" + folders++));
    for (int i = 0; i < entries.length; i++) {
      Files.writeString(folder.resolve("m" + i + ".json"), entries[i].replace('\'', '"'));
    }
    return CatalogReader.read(folder);
  }

  private static String model(String id, String input, String output) {
    return "{'name': '" + id + "', 'task': 'Text Generation', 'schema': {'input': " + input + ", 'output': " + output + "}}";
  }

  private static final String OUT = "{'type': 'object', 'properties': {'response': {'type': 'string'}}}";

  private List<Change> changes(String inputBefore, String inputAfter) throws IOException {
    return CatalogDiff.compare(catalog(model("@cf/a/m", inputBefore, OUT)), catalog(model("@cf/a/m", inputAfter, OUT))).changes();
  }

  @Test
  void modelsAddedRemovedAndDeprecated() throws IOException {
    Catalog before =
        catalog(
            "{'name': '@cf/a/kept', 'task': 'Translation'}",
            "{'name': '@cf/a/gone', 'task': 'Translation'}",
            "{'name': '@cf/a/old', 'task': 'Translation'}");
    Catalog after =
        catalog(
            "{'name': '@cf/a/kept', 'task': 'Translation'}",
            "{'name': '@cf/a/new', 'task': 'Summarization'}",
            "{'name': '@cf/a/old', 'task': 'Translation', 'deprecated': true,"
                + " 'properties': [{'property_id': 'planned_deprecation_date', 'value': '2026-05-30'}]}");

    ChangeReport report = CatalogDiff.compare(before, after);

    assertThat(report.changes())
        .extracting(Change::modelId, Change::kind, Change::detail, Change::compatibility)
        .containsExactly(
            tuple("@cf/a/gone", ChangeKind.MODEL_REMOVED, "model removed", Compatibility.BREAKING),
            tuple("@cf/a/new", ChangeKind.MODEL_ADDED, "model added (Summarization)", Compatibility.COMPATIBLE),
            tuple("@cf/a/old", ChangeKind.MODEL_DEPRECATED, "deprecated, planned deprecation date 2026-05-30", Compatibility.COMPATIBLE));
    assertThat(CatalogDiff.compare(after, after).isEmpty()).isTrue();
  }

  @Test
  void inputFieldsAddedAndRemoved() throws IOException {
    String before = "{'type': 'object', 'properties': {'prompt': {'type': 'string'}, 'options': {'type': 'object',"
        + " 'properties': {'seed': {'type': 'integer'}, 'deep': {'type': 'object', 'properties': {'x': {'type': 'string'}}}}}},"
        + " 'required': ['prompt']}";
    String after = "{'type': 'object', 'properties': {'prompt': {'type': 'string'}, 'top_k': {'type': 'integer'},"
        + " 'lang': {'type': 'string'}, 'options': {'type': 'object', 'properties': {'seed': {'type': 'integer'}}}},"
        + " 'required': ['prompt', 'lang']}";

    assertThat(changes(before, after))
        .extracting(Change::side, Change::kind, Change::path, Change::detail, Change::compatibility)
        .containsExactly(
            tuple(Side.INPUT, ChangeKind.FIELD_ADDED, "$.lang", "required field added", Compatibility.BREAKING),
            tuple(Side.INPUT, ChangeKind.FIELD_REMOVED, "$.options.deep", "field removed", Compatibility.BREAKING),
            tuple(Side.INPUT, ChangeKind.FIELD_ADDED, "$.top_k", "optional field added", Compatibility.COMPATIBLE));
  }

  @Test
  void inputTypeChangesNarrowingBreaksWideningDoesNot() throws IOException {
    String before = "{'type': 'object', 'properties': {'a': {'type': 'string'}, 'b': {'type': 'integer'},"
        + " 'c': {'type': 'string'}, 'd': {'type': 'number'}}}";
    String after = "{'type': 'object', 'properties': {'a': {'type': 'integer'}, 'b': {'type': 'number'},"
        + " 'c': {'type': ['string', 'null']}, 'd': {'type': 'integer'}}}";

    assertThat(changes(before, after))
        .extracting(Change::path, Change::detail, Change::compatibility)
        .containsExactly(
            tuple("$.a", "type string → integer", Compatibility.BREAKING),
            tuple("$.b", "type integer → number", Compatibility.COMPATIBLE),
            tuple("$.c", "type string → null|string", Compatibility.COMPATIBLE),
            tuple("$.d", "type number → integer", Compatibility.BREAKING));
  }

  @Test
  void requiredEnumAndRangeChangesOfInputs() throws IOException {
    String before = "{'type': 'object', 'required': ['a'], 'properties': {'a': {'type': 'string'}, 'b': {'type': 'string'},"
        + " 'mode': {'type': 'string', 'enum': ['x', 'y']}, 'n': {'type': 'integer', 'minimum': 1, 'maximum': 100},"
        + " 's': {'type': 'string'}}}";
    String after = "{'type': 'object', 'required': ['b'], 'properties': {'a': {'type': 'string'}, 'b': {'type': 'string'},"
        + " 'mode': {'type': 'string', 'enum': ['y', 'z']}, 'n': {'type': 'integer', 'minimum': 0, 'maximum': 50},"
        + " 's': {'type': 'string', 'maxLength': 10}}}";

    assertThat(changes(before, after))
        .extracting(Change::path, Change::kind, Change::detail, Change::compatibility)
        .containsExactly(
            tuple("$.a", ChangeKind.REQUIRED_CHANGED, "now optional", Compatibility.COMPATIBLE),
            tuple("$.b", ChangeKind.REQUIRED_CHANGED, "now required", Compatibility.BREAKING),
            tuple("$.mode", ChangeKind.ENUM_CHANGED, "values added: \"z\"", Compatibility.COMPATIBLE),
            tuple("$.mode", ChangeKind.ENUM_CHANGED, "values removed: \"x\"", Compatibility.BREAKING),
            tuple("$.n", ChangeKind.RANGE_CHANGED, "maximum 100 → 50 (narrowed)", Compatibility.BREAKING),
            tuple("$.n", ChangeKind.RANGE_CHANGED, "minimum 1 → 0 (widened)", Compatibility.COMPATIBLE),
            tuple("$.s", ChangeKind.RANGE_CHANGED, "maxLength none → 10 (narrowed)", Compatibility.BREAKING));
  }

  @Test
  void outputChangesAreClassifiedForAReader() throws IOException {
    String in = "{'type': 'object'}";
    String before = "{'type': 'object', 'contentType': 'application/json', 'required': ['response'],"
        + " 'properties': {'response': {'type': 'string'}, 'usage': {'type': 'object'}, 'score': {'type': 'number'},"
        + " 'label': {'type': 'string', 'enum': ['a']}}}";
    String after = "{'type': 'object', 'contentType': 'text/event-stream',"
        + " 'properties': {'response': {'type': 'string'}, 'score': {'type': 'string'}, 'tokens': {'type': 'integer'},"
        + " 'label': {'type': 'string', 'enum': ['a', 'b']}}}";

    List<Change> changes = CatalogDiff.compare(catalog(model("@cf/a/m", in, before)), catalog(model("@cf/a/m", in, after))).changes();

    assertThat(changes)
        .extracting(Change::side, Change::path, Change::detail, Change::compatibility)
        .containsExactly(
            tuple(Side.OUTPUT, "$", "contentType=application/json → contentType=text/event-stream", Compatibility.BREAKING),
            tuple(Side.OUTPUT, "$.label", "values added: \"b\"", Compatibility.BREAKING),
            tuple(Side.OUTPUT, "$.response", "now optional", Compatibility.BREAKING),
            tuple(Side.OUTPUT, "$.score", "type number → string", Compatibility.BREAKING),
            tuple(Side.OUTPUT, "$.tokens", "optional field added", Compatibility.COMPATIBLE),
            tuple(Side.OUTPUT, "$.usage", "field removed", Compatibility.BREAKING));
  }

  @Test
  void unionBranchesAreComparedOneByOne() throws IOException {
    String before = "{'type': 'object', 'oneOf': [{'properties': {'prompt': {'type': 'string'}}, 'required': ['prompt']},"
        + " {'properties': {'messages': {'type': 'array', 'items': {'type': 'object', 'properties': {'role': {'type': 'string'}},"
        + " 'required': ['role']}}}, 'required': ['messages']}]}";
    // the same branches, swapped, plus an optional field inside messages[] and an array form of prompt
    String after = "{'type': 'object', 'oneOf': [{'properties': {'messages': {'type': 'array', 'items': {'type': 'object',"
        + " 'properties': {'role': {'type': 'string'}, 'name': {'type': 'string'}}, 'required': ['role']}}}, 'required': ['messages']},"
        + " {'properties': {'prompt': {'type': ['string', 'array'], 'items': {'type': 'string'}}}, 'required': ['prompt']}]}";

    assertThat(changes(before, after))
        .extracting(Change::path, Change::kind, Change::detail, Change::compatibility)
        .containsExactly(
            tuple("$[messages].messages[].name", ChangeKind.FIELD_ADDED, "optional field added", Compatibility.COMPATIBLE),
            tuple("$[prompt].prompt[array]", ChangeKind.BRANCH_ADDED, "union branch added (array)", Compatibility.COMPATIBLE));
  }

  @Test
  void taskAndSchemaPresenceChanges() throws IOException {
    Catalog before = catalog(model("@cf/a/m", "{}", "{}"), "{'name': '@cf/a/n', 'task': 'Translation'}");
    Catalog after =
        catalog("{'name': '@cf/a/m', 'task': 'Text Generation'}", model("@cf/a/n", "{}", "{}").replace("Text Generation", "Summarization"));

    assertThat(CatalogDiff.compare(before, after).changes())
        .extracting(Change::modelId, Change::kind, Change::detail, Change::compatibility)
        .containsExactly(
            tuple("@cf/a/m", ChangeKind.SCHEMA_REMOVED, "schema removed", Compatibility.BREAKING),
            tuple("@cf/a/n", ChangeKind.TASK_CHANGED, "task Translation → Summarization", Compatibility.BREAKING),
            tuple("@cf/a/n", ChangeKind.SCHEMA_ADDED, "schema added", Compatibility.COMPATIBLE));
  }

  @Test
  void breakingChangesCanBeFilteredByModel() throws IOException {
    Catalog before = catalog("{'name': '@cf/meta/a'}", "{'name': '@cf/other/b'}");
    Catalog after = catalog("{'name': '@cf/meta/a'}", "{'name': '@cf/meta/c'}");

    ChangeReport report = CatalogDiff.compare(before, after);

    assertThat(report.hasBreakingChanges()).isTrue();
    assertThat(report.hasBreakingChanges(id -> id.startsWith("@cf/other/"))).isTrue();
    assertThat(report.hasBreakingChanges(id -> id.startsWith("@cf/meta/"))).isFalse();
    assertThat(CatalogDiff.compare(after, after).hasBreakingChanges()).isFalse();
  }
}
