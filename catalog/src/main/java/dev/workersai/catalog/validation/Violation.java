package dev.workersai.catalog.validation;

/**
 * One way an instance breaks its schema.
 *
 * @param pointer the JSON pointer of the offending value in the instance, {@code /} for the whole
 *     instance; for a missing or undeclared property, the pointer the property would have
 * @param keyword the schema keyword that failed ({@code required}, {@code type}, {@code oneOf}, ...)
 * @param message what is wrong, in the validator's words
 */
public record Violation(String pointer, String keyword, String message) {
  /** Whether this only says that no branch of a union matched: the branches' violations say more. */
  public boolean isUnionSummary() {
    return keyword.equals("oneOf") || keyword.equals("anyOf");
  }

  /** How deep in the instance the pointer goes. */
  int depth() {
    return pointer.equals("/") ? 0 : (int) pointer.chars().filter(c -> c == '/').count();
  }

  @Override
  public String toString() {
    return pointer + ": " + message;
  }
}
