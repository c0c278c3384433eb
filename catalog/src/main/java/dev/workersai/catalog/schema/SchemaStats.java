package dev.workersai.catalog.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts kept while reading schemas: every schema node read, the ones that fell back to
 * {@link UntypedType}, and notes for the generator's report. Not thread-safe: one per reader (and
 * thread); readers of several threads add theirs up with {@link #add}.
 */
public final class SchemaStats {
  private int nodes;
  private int untyped;
  private final List<String> notes = new ArrayList<>();

  void countNode() {
    nodes++;
  }

  void countUntyped() {
    untyped++;
  }

  void note(String note) {
    notes.add(note);
  }

  /** Adds {@code other}'s counts, and its notes after these. */
  public void add(SchemaStats other) {
    nodes += other.nodes;
    untyped += other.untyped;
    notes.addAll(other.notes);
  }

  /** Every schema node read. */
  public int nodes() {
    return nodes;
  }

  /** Nodes that became {@code JsonNode}. */
  public int untyped() {
    return untyped;
  }

  /** Notes in reading order. */
  public List<String> notes() {
    return List.copyOf(notes);
  }
}
