package dev.workersai.generator.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.workersai.catalog.Catalog;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.ModelProperties;
import dev.workersai.catalog.Price;
import dev.workersai.catalog.RateLimitTable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Gap 9 of issue 15: the facts teams budget and plan with, each classified. */
class FactsDiffTest {
  private static final Price INPUT = new Price("per M input tokens", new BigDecimal("0.27"), "USD");
  private static final Price OUTPUT = new Price("per M output tokens", new BigDecimal("0.85"), "USD");

  private static List<Change> changes(ModelProperties before, ModelProperties after) {
    return CatalogDiff.compare(catalog(before), catalog(after)).changes();
  }

  private static Catalog catalog(ModelProperties properties) {
    CatalogModel model = new CatalogModel("@cf/a/m", "Text Generation", properties, false, Optional.empty(), Optional.empty(), TestModels.SOURCE);
    return new Catalog(List.of(model), RateLimitTable.empty());
  }

  private static ModelProperties priced(Price... prices) {
    return TestModels.properties(OptionalInt.empty(), List.of(prices), false, false, false, false);
  }

  @Test
  void priceRisesAndNewlyBilledUnitsAreCostIncreases() {
    Price dearer = new Price("per M input tokens", new BigDecimal("0.350"), "USD");
    Price cheaper = new Price("per M output tokens", new BigDecimal("0.5"), "USD");
    Price audio = new Price("per audio minute", new BigDecimal("0.01"), "USD");

    assertThat(changes(priced(INPUT, OUTPUT), priced(dearer, cheaper, audio)))
        .extracting(Change::side, Change::kind, Change::detail, Change::compatibility)
        .containsExactly(
            tuple(Side.MODEL, ChangeKind.PRICE_CHANGED, "price now listed: 0.01 USD per audio minute", Compatibility.COST_INCREASE),
            tuple(Side.MODEL, ChangeKind.PRICE_CHANGED, "price per M input tokens 0.27 USD → 0.35 USD (up)", Compatibility.COST_INCREASE),
            tuple(Side.MODEL, ChangeKind.PRICE_CHANGED, "price per M output tokens 0.85 USD → 0.5 USD (down)", Compatibility.COMPATIBLE));
    assertThat(changes(priced(INPUT, OUTPUT), priced(INPUT)))
        .extracting(Change::detail, Change::compatibility)
        .containsExactly(tuple("price no longer listed (was 0.85 USD per M output tokens)", Compatibility.COMPATIBLE));
    assertThat(changes(priced(INPUT), priced(new Price("per M input tokens", new BigDecimal("0.2700"), "USD")))).isEmpty();
  }

  @Test
  void aSmallerContextWindowBreaksALargerOneDoesNot() {
    ModelProperties large = TestModels.properties(OptionalInt.of(128000), List.of(), false, false, false, false);
    ModelProperties small = TestModels.properties(OptionalInt.of(32000), List.of(), false, false, false, false);

    assertThat(changes(large, small))
        .extracting(Change::kind, Change::detail, Change::compatibility)
        .containsExactly(tuple(ChangeKind.CONTEXT_WINDOW_CHANGED, "context window 128000 → 32000 tokens (smaller)", Compatibility.BREAKING));
    assertThat(changes(small, large))
        .extracting(Change::detail, Change::compatibility)
        .containsExactly(tuple("context window 32000 → 128000 tokens (larger)", Compatibility.COMPATIBLE));
  }

  @Test
  void lostCapabilitiesBreakGainedOnesDoNotAndReasoningCosts() {
    ModelProperties none = TestModels.properties(OptionalInt.empty(), List.of(), false, false, false, false);
    ModelProperties all = TestModels.properties(OptionalInt.empty(), List.of(), true, true, true, true);

    assertThat(changes(all, none))
        .extracting(Change::kind, Change::detail, Change::compatibility)
        .containsExactly(
            tuple(ChangeKind.CAPABILITY_CHANGED, "batch requests (async_queue) no longer supported", Compatibility.BREAKING),
            tuple(ChangeKind.CAPABILITY_CHANGED, "function calling no longer supported", Compatibility.BREAKING),
            tuple(ChangeKind.CAPABILITY_CHANGED, "no longer a reasoning model", Compatibility.COMPATIBLE),
            tuple(ChangeKind.BETA_CHANGED, "no longer beta (generally available)", Compatibility.COMPATIBLE));
    assertThat(changes(none, all))
        .extracting(Change::kind, Change::detail, Change::compatibility)
        .containsExactly(
            tuple(ChangeKind.CAPABILITY_CHANGED, "batch requests (async_queue) now supported", Compatibility.COMPATIBLE),
            tuple(ChangeKind.CAPABILITY_CHANGED, "function calling now supported", Compatibility.COMPATIBLE),
            tuple(ChangeKind.CAPABILITY_CHANGED,
                "now reasons before answering: reasoning tokens are billed and count against max_tokens", Compatibility.COST_INCREASE),
            tuple(ChangeKind.BETA_CHANGED, "now beta: may change or go with little notice", Compatibility.COMPATIBLE));
  }

  @Test
  void costIncreasesAreCountedApartAndNeverBreaking() {
    ChangeReport report = CatalogDiff.compare(catalog(priced(INPUT)), catalog(priced(INPUT, OUTPUT)));

    assertThat(report.hasBreakingChanges()).isFalse();
    assertThat(report.toMarkdown()).contains("0 breaking, 1 cost increase, 0 compatible.")
        .contains("| **cost increase** | model |  | price now listed: 0.85 USD per M output tokens |");
    assertThat(report.toJson()).contains("\"costIncrease\": 1");
  }
}
