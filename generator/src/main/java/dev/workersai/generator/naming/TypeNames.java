package dev.workersai.generator.naming;

import com.palantir.javapoet.ClassName;
import dev.workersai.catalog.schema.ArrayType;
import dev.workersai.catalog.schema.MapType;
import dev.workersai.catalog.schema.ModelSpec;
import dev.workersai.catalog.schema.ObjectType;
import dev.workersai.catalog.schema.Property;
import dev.workersai.catalog.schema.SchemaType;
import dev.workersai.catalog.schema.UnionType;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The Java class of every object and union schema below the models' input and output roots, planned
 * once for the whole snapshot, whatever a build selects: a model's types are named the same whether
 * it is generated alone, with its author's models or with the whole catalog.
 *
 * <p>Shapes are compared structurally ({@link SchemaType} equality ignores descriptions and object
 * titles). A shape that two or more models of the snapshot use becomes one top-level type in
 * {@code <base>.shared}; a shape one model uses is nested in that model's class, once however often
 * it recurs there. A type is named after the property where it is first met (models in id order,
 * properties in schema order; singular for array elements). Shapes that want the same name in one
 * scope are told apart by what differs, never by a counter ({@link NameChoice}); a shared shape that
 * cannot be told apart that way is nested in each model that uses it instead, where names collide
 * less. A {@link NameLock} keeps the names an earlier plan gave. A nested name never shadows a shared
 * type its model's file uses. The roots themselves are the model's own {@code Input}/{@code Output},
 * and the object branches of a union are records nested in the union's interface, so neither is
 * listed here.
 */
public final class TypeNames {
  /** Types every model class declares (or may): no other type of a model's file takes these names. */
  static final Set<String> MODEL_MEMBERS = Set.of("Input", "Output", "Result", "RawBody");

  private final Map<SchemaType, ClassName> shared;
  private final Map<String, Map<SchemaType, ClassName>> nested;
  private final Map<SchemaType, Set<SchemaType>> children;
  private final Map<String, Set<SchemaType>> rootChildren;
  /** The plan's fingerprints, reused when the plan is written as a lock. */
  private final ShapeKeys keys;

  private TypeNames(Map<SchemaType, ClassName> shared, Map<String, Map<SchemaType, ClassName>> nested, Walk walk,
      ShapeKeys keys) {
    this.keys = keys;
    this.shared = Collections.unmodifiableMap(shared);
    this.nested = Collections.unmodifiableMap(nested);
    this.children = walk.children;
    this.rootChildren = walk.rootChildren;
  }

  /** Names the types of every model of the snapshot (sorted by id), without a lock. */
  public static TypeNames plan(List<ModelSpec> models, ModelNames modelNames, String basePackage) {
    return plan(models, modelNames, basePackage, NameLock.EMPTY);
  }

  /** Names the types of every model of the snapshot (sorted by id), keeping the names {@code lock} holds. */
  public static TypeNames plan(List<ModelSpec> models, ModelNames modelNames, String basePackage, NameLock lock) {
    Walk walk = new Walk();
    Map<String, Map<SchemaType, Occurrence>> perModel = new LinkedHashMap<>();
    Map<SchemaType, Set<String>> usedBy = new LinkedHashMap<>();
    Map<SchemaType, Occurrence> firstMet = new LinkedHashMap<>();
    ShapeKeys keys = new ShapeKeys();
    for (ModelSpec model : models) {
      Map<SchemaType, Occurrence> found = walk.model(model);
      perModel.put(model.id(), found);
      found.forEach(firstMet::putIfAbsent);
    }
    if (!lock.isEmpty()) {
      // A lock is looked up by fingerprint: every shape's is needed.
      keys.fingerprintAll(firstMet.keySet());
    }
    for (ModelSpec model : models) {
      Map<String, String> keptNested = lock.nestedIn(model.id());
      perModel.get(model.id()).forEach((type, occurrence) -> {
        Set<String> users = usedBy.computeIfAbsent(type, t -> new LinkedHashSet<>());
        // A shape the lock keeps nested in this model stays there: it does not make the shape shared.
        if (keptNested.isEmpty() || !keptNested.containsKey(keys.fingerprint(type))) {
          users.add(model.id());
        }
      });
    }
    String sharedPackage = ModelNames.sharedPackage(basePackage);
    NameChoice.Hints hints = new NameChoice.Hints(walk.forbidden, walk.owner, keys);
    Map<SchemaType, String> sharedNames = sharedNames(firstMet, usedBy, walk.children,
        lock.isEmpty() ? t -> false : t -> lock.isShared(keys.fingerprint(t)),
        lock, hints);
    Map<SchemaType, ClassName> shared = new LinkedHashMap<>();
    sharedNames.forEach((type, simple) -> shared.put(type, ClassName.get(sharedPackage, simple)));
    Map<String, Map<SchemaType, ClassName>> nested = new LinkedHashMap<>();
    perModel.forEach((id, found) -> {
      ClassName owner = modelNames.classOf(id);
      Set<String> reserved = new LinkedHashSet<>(MODEL_MEMBERS);
      reserved.add(owner.simpleName());
      referencedFromFile(walk.rootChildren.get(id), shared.keySet(), walk.children)
          .forEach(t -> reserved.add(shared.get(t).simpleName()));
      Map<String, String> keptNested = lock.nestedIn(id);
      Map<SchemaType, Occurrence> own = new LinkedHashMap<>();
      found.forEach((type, occurrence) -> {
        if (!shared.containsKey(type) || !keptNested.isEmpty() && keptNested.containsKey(keys.fingerprint(type))) {
          own.put(type, occurrence);
        }
      });
      Map<SchemaType, String> names = NameChoice.nested(own, reserved, keptNested, hints);
      Map<SchemaType, ClassName> classes = new LinkedHashMap<>();
      names.forEach((type, simple) -> classes.put(type, owner.nestedClass(simple)));
      nested.put(id, Collections.unmodifiableMap(classes));
    });
    return new TypeNames(shared, nested, walk, keys);
  }

  /** The shared shapes and their names: used by two or more models, and nameable without a counter. */
  private static Map<SchemaType, String> sharedNames(Map<SchemaType, Occurrence> firstMet,
      Map<SchemaType, Set<String>> usedBy, Map<SchemaType, Set<SchemaType>> children, Predicate<SchemaType> keptShared,
      NameLock lock, NameChoice.Hints hints) {
    Map<SchemaType, Occurrence> candidates = new LinkedHashMap<>();
    firstMet.forEach((type, occurrence) -> {
      if (usedBy.get(type).size() > 1 || keptShared.test(type)) {
        candidates.put(type, occurrence);
      }
    });
    while (true) {
      Map<SchemaType, String> names = NameChoice.shared(candidates, t -> usedBy.get(t).size(), lock.sharedNames(), hints);
      Set<SchemaType> unnamed = new HashSet<>(candidates.keySet());
      unnamed.removeAll(names.keySet());
      // A shared type can only use shared types: whatever uses a shape left nested is nested too.
      boolean changed = candidates.keySet().removeIf(t -> unnamed.contains(t)
          || children.getOrDefault(t, Set.of()).stream().anyMatch(c -> !candidates.containsKey(c)));
      if (!changed) {
        return names;
      }
    }
  }

  /** The shared types a file refers to by name: those reached from its roots without passing through a shared type. */
  private static Set<SchemaType> referencedFromFile(Set<SchemaType> roots, Set<SchemaType> sharedTypes,
      Map<SchemaType, Set<SchemaType>> children) {
    Set<SchemaType> out = new LinkedHashSet<>();
    Set<SchemaType> seen = new HashSet<>();
    Deque<SchemaType> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      SchemaType t = todo.pop();
      if (!seen.add(t)) {
        continue;
      }
      if (sharedTypes.contains(t)) {
        out.add(t);
      } else {
        todo.addAll(children.getOrDefault(t, Set.of()));
      }
    }
    return out;
  }

  /** This plan as a lock: every name it gave, by the fingerprint of its shape (synchronized: it fills the plan's memo). */
  public synchronized NameLock lock() {
    Map<String, String> sharedByFingerprint = new HashMap<>();
    shared.forEach((type, name) -> sharedByFingerprint.put(keys.fingerprint(type), name.simpleName()));
    Map<String, Map<String, String>> nestedByModel = new HashMap<>();
    nested.forEach((id, types) -> {
      Map<String, String> names = new HashMap<>();
      types.forEach((type, name) -> names.put(keys.fingerprint(type), name.simpleName()));
      nestedByModel.put(id, names);
    });
    return new NameLock(sharedByFingerprint, nestedByModel);
  }

  /** Shared types, in the order they were first met. */
  public Map<SchemaType, ClassName> shared() {
    return shared;
  }

  /** The shared types the given models reach, in the order they were first met: the ones a selection writes. */
  public Map<SchemaType, ClassName> sharedReachableFrom(Collection<String> modelIds) {
    Deque<SchemaType> todo = new ArrayDeque<>();
    modelIds.forEach(id -> todo.addAll(rootChildren.getOrDefault(id, Set.of())));
    return sharedReachable(todo);
  }

  /** The shared types below a type (not itself), in the order they were first met: what its file can refer to. */
  public Map<SchemaType, ClassName> sharedBelow(SchemaType type) {
    return sharedReachable(new ArrayDeque<>(children.getOrDefault(type, Set.of())));
  }

  private Map<SchemaType, ClassName> sharedReachable(Deque<SchemaType> todo) {
    Set<SchemaType> reached = new HashSet<>();
    while (!todo.isEmpty()) {
      SchemaType t = todo.pop();
      if (reached.add(t)) {
        todo.addAll(children.getOrDefault(t, Set.of()));
      }
    }
    Map<SchemaType, ClassName> out = new LinkedHashMap<>();
    shared.forEach((type, name) -> {
      if (reached.contains(type)) {
        out.put(type, name);
      }
    });
    return out;
  }

  /** Types nested in a model's class, in the order they were first met. */
  public Map<SchemaType, ClassName> nested(String modelId) {
    return nested.getOrDefault(modelId, Map.of());
  }

  /** The class of an object or union schema as seen from a model (null id: from a shared type). */
  public Optional<ClassName> resolve(String modelIdOrNull, SchemaType type) {
    if (modelIdOrNull != null) {
      ClassName own = nested(modelIdOrNull).get(type);
      if (own != null) {
        return Optional.of(own);
      }
    }
    return Optional.ofNullable(shared.get(type));
  }

  /**
   * Where a shape was first met in a model.
   *
   * @param name the type name it asks for: its property's (singular for array elements), worked out once
   * @param context the name of what holds it (the enclosing type or union branch), {@code ""} at a root
   */
  record Occurrence(String name, String context) {}

  /** Collects the named types below each model's roots, and which named types each one uses directly. */
  private static final class Walk {
    final Map<SchemaType, Set<SchemaType>> children = new HashMap<>();
    final Map<String, Set<SchemaType>> rootChildren = new LinkedHashMap<>();
    final Map<SchemaType, Set<String>> forbidden = new HashMap<>();
    final Map<SchemaType, String> owner = new HashMap<>();
    /** Each shape met, by its value: itself at its first meeting. */
    private final Map<SchemaType, SchemaType> shapes = new HashMap<>();
    /** Each instance met, by identity: the shape {@link #shapes} holds for it. */
    private final Map<SchemaType, SchemaType> canonicalOf = new IdentityHashMap<>();
    /**
     * A shape two models use is walked in each (what it holds belongs to both): the names its
     * properties and branches ask for are worked out once, by canonical union and by property name.
     */
    private final Map<UnionType, Map<UnionType.Branch, String>> branchNames = new IdentityHashMap<>();
    private final Map<String, String> typeNames = new HashMap<>();
    private Map<SchemaType, Occurrence> found;

    Map<SchemaType, Occurrence> model(ModelSpec model) {
      found = new LinkedHashMap<>();
      Set<SchemaType> roots = new LinkedHashSet<>();
      model.input().flatMap(in -> in.json()).ifPresent(root -> root(root, "Input", roots));
      model.output().flatMap(out -> out.json()).ifPresent(root -> root(root, "Output", roots));
      rootChildren.put(model.id(), roots);
      return found;
    }

    private void root(SchemaType root, String context, Set<SchemaType> uses) {
      if (root instanceof ObjectType o) {
        properties(o, context, uses);
      } else if (root instanceof UnionType u) {
        branches(u, "Value", context, uses);
      } else {
        visit(root, "Entries", context, uses);
      }
    }

    /**
     * The first met of the shapes equal to {@code type}. Every map of the plan is keyed by these, so
     * that its lookups find their key by identity instead of comparing two equal trees level by
     * level; and a shape is walked through its canonical instance, whose children were canonicalized
     * when it was first walked, so an instance is compared in depth once at most.
     */
    private SchemaType canonical(SchemaType type) {
      SchemaType known = canonicalOf.get(type);
      if (known == null) {
        known = shapes.putIfAbsent(type, type);
        known = known == null ? type : known;
        canonicalOf.put(type, known);
      }
      return known;
    }

    private void visit(SchemaType raw, String hint, String context, Set<SchemaType> uses) {
      if (raw instanceof ObjectType || raw instanceof UnionType) {
        SchemaType type = canonical(raw);
        uses.add(type);
        if (!found.containsKey(type)) {
          String name = typeName(hint);
          found.put(type, new Occurrence(name, context));
          Set<SchemaType> own = new LinkedHashSet<>();
          if (type instanceof ObjectType o) {
            properties(o, name, own);
          } else {
            branches((UnionType) type, hint, name, own);
          }
          children.putIfAbsent(type, own);
        }
      } else if (raw instanceof ArrayType a) {
        visit(a.items(), JavaNames.singular(hint), context, uses);
      } else if (raw instanceof MapType m) {
        visit(m.values(), hint + "Value", context, uses);
      }
    }

    private String typeName(String text) {
      return typeNames.computeIfAbsent(text, JavaNames::typeName);
    }

    private static Optional<SchemaType> named(SchemaType type) {
      if (type instanceof ArrayType a) {
        return named(a.items());
      }
      if (type instanceof MapType m) {
        return named(m.values());
      }
      return type instanceof ObjectType || type instanceof UnionType ? Optional.of(type) : Optional.empty();
    }

    private void properties(ObjectType o, String context, Set<SchemaType> uses) {
      for (Property p : o.properties()) {
        // Most properties are scalars, which visit passes over: their hint is not worth working out.
        if (named(p.type()).isPresent()) {
          visit(p.type(), typeName(p.name()), context, uses);
        }
      }
    }

    private void branches(UnionType u, String hint, String context, Set<SchemaType> uses) {
      Map<UnionType.Branch, String> names = branchNames.computeIfAbsent(u, BranchNames::of);
      for (UnionType.Branch b : u.branches()) {
        if (b.type() instanceof ObjectType o) {
          if (u.tag(b).isPresent()) {
            // ResponseFormat.JsonSchema holds a json_schema: its type must not be called JsonSchema too.
            o.properties().forEach(p -> named(p.type()).map(this::canonical).ifPresent(t -> {
              forbidden.computeIfAbsent(t, k -> new HashSet<>()).add(names.get(b));
              owner.putIfAbsent(t, typeName(hint));
            }));
          }
          properties(o, names.get(b), uses);
        } else {
          visit(b.type(), hint, context, uses);
        }
      }
    }
  }
}
