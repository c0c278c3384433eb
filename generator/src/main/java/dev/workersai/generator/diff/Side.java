package dev.workersai.generator.diff;

/** Which part of a model a change is about. */
public enum Side {
  /** The model as a whole: added, removed, deprecated, task or schema presence. */
  MODEL,
  /** The input schema: what a caller sends. */
  INPUT,
  /** The output schema: what a caller receives. */
  OUTPUT,
  /** The Java generated for the model: its types' names and places. */
  GENERATED_CODE;

  /** The lower-case name used in reports. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
