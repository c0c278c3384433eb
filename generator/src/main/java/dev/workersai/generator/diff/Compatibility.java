package dev.workersai.generator.diff;

/** What a change means for code that calls the model, or for the bill it runs up. */
public enum Compatibility {
  /** Existing callers may fail: a removed model or field, a new required input, a narrower input. */
  BREAKING,
  /**
   * Existing callers keep working, but the same calls may cost more: a higher price, a newly billed
   * unit, a model that now spends reasoning tokens. Not breaking; worth a look at the budget.
   */
  COST_INCREASE,
  /** Existing callers keep working: a new model, a new optional input, a wider input range. */
  COMPATIBLE
}
