package dev.workersai.generator.diff;

import static dev.workersai.catalog.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workersai.catalog.Catalog;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.RateLimitTable;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Unions, kinds of value and closed objects: the gaps of issue 15 that a merged, path-by-path
 * comparison missed or misreported (single quotes stand for double quotes).
 */
class UnionDiffTest {
  private static final String ANY = "{'type': 'object'}";

  static CatalogModel model(String input, String output) {
    return new CatalogModel("@cf/a/m", "Text Generation", TestModels.NO_PROPERTIES, false,
        Optional.of(json(input)), Optional.of(json(output)), TestModels.SOURCE);
  }

  private static List<Change> inputChanges(String before, String after) {
    return compare(model(before, ANY), model(after, ANY));
  }

  private static List<Change> outputChanges(String before, String after) {
    return compare(model(ANY, before), model(ANY, after));
  }

  private static List<Change> compare(CatalogModel before, CatalogModel after) {
    return CatalogDiff.compare(new Catalog(List.of(before), RateLimitTable.empty()), new Catalog(List.of(after), RateLimitTable.empty()))
        .changes();
  }

  /** Gap 1: the loosest bound of the merged branches hid the array branch's narrower maxItems. */
  @Test
  void aBoundNarrowedInsideOneBranchIsReportedAtThatBranch() {
    String before = "{'type': 'object', 'properties': {'text': {'oneOf': [{'type': 'string', 'minLength': 1},"
        + " {'type': 'array', 'items': {'type': 'string'}, 'maxItems': 100}]}}, 'required': ['text']}";
    String after = before.replace("'maxItems': 100", "'maxItems': 50");

    assertThat(inputChanges(before, after))
        .extracting(Change::path, Change::kind, Change::detail, Change::compatibility)
        .containsExactly(tuple("$.text[array]", ChangeKind.RANGE_CHANGED, "maxItems 100 → 50 (narrowed)", Compatibility.BREAKING));
  }

  @Test
  void aTypeListSplitsIntoBranchesEachWithItsOwnBounds() {
    String before = "{'type': 'object', 'properties': {'text': {'type': ['string', 'array'], 'items': {'type': 'string'},"
        + " 'maxLength': 10, 'maxItems': 100}}}";
    String after = before.replace("'maxItems': 100", "'maxItems': 50");

    assertThat(inputChanges(before, after))
        .extracting(Change::path, Change::detail)
        .containsExactly(tuple("$.text[array]", "maxItems 100 → 50 (narrowed)"));
  }

  /** Gap 6: the fields required inside a new branch are not new requirements on the old requests. */
  @Test
  void aNewBatchFormIsOneCompatibleEntry() {
    String single = "{'type': 'object', 'properties': {'text': {'type': 'string'}}, 'required': ['text']}";
    String withBatch = "{'type': 'object', 'oneOf': [" + single + ", {'properties': {'requests': {'type': 'array',"
        + " 'items': " + single + "}}, 'required': ['requests']}]}";

    assertThat(inputChanges(single, withBatch))
        .extracting(Change::path, Change::kind, Change::detail, Change::compatibility)
        .containsExactly(tuple("$[requests]", ChangeKind.BRANCH_ADDED, "union branch added (object)", Compatibility.COMPATIBLE));
  }

  @Test
  void aPromptFormBesideMessagesIsOneCompatibleEntryNamedByItsTitle() {
    String messages = "{'title': 'Messages', 'type': 'object', 'properties': {'messages': {'type': 'array', 'items': {'type': 'object',"
        + " 'properties': {'role': {'type': 'string'}, 'content': {'type': 'string'}}, 'required': ['role', 'content']}},"
        + " 'max_tokens': {'type': 'integer'}}, 'required': ['messages']}";
    String both = "{'type': 'object', 'oneOf': [{'title': 'Prompt', 'properties': {'prompt': {'type': 'string'},"
        + " 'max_tokens': {'type': 'integer'}}, 'required': ['prompt']}, " + messages + "]}";

    assertThat(inputChanges(messages, both))
        .extracting(Change::path, Change::kind, Change::compatibility)
        .containsExactly(tuple("$[Prompt]", ChangeKind.BRANCH_ADDED, Compatibility.COMPATIBLE));
    // the other way round, a form callers use is gone
    assertThat(inputChanges(both, messages))
        .extracting(Change::path, Change::kind, Change::compatibility)
        .containsExactly(tuple("$[Prompt]", ChangeKind.BRANCH_REMOVED, Compatibility.BREAKING));
  }

  /** Like an enum value: a new answer shape may surprise a reader; one that goes cannot. */
  @Test
  void outputBranchesAddedBreakAndRemovedDoNot() {
    String sync = "{'type': 'object', 'properties': {'response': {'type': 'string'}}}";
    String both = "{'oneOf': [" + sync + ", {'title': 'Async response', 'type': 'object', 'properties':"
        + " {'request_id': {'type': 'string'}}}]}";

    assertThat(outputChanges(sync, both))
        .extracting(Change::path, Change::kind, Change::compatibility)
        .containsExactly(tuple("$[Async response]", ChangeKind.BRANCH_ADDED, Compatibility.BREAKING));
    assertThat(outputChanges(both, sync))
        .extracting(Change::path, Change::kind, Change::compatibility)
        .containsExactly(tuple("$[Async response]", ChangeKind.BRANCH_REMOVED, Compatibility.COMPATIBLE));
  }

  /** Gap 7: one type change, not also every field of the old object as removed. */
  @Test
  void anObjectBecomingAnArrayOfObjectsIsOneEntry() {
    String segment = "{'type': 'object', 'properties': {'start': {'type': 'number'}, 'end': {'type': 'number'},"
        + " 'text': {'type': 'string'}, 'temperature': {'type': 'number'}, 'avg_logprob': {'type': 'number'},"
        + " 'compression_ratio': {'type': 'number'}, 'no_speech_prob': {'type': 'number'}, 'words': {'type': 'array'}}}";
    String before = "{'type': 'object', 'properties': {'segments': " + segment + "}}";
    String after = "{'type': 'object', 'properties': {'segments': {'type': 'array', 'items': "
        + segment.replace("'words'", "'id': {'type': 'integer'}, 'words'") + "}}}";

    assertThat(outputChanges(before, after))
        .extracting(Change::path, Change::kind, Change::detail, Change::compatibility)
        .containsExactly(tuple("$.segments", ChangeKind.TYPE_CHANGED, "type object → array", Compatibility.BREAKING));
  }

  /** Gap 8: the prompt form's raw hid the messages form's new raw. */
  @Test
  void aFieldAddedToOneBranchIsSeenWhenAnotherBranchHasIt() {
    String before = "{'type': 'object', 'oneOf': [{'title': 'Prompt', 'properties': {'prompt': {'type': 'string'},"
        + " 'raw': {'type': 'boolean'}}, 'required': ['prompt']}, {'title': 'Messages', 'properties': {'messages':"
        + " {'type': 'array', 'items': {'type': 'string'}}}, 'required': ['messages']}]}";
    String after = before.replace("'required': ['messages']", "'required': ['messages']").replace(
        "{'type': 'array', 'items': {'type': 'string'}}}", "{'type': 'array', 'items': {'type': 'string'}}, 'raw': {'type': 'boolean'}}");

    assertThat(inputChanges(before, after))
        .extracting(Change::path, Change::kind, Change::detail, Change::compatibility)
        .containsExactly(tuple("$[Messages].raw", ChangeKind.FIELD_ADDED, "optional field added", Compatibility.COMPATIBLE));
  }

  /** Branches told apart by a fixed role are named by it; a change every branch shows is reported once. */
  @Test
  void discriminatedBranchesAreNamedByTheirValue() {
    String before = "{'type': 'object', 'properties': {'messages': {'type': 'array', 'items': {'oneOf': ["
        + "{'type': 'object', 'properties': {'role': {'enum': ['user']}, 'content': {'type': 'string', 'maxLength': 100}}},"
        + "{'type': 'object', 'properties': {'role': {'const': 'assistant'}, 'content': {'type': 'string', 'maxLength': 100}}},"
        + "{'type': 'object', 'properties': {'role': {'const': 'system'}, 'content': {'type': 'string', 'maxLength': 100}}}]}}}}";
    String userOnly = before.replaceFirst("'maxLength': 100", "'maxLength': 50");
    String all = before.replace("'maxLength': 100", "'maxLength': 50");
    // branches reordered: still paired by role
    String reordered = before.replace("'assistant'", "'tmp'").replace("'system'", "'assistant'").replace("'tmp'", "'system'");

    assertThat(inputChanges(before, userOnly))
        .extracting(Change::path, Change::detail)
        .containsExactly(tuple("$.messages[role=user].content", "maxLength 100 → 50 (narrowed)"));
    assertThat(inputChanges(before, all))
        .extracting(Change::path, Change::detail)
        .containsExactly(tuple("$.messages[].content", "maxLength 100 → 50 (narrowed)"));
    assertThat(inputChanges(before, reordered)).isEmpty();
  }

  /** Gap 9: a closed input refuses what callers could send before. */
  @Test
  void additionalPropertiesFalseBreaksAnInputButNotAnOutput() {
    String open = "{'type': 'object', 'properties': {'prompt': {'type': 'string'}}}";
    String closed = "{'type': 'object', 'additionalProperties': false, 'properties': {'prompt': {'type': 'string'}}}";

    assertThat(inputChanges(open, closed))
        .extracting(Change::path, Change::kind, Change::detail, Change::compatibility)
        .containsExactly(tuple("$", ChangeKind.ADDITIONAL_PROPERTIES_CHANGED, "undeclared fields now refused", Compatibility.BREAKING));
    assertThat(inputChanges(closed, open))
        .extracting(Change::detail, Change::compatibility)
        .containsExactly(tuple("undeclared fields now accepted", Compatibility.COMPATIBLE));
    assertThat(outputChanges(open, closed))
        .extracting(Change::compatibility)
        .containsExactly(Compatibility.COMPATIBLE);
  }

  /** Gap 10: an enum without a type still has the type of its values. */
  @Test
  void aTypeThatOnlyGainedAnEnumReportsOnlyTheEnum() {
    String before = "{'type': 'object', 'properties': {'mode': {'type': 'string'}}}";
    String after = "{'type': 'object', 'properties': {'mode': {'enum': ['fast', 'slow']}}}";

    assertThat(inputChanges(before, after))
        .extracting(Change::path, Change::kind, Change::detail, Change::compatibility)
        .containsExactly(tuple("$.mode", ChangeKind.ENUM_CHANGED, "values now restricted to \"fast\", \"slow\"", Compatibility.BREAKING));
  }

  /** {@code anyOf: [X, null]} is X that may be null, not a union. */
  @Test
  void aNullBranchIsNullability() {
    String before = "{'type': 'object', 'properties': {'n': {'anyOf': [{'type': 'integer', 'maximum': 5}, {'type': 'null'}]}}}";
    String after = "{'type': 'object', 'properties': {'n': {'type': 'integer', 'maximum': 5}}}";
    String union = "{'type': 'object', 'properties': {'n': {'anyOf': [{'type': 'integer', 'maximum': 5}, {'type': 'string'}]}}}";

    assertThat(inputChanges(before, after))
        .extracting(Change::path, Change::detail, Change::compatibility)
        .containsExactly(tuple("$.n", "type integer|null → integer", Compatibility.BREAKING));
    assertThat(inputChanges(before, union))
        .extracting(Change::path, Change::detail, Change::compatibility)
        .containsExactly(
            tuple("$.n", "null no longer allowed", Compatibility.BREAKING),
            tuple("$.n[string]", "union branch added (string)", Compatibility.COMPATIBLE));
  }
}
