package dev.workersai.generator.naming;

import dev.workersai.catalog.schema.ObjectType;
import dev.workersai.catalog.schema.Property;
import dev.workersai.catalog.schema.SchemaType;
import dev.workersai.catalog.schema.UnionType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Picks the simple names of the types of one scope (the shared package, or one model's class).
 *
 * <p>Names a {@link NameLock} holds are kept first. The rest are grouped by the name they ask for;
 * the first-ranked shape of each group gets it plainly (in the shared package the shape most models
 * use, then by structure; in a model, the first met), and plain names are handed out before any
 * other so that a derived name never takes one. Every other shape is told apart by what differs, the
 * first of these that is free:
 * <ol>
 *   <li>an object: the first property it has and the plain shape lacks ({@code MessageWithToolCalls});
 *   <li>what holds it: the enclosing type or union branch ({@code AssistantContent});
 *   <li>an object: the first property the plain shape has and it lacks ({@code UsageWithoutTotalTokens});
 *   <li>a union: the first branch it has and the plain union lacks ({@code ContentWithImageUrl}).
 * </ol>
 * A shared shape none of these names is left unnamed (the caller nests it in each model instead); a
 * nested one gets its base name and the start of its {@link NameLock#fingerprint}, the last resort.
 */
final class NameChoice {
  /** {@link JavaNames#RESERVED_TYPE_NAMES} as keys ({@link #key}), worked out once. */
  private static final Set<String> RESERVED_KEYS = reservedKeys();

  private NameChoice() {}

  /**
   * What else constrains a shape's name.
   *
   * @param forbidden names a shape must not take: the union branches that hold it
   *     ({@code ResponseFormat.JsonSchema} holding a {@code json_schema})
   * @param owner the union such a branch belongs to, whose name is the first one tried instead
   *     ({@code ResponseFormatJsonSchema})
   * @param keys the plan's memo of each shape's text and fingerprint
   */
  record Hints(Map<SchemaType, Set<String>> forbidden, Map<SchemaType, String> owner, ShapeKeys keys) {}

  /** Names of shared shapes; shapes that cannot be named without a counter are left out. */
  static Map<SchemaType, String> shared(Map<SchemaType, TypeNames.Occurrence> candidates,
      ToIntFunction<SchemaType> models, Map<String, String> locked, Hints hints) {
    Comparator<SchemaType> rank = Comparator.comparingInt((SchemaType t) -> -models.applyAsInt(t))
        .thenComparing(hints.keys()::text);
    // Model files declare their own Input, Output, ...: a shared type of that name would need qualifying there.
    return choose(candidates, rank, TypeNames.MODEL_MEMBERS, locked, hints, false);
  }

  /** Names of the types nested in one model's class; {@code reserved} are names the class already uses. */
  static Map<SchemaType, String> nested(Map<SchemaType, TypeNames.Occurrence> types, Set<String> reserved,
      Map<String, String> locked, Hints hints) {
    return choose(types, (a, b) -> 0, reserved, locked, hints, true);
  }

  private static Map<SchemaType, String> choose(Map<SchemaType, TypeNames.Occurrence> types, Comparator<SchemaType> rank,
      Set<String> reserved, Map<String, String> locked, Hints hints, boolean mustName) {
    Set<String> taken = new HashSet<>();
    reserved.forEach(r -> taken.add(key(r)));
    taken.addAll(RESERVED_KEYS);
    Map<SchemaType, String> names = new LinkedHashMap<>();
    if (!locked.isEmpty()) {
      types.keySet().forEach(t -> Optional.ofNullable(locked.get(hints.keys().fingerprint(t)))
          .filter(name -> taken.add(key(name))).ifPresent(name -> names.put(t, name)));
    }
    Map<String, List<SchemaType>> groups = new LinkedHashMap<>();
    types.forEach((t, occurrence) -> {
      if (!names.containsKey(t)) {
        groups.computeIfAbsent(key(base(occurrence)), k -> new ArrayList<>()).add(t);
      }
    });
    groups.values().forEach(group -> group.sort(rank));
    Map<String, SchemaType> plainOf = new LinkedHashMap<>();
    groups.forEach((k, group) -> {
      SchemaType first = group.get(0);
      plainOf.put(k, first);
      String plain = base(types.get(first));
      if (!forbids(hints, first, plain) && taken.add(key(plain))) {
        names.put(first, plain);
      }
    });
    groups.forEach((k, group) -> {
      for (SchemaType t : group) {
        if (names.containsKey(t)) {
          continue;
        }
        TypeNames.Occurrence occurrence = types.get(t);
        String chosen = alternatives(t, occurrence, plainOf.get(k), hints).stream()
            .filter(name -> !forbids(hints, t, name) && taken.add(key(name))).findFirst().orElse(null);
        if (chosen == null && mustName) {
          chosen = base(occurrence) + hints.keys().fingerprint(t).substring(0, 6).toUpperCase(Locale.ROOT);
          taken.add(key(chosen));
        }
        if (chosen != null) {
          names.put(t, chosen);
        }
      }
    });
    Map<SchemaType, String> ordered = new LinkedHashMap<>();
    types.keySet().stream().filter(names::containsKey).forEach(t -> ordered.put(t, names.get(t)));
    return ordered;
  }

  /** The names that tell {@code t} apart from {@code plain}, best first. */
  private static List<String> alternatives(SchemaType t, TypeNames.Occurrence occurrence, SchemaType plain, Hints hints) {
    String base = base(occurrence);
    Set<String> out = new LinkedHashSet<>();
    Optional.ofNullable(hints.owner().get(t)).filter(o -> forbids(hints, t, base)).ifPresent(o -> out.add(o + base));
    if (t != plain && t instanceof ObjectType object && plain instanceof ObjectType plainObject) {
      firstMissing(object, plainObject).ifPresent(p -> out.add(base + "With" + JavaNames.typeName(p)));
    }
    String context = occurrence.context().isEmpty() ? "" : JavaNames.typeName(occurrence.context());
    if (!context.isEmpty() && !base.startsWith(context)) {
      out.add(context + base);
    }
    if (t != plain && t instanceof ObjectType object && plain instanceof ObjectType plainObject) {
      firstMissing(plainObject, object).ifPresent(p -> out.add(base + "Without" + JavaNames.typeName(p)));
    }
    if (t != plain && t instanceof UnionType union && plain instanceof UnionType plainUnion) {
      Set<String> plainBranches = new HashSet<>(BranchNames.of(plainUnion).values());
      BranchNames.of(union).values().stream().filter(b -> !plainBranches.contains(b))
          .findFirst().ifPresent(b -> out.add(base + "With" + b));
    }
    out.remove(base);
    return List.copyOf(out);
  }

  private static boolean forbids(Hints hints, SchemaType t, String name) {
    return hints.forbidden().getOrDefault(t, Set.of()).stream().anyMatch(f -> f.equalsIgnoreCase(name));
  }

  /** The first property of {@code object} that {@code other} does not declare. */
  private static Optional<String> firstMissing(ObjectType object, ObjectType other) {
    Set<String> names = new HashSet<>();
    other.properties().forEach(p -> names.add(p.name()));
    return object.properties().stream().map(Property::name).filter(n -> !names.contains(n)).findFirst();
  }

  private static String base(TypeNames.Occurrence occurrence) {
    return occurrence.name();
  }

  private static Set<String> reservedKeys() {
    Set<String> keys = new HashSet<>();
    for (String name : JavaNames.RESERVED_TYPE_NAMES) {
      keys.add(key(name));
    }
    return Set.copyOf(keys);
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
