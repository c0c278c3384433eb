package dev.workersai.catalog.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The one way a schema's {@code $ref}s are followed, for the schema reader, the sampler and the
 * change report: a local reference ({@code #/...}) is a JSON pointer into the whole document; any
 * other is external and never fetched. One instance per walk of a document: it remembers which
 * references are being read, so that a recursive schema stops instead of unfolding forever.
 */
public final class LocalRefs {
  private final JsonNode document;
  private final Deque<String> inProgress = new ArrayDeque<>();

  /** @param document the whole schema document that {@code #/...} pointers are resolved in */
  public LocalRefs(JsonNode document) {
    this.document = document;
  }

  /** Why a reference was not followed. */
  public enum Problem {
    /** Not {@code #/...}: another document, which is never fetched. */
    EXTERNAL,
    /** The pointer names nothing in the document. */
    UNRESOLVED,
    /** A chain of references that comes back to itself without ever naming a schema. */
    CYCLIC,
    /** The reference is already being read further up: the schema is recursive. */
    RECURSIVE
  }

  /**
   * A reference that was not followed.
   *
   * @param ref the {@code $ref} value
   * @param problem why
   */
  public record Broken(String ref, Problem problem) {
    /** For example {@code unresolved $ref #/definitions/Nope}. */
    @Override
    public String toString() {
      return problem.name().toLowerCase(java.util.Locale.ROOT) + " $ref " + ref;
    }
  }

  /** Whether {@code node} is a reference: an object with a textual {@code $ref}. */
  public static boolean isRef(JsonNode node) {
    return node != null && node.isObject() && node.path("$ref").isTextual();
  }

  /**
   * The schema {@code node} stands for: {@code node} itself when it is no reference, else the
   * target of its {@code $ref}, followed again while the target is itself a reference. A
   * reference that cannot be followed leaves {@code node} as it is (it then constrains nothing).
   */
  public JsonNode follow(JsonNode node) {
    JsonNode current = node;
    Set<String> seen = new HashSet<>();
    while (isRef(current)) {
      String ref = current.get("$ref").textValue();
      JsonNode target = target(ref);
      if (target == null || !seen.add(ref)) {
        return current;
      }
      current = target;
    }
    return current;
  }

  /**
   * Why the reference chain starting at {@code node} cannot be followed, or null when it can (or
   * {@code node} is no reference).
   */
  public Broken problem(JsonNode node) {
    JsonNode current = node;
    Set<String> seen = new HashSet<>();
    while (isRef(current)) {
      String ref = current.get("$ref").textValue();
      Broken broken = !ref.startsWith("#") ? new Broken(ref, Problem.EXTERNAL)
          : target(ref) == null ? new Broken(ref, Problem.UNRESOLVED)
          : !seen.add(ref) ? new Broken(ref, Problem.CYCLIC)
          : null;
      if (broken != null) {
        return broken;
      }
      current = target(ref);
    }
    return null;
  }

  /**
   * Reads the target of the reference {@code node} (one step: a target that is a reference again
   * comes back through here) with {@code read}, or gives {@code broken} the reason it cannot be
   * followed, {@link Problem#RECURSIVE} when it is already being read further up.
   */
  public <T> T read(JsonNode node, Function<JsonNode, T> read, Function<Broken, T> broken) {
    String ref = node.get("$ref").textValue();
    if (!ref.startsWith("#")) {
      return broken.apply(new Broken(ref, Problem.EXTERNAL));
    }
    if (inProgress.contains(ref)) {
      return broken.apply(new Broken(ref, Problem.RECURSIVE));
    }
    JsonNode target = target(ref);
    if (target == null) {
      return broken.apply(new Broken(ref, Problem.UNRESOLVED));
    }
    inProgress.push(ref);
    try {
      return read.apply(target);
    } finally {
      inProgress.pop();
    }
  }

  /** The node a local reference points at, or null. */
  private JsonNode target(String ref) {
    if (!ref.startsWith("#")) {
      return null;
    }
    try {
      JsonNode target = document.at(ref.substring(1));
      return target.isMissingNode() ? null : target;
    } catch (IllegalArgumentException e) {
      return null; // "#name", an anchor: not a pointer, and the catalog declares none
    }
  }
}
