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
  FORMAT_CHANGED
}
