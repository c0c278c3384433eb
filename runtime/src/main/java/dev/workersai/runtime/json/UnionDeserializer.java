package dev.workersai.runtime.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a {@code oneOf}/{@code anyOf} schema into one of the records of a generated sealed
 * interface. Generated code subclasses it once per union, listing the branches in schema order.
 *
 * <p>A union may have a <em>discriminator</em>: a property that holds one fixed value in each object
 * branch ({@code "role": "user"}). An object that carries the discriminator as a string is read by
 * the branches tagged with that value only; a value no branch has (one the server added later) is
 * kept raw in the union's {@code Unknown} record, never read into a branch it does not belong to.
 * An object without the discriminator, and every value of a union without one, is matched by shape:
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
  private final transient Optional<String> discriminator;
  private final transient List<Branch<? extends T>> branches;

  /**
   * A union matched by shape only.
   *
   * @param unionType the sealed interface
   * @param unknown builds the fallback record from the raw value
   * @param branches the branches, in schema order
   */
  protected UnionDeserializer(
      Class<T> unionType, Function<JsonNode, ? extends T> unknown, List<Branch<? extends T>> branches) {
    this(unionType, unknown, null, branches);
  }

  /**
   * A union whose object branches are told apart by the value of {@code discriminator}.
   *
   * @param unionType the sealed interface
   * @param unknown builds the fallback record from the raw value
   * @param discriminator the property whose value picks the branch; null for none
   * @param branches the branches, in schema order, object branches with their {@link Branch#tag()}
   */
  protected UnionDeserializer(Class<T> unionType, Function<JsonNode, ? extends T> unknown, String discriminator,
      List<Branch<? extends T>> branches) {
    super(unionType);
    this.unknown = Objects.requireNonNull(unknown, "unknown");
    this.discriminator = Optional.ofNullable(discriminator);
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
   * @param tag the discriminator value of an object branch of a discriminated union; null otherwise
   * @param required property names an object must have, the discriminator excepted (empty for other kinds)
   * @param known every property name the branch declares, the discriminator excepted (empty for other kinds)
   * @param <B> the record
   */
  public record Branch<B>(Class<B> type, JsonKind kind, String tag, Set<String> required, Set<String> known) {
    public Branch {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(kind, "kind");
      required = Set.copyOf(required);
      known = Set.copyOf(known);
    }

    /** A branch that reads JSON values of {@code kind}. */
    public static <B> Branch<B> of(Class<B> type, JsonKind kind) {
      return new Branch<>(type, kind, null, Set.of(), Set.of());
    }

    /** An object branch with its required and declared property names. */
    public static <B> Branch<B> object(Class<B> type, Set<String> required, Set<String> known) {
      return new Branch<>(type, JsonKind.OBJECT, null, required, known);
    }

    /** An object branch of a discriminated union, read for the discriminator value {@code tag}. */
    public static <B> Branch<B> tagged(Class<B> type, String tag, Set<String> required, Set<String> known) {
      return new Branch<>(type, JsonKind.OBJECT, Objects.requireNonNull(tag, "tag"), required, known);
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
    JsonNode tag = discriminator.map(node::get).orElse(null);
    boolean byTag = tag != null && tag.isTextual();
    List<Branch<? extends T>> accepted = new ArrayList<>();
    for (Branch<? extends T> branch : branches) {
      if (byTag ? tag.asText().equals(branch.tag()) : branch.accepts(node)) {
        accepted.add(branch);
      }
    }
    if (node.isObject()) {
      // Stable sort: among branches of one tag those whose required names are all there first; then
      // the branch declaring most of the value's names first; schema order on ties.
      Comparator<Branch<? extends T>> order = Comparator.comparing(b -> byTag && !b.accepts(node));
      accepted.sort(order.thenComparing(Comparator.comparingInt((Branch<? extends T> b) -> b.score(node)).reversed()));
    }
    return accepted;
  }
}
