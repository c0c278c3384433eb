package dev.workersai.generator.diff;

/** What a change means for code that calls the model. */
public enum Compatibility {
  /** Existing callers may fail: a removed model or field, a new required input, a narrower input. */
  BREAKING,
  /** Existing callers keep working: a new model, a new optional input, a wider input range. */
  COMPATIBLE
}
