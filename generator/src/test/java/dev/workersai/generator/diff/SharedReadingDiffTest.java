package dev.workersai.generator.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.catalog.Catalog;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.RateLimitTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The change report reads schemas the way the generator does (the catalog's {@code LocalRefs} and
 * {@code SchemaMerge}): a union branch that names a property again keeps its parent's constraints on
 * it, so narrowing them is seen, and restating them is no change.
 */
class SharedReadingDiffTest {
  private static final String ANY = "{'type': 'object'}";

  private static List<Change> inputChanges(String before, String after) {
    CatalogModel old = UnionDiffTest.model(before, ANY);
    CatalogModel now = UnionDiffTest.model(after, ANY);
    return CatalogDiff.compare(new Catalog(List.of(old), RateLimitTable.empty()), new Catalog(List.of(now), RateLimitTable.empty()))
        .changes();
  }

  @Test
  void restatingInABranchWhatItsParentSaysOfAPropertyIsNoChange() {
    String before = "{'type': 'object', 'properties': {'prompt': {'type': 'string', 'maxLength': 100}},"
        + " 'oneOf': [{'properties': {'prompt': {'minLength': 1}}, 'required': ['prompt']},"
        + " {'properties': {'messages': {'type': 'array', 'items': {'type': 'string'}}}, 'required': ['messages']}]}";
    String after = before.replace("{'minLength': 1}", "{'type': 'string', 'minLength': 1, 'maxLength': 100}");

    assertThat(inputChanges(before, after)).isEmpty();
  }

  @Test
  void aParentsBoundOnAPropertyABranchNamesAgainIsStillCompared() {
    String before = "{'type': 'object', 'properties': {'prompt': {'type': 'string', 'maxLength': 100}},"
        + " 'oneOf': [{'properties': {'prompt': {'minLength': 1}}, 'required': ['prompt']}]}";
    String after = before.replace("'maxLength': 100", "'maxLength': 50");

    assertThat(inputChanges(before, after)).extracting(Change::path, Change::detail)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("$.prompt", "maxLength 100 → 50 (narrowed)"));
  }
}
