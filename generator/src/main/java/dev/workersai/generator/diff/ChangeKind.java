package dev.workersai.generator.diff;

/** The kinds of change a catalog diff reports. */
public enum ChangeKind {
  /** A model id appears that was not there. */
  MODEL_ADDED,
  /** A model id is gone. */
  MODEL_REMOVED,
  /** A model became deprecated or got a (new) planned deprecation date. */
  MODEL_DEPRECATED,
  /** A model's task changed. */
  TASK_CHANGED,
  /** A model now has schemas it did not have. */
  SCHEMA_ADDED,
  /** A model lost its schemas. */
  SCHEMA_REMOVED,
  /** A field appears (its path did not exist). */
  FIELD_ADDED,
  /** A field is gone. */
  FIELD_REMOVED,
  /** The JSON types a field may take changed. */
  TYPE_CHANGED,
  /** A field changed between optional and required. */
  REQUIRED_CHANGED,
  /** A field's allowed values changed. */
  ENUM_CHANGED,
  /** A field's minimum, maximum, length or item-count bounds changed. */
  RANGE_CHANGED,
  /** A field's {@code format} or {@code contentType} changed. */
  FORMAT_CHANGED,
  /** An object started or stopped refusing fields it does not declare ({@code additionalProperties: false}). */
  ADDITIONAL_PROPERTIES_CHANGED,
  /** A union ({@code oneOf}/{@code anyOf}) gained a branch: a new form of request or answer. */
  BRANCH_ADDED,
  /** A union lost a branch. */
  BRANCH_REMOVED,
  /** A model's price for a billed unit changed, appeared or went. */
  PRICE_CHANGED,
  /** A model's context window or most input tokens changed. */
  CONTEXT_WINDOW_CHANGED,
  /** A model gained or lost function calling, reasoning or batch ({@code async_queue}) support. */
  CAPABILITY_CHANGED,
  /** A model entered or left beta. */
  BETA_CHANGED,
  /** A generated type of the model's kept its shape but got another name or place: user code naming it stops compiling. */
  TYPE_RENAMED,
  /** A generated type of the model's is no longer generated. */
  TYPE_REMOVED,
  /** The model's generated code gains a type. */
  TYPE_ADDED
}
