package dev.workersai.catalog.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code oneOf}/{@code anyOf} of two or more different branches (nullable unions are not unions:
 * they read as the non-null branch). Becomes a sealed interface.
 *
 * <p>The union's <em>discriminator</em> is a property that every object branch declares with one
 * fixed value ({@code "role": {"enum": ["user"]}} or {@code const}), the values telling at least two
 * branches apart (or naming the only object branch): it names each branch, is implied by it, and
 * picks the branch when reading. When several properties qualify, the one with the most distinct
 * values wins, then the first in the first object branch's order.
 *
 * @param branches the branches in schema order; never unions themselves (nested unions are flattened)
 * @param discriminator the discriminator's wire name, if the union has one
 */
public record UnionType(List<Branch> branches, Optional<String> discriminator) implements SchemaType {
  public UnionType {
    branches = List.copyOf(branches);
  }

  /** A union of {@code branches}, with the discriminator they define. */
  public UnionType(List<Branch> branches) {
    this(branches, findDiscriminator(branches));
  }

  /**
   * One branch.
   *
   * @param type the branch's schema
   * @param title the schema's {@code title}, used only to name the branch; empty when none
   */
  public record Branch(SchemaType type, String title) {
    /** Shallow: see {@link ShapeHash}. */
    @Override
    public int hashCode() {
      return ShapeHash.tag(type) * 31 + title.hashCode();
    }
  }

  /** {@code branches} without those whose type an earlier one has (title aside), in order. */
  static List<Branch> distinct(List<Branch> branches) {
    Set<SchemaType> seen = new HashSet<>();
    List<Branch> out = new ArrayList<>();
    for (Branch b : branches) {
      if (seen.add(b.type())) {
        out.add(b);
      }
    }
    return out;
  }

  /** The discriminator value of {@code branch}: empty for a union without one and for non-object branches. */
  public Optional<String> tag(Branch branch) {
    return discriminator.flatMap(d -> fixedValue(branch.type(), d));
  }

  /** The property's single allowed value, when {@code type} is an object declaring it so. */
  private static Optional<String> fixedValue(SchemaType type, String property) {
    if (!(type instanceof ObjectType object)) {
      return Optional.empty();
    }
    for (Property p : object.properties()) {
      if (p.name().equals(property)) {
        return p.type() instanceof EnumType e && e.values().size() == 1 && e.kind() == ScalarType.Kind.STRING
            ? Optional.of(e.values().get(0)) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Optional<String> findDiscriminator(List<Branch> branches) {
    List<ObjectType> objects = branches.stream().map(Branch::type)
        .filter(ObjectType.class::isInstance).map(ObjectType.class::cast).toList();
    if (objects.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Set<String>> valuesByProperty = new LinkedHashMap<>();
    objects.get(0).properties().forEach(p -> valuesByProperty.put(p.name(), new LinkedHashSet<>()));
    for (ObjectType object : objects) {
      valuesByProperty.entrySet().removeIf(e -> {
        Optional<String> value = fixedValue(object, e.getKey());
        value.ifPresent(e.getValue()::add);
        return value.isEmpty();
      });
    }
    int needed = Math.min(2, objects.size());
    String best = null;
    for (Map.Entry<String, Set<String>> e : valuesByProperty.entrySet()) {
      if (e.getValue().size() >= needed && (best == null || e.getValue().size() > valuesByProperty.get(best).size())) {
        best = e.getKey();
      }
    }
    return Optional.ofNullable(best);
  }
}
