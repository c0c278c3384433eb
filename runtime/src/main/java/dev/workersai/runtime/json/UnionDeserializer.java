package dev.workersai.runtime.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a {@code oneOf}/{@code anyOf} schema into one of the records of a generated sealed
 * interface. Generated code subclasses it once per union, listing the branches in schema order.
 *
 * <p>A branch is a candidate when the JSON value has its kind (object, array, string, ...) and, for
 * object branches, every required property. Among candidates the object branch declaring the most
 * of the value's property names wins; ties go to the earlier branch. When the winner cannot read the
 * value the next candidate is tried, and when none can, the value is kept raw in the union's
 * {@code Unknown} record: a shape the server adds later never fails a client.
 *
 * @param <T> the sealed interface
 */
public abstract class UnionDeserializer<T> extends StdDeserializer<T> {
  private static final long serialVersionUID = 1L;

  private final transient Function<JsonNode, ? extends T> unknown;
  private final transient List<Branch<? extends T>> branches;

  /**
   * @param unionType the sealed interface
   * @param unknown builds the fallback record from the raw value
   * @param branches the branches, in schema order
   */
  protected UnionDeserializer(
      Class<T> unionType, Function<JsonNode, ? extends T> unknown, List<Branch<? extends T>> branches) {
    super(unionType);
    this.unknown = Objects.requireNonNull(unknown, "unknown");
    this.branches = List.copyOf(branches);
  }

  /** The JSON kind a branch reads. */
  public enum JsonKind {
    OBJECT, ARRAY, STRING, INTEGER, NUMBER, BOOLEAN;

    boolean matches(JsonNode node) {
      switch (this) {
        case OBJECT: return node.isObject();
        case ARRAY: return node.isArray();
        case STRING: return node.isTextual();
        case INTEGER: return node.isIntegralNumber() || (node.isNumber() && node.asDouble() == Math.rint(node.asDouble()));
        case NUMBER: return node.isNumber();
        case BOOLEAN: return node.isBoolean();
        default: return false;
      }
    }
  }

  /**
   * One branch of a union.
   *
   * @param type the record that reads it
   * @param kind the JSON kind it accepts
   * @param required property names an object must have (empty for other kinds)
   * @param known every property name the branch declares (empty for other kinds)
   * @param <B> the record
   */
  public record Branch<B>(Class<B> type, JsonKind kind, Set<String> required, Set<String> known) {
    public Branch {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(kind, "kind");
      required = Set.copyOf(required);
      known = Set.copyOf(known);
    }

    /** A branch that reads JSON values of {@code kind}. */
    public static <B> Branch<B> of(Class<B> type, JsonKind kind) {
      return new Branch<>(type, kind, Set.of(), Set.of());
    }

    /** An object branch with its required and declared property names. */
    public static <B> Branch<B> object(Class<B> type, Set<String> required, Set<String> known) {
      return new Branch<>(type, JsonKind.OBJECT, required, known);
    }

    boolean accepts(JsonNode node) {
      if (!kind.matches(node)) {
        return false;
      }
      for (String name : required) {
        if (!node.has(name)) {
          return false;
        }
      }
      return true;
    }

    int score(JsonNode node) {
      int score = 0;
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        if (known.contains(property.getKey())) {
          score++;
        }
      }
      return score;
    }
  }

  @Override
  public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode node = p.readValueAsTree();
    for (Branch<? extends T> branch : candidates(node)) {
      try {
        return ctxt.readTreeAsValue(node, branch.type());
      } catch (IOException | RuntimeException e) {
        // Not this branch after all: try the next candidate, and keep the raw value if none fits.
      }
    }
    return unknown.apply(node);
  }

  private List<Branch<? extends T>> candidates(JsonNode node) {
    List<Branch<? extends T>> accepted = new ArrayList<>();
    for (Branch<? extends T> branch : branches) {
      if (branch.accepts(node)) {
        accepted.add(branch);
      }
    }
    if (node.isObject()) {
      // Stable sort: the branch declaring most of the value's names first, schema order on ties.
      accepted.sort((a, b) -> Integer.compare(b.score(node), a.score(node)));
    }
    return accepted;
  }
}
