package dev.workersai.generator.naming;

import dev.workersai.generator.schema.ObjectType;
import dev.workersai.generator.schema.Property;
import dev.workersai.generator.schema.SchemaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names the shared types, deciding which of the shapes that want one name gets it plainly.
 *
 * <p>Shapes whose hint reduces to the same type name (ignoring case) compete for it. They are ranked
 * by the number of models using them (most first), then by a structural key (the shape's record
 * text), then by the order they were first met, so the result never depends on hash order. The
 * first-ranked shape of every group gets the plain name, because it is the one most users see. Every
 * other object shape is named after the first property (in schema order) it has and the plain one
 * lacks, e.g. {@code MessageWithToolCalls}, provided no other shape claims the same name; the rest
 * get {@code 2}, {@code 3}, ... in rank order. Plain names are handed out before any other, so a
 * descriptive or numbered name never takes a plain one.
 */
final class SharedNames {
  private SharedNames() {}

  /**
   * A shape that two or more models use.
   *
   * @param type the shape
   * @param hint the name hint of its first occurrence
   * @param models how many models use it
   */
  record Candidate(SchemaType type, String hint, int models) {}

  /** The simple name of every candidate (given in first-met order), keyed by its shape. */
  static Map<SchemaType, String> assign(List<Candidate> candidates) {
    Map<String, List<Ranked>> groups = new LinkedHashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      String base = JavaNames.typeName(c.hint());
      groups.computeIfAbsent(base.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(new Ranked(c, base, c.type().toString(), i));
    }
    groups.values().forEach(group -> group.sort(RANK));
    TypeNames.Allocator allocator = new TypeNames.Allocator(Set.of());
    Map<SchemaType, String> names = new HashMap<>();
    for (List<Ranked> group : groups.values()) {
      Ranked plain = group.get(0);
      names.put(plain.candidate().type(), allocator.allocate(plain.base()));
    }
    groups.values().forEach(group -> describe(group, allocator, names));
    groups.values().forEach(group -> group.stream()
        .filter(r -> !names.containsKey(r.candidate().type()))
        .forEach(r -> names.put(r.candidate().type(), allocator.allocate(r.base()))));
    return names;
  }

  private static final Comparator<Ranked> RANK = Comparator
      .comparingInt((Ranked r) -> -r.candidate().models())
      .thenComparing(Ranked::key)
      .thenComparingInt(Ranked::firstMet);

  /** Names the runners-up of a group {@code <Base>With<Property>} where that is unambiguous. */
  private static void describe(List<Ranked> group, TypeNames.Allocator allocator, Map<SchemaType, String> names) {
    Ranked plain = group.get(0);
    Map<String, List<Ranked>> byName = new LinkedHashMap<>();
    for (Ranked r : group.subList(1, group.size())) {
      distinguishingProperty(r.candidate().type(), plain.candidate().type())
          .map(p -> r.base() + "With" + JavaNames.typeName(p))
          .ifPresent(name -> byName.computeIfAbsent(name, n -> new ArrayList<>()).add(r));
    }
    byName.forEach((name, claimants) -> {
      if (claimants.size() == 1 && allocator.take(name)) {
        names.put(claimants.get(0).candidate().type(), name);
      }
    });
  }

  /** The first property of {@code type} that {@code plain} lacks, when both are objects. */
  private static Optional<String> distinguishingProperty(SchemaType type, SchemaType plain) {
    if (!(type instanceof ObjectType object) || !(plain instanceof ObjectType plainObject)) {
      return Optional.empty();
    }
    Set<String> plainNames = new HashSet<>();
    plainObject.properties().forEach(p -> plainNames.add(p.name()));
    return object.properties().stream().map(Property::name).filter(n -> !plainNames.contains(n)).findFirst();
  }

  /** A candidate with its group's base name, its structural key and its first-met position. */
  private record Ranked(Candidate candidate, String base, String key, int firstMet) {}
}
