package dev.workersai.generator.schema;

import java.util.List;

/**
 * A {@code oneOf}/{@code anyOf} of two or more different branches (nullable unions are not unions:
 * they read as the non-null branch). Becomes a sealed interface.
 *
 * @param branches the branches in schema order; never unions themselves (nested unions are flattened)
 */
public record UnionType(List<Branch> branches) implements SchemaType {
  public UnionType {
    branches = List.copyOf(branches);
  }

  /**
   * One branch.
   *
   * @param type the branch's schema
   * @param title the schema's {@code title}, used only to name the branch; empty when none
   */
  public record Branch(SchemaType type, String title) {}
}
