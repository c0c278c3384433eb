package dev.workersai.generator.naming;

import com.palantir.javapoet.ClassName;
import dev.workersai.generator.schema.ArrayType;
import dev.workersai.generator.schema.MapType;
import dev.workersai.generator.schema.ModelSpec;
import dev.workersai.generator.schema.ObjectType;
import dev.workersai.generator.schema.Property;
import dev.workersai.generator.schema.SchemaType;
import dev.workersai.generator.schema.UnionType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Java class of every object and union schema below a model's input and output roots, decided
 * for all models at once.
 *
 * <p>Shapes are compared structurally ({@link SchemaType} equality, which ignores descriptions and
 * titles of objects). A shape found in two or more models becomes one top-level type in
 * {@code <base>.shared}; a shape found in one model becomes a type nested in that model's class,
 * once however often it recurs there. A type is named after where it is first met (models in id
 * order, properties in schema order): the property name, singular for array elements (the elements
 * of an array root are {@code Entry}). Within a model, a name already taken gets {@code 2},
 * {@code 3}, ...; among shared shapes that want one name, the one most models use gets it plainly
 * and the others a descriptive or numbered name (see {@code SharedNames}). The roots themselves
 * are always the model's own {@code Input}/{@code Output}, and the object branches of a union are
 * records nested in the union's interface, so neither is listed here.
 */
public final class TypeNames {
  private final Map<SchemaType, ClassName> shared;
  private final Map<String, Map<SchemaType, ClassName>> nested;

  private TypeNames(Map<SchemaType, ClassName> shared, Map<String, Map<SchemaType, ClassName>> nested) {
    this.shared = Collections.unmodifiableMap(shared);
    this.nested = Collections.unmodifiableMap(nested);
  }

  /** Names the types of {@code models} (sorted by id). */
  public static TypeNames plan(List<ModelSpec> models, ModelNames modelNames, String basePackage) {
    Map<SchemaType, String> firstHint = new LinkedHashMap<>();
    Map<SchemaType, Set<String>> usedBy = new LinkedHashMap<>();
    Map<String, Map<SchemaType, String>> perModel = new LinkedHashMap<>();
    for (ModelSpec model : models) {
      Map<SchemaType, String> found = new LinkedHashMap<>();
      Walker walker = new Walker(found);
      model.input().flatMap(in -> in.json()).ifPresent(walker::root);
      model.output().flatMap(out -> out.json()).ifPresent(walker::root);
      perModel.put(model.id(), found);
      found.forEach((type, hint) -> {
        firstHint.putIfAbsent(type, hint);
        usedBy.computeIfAbsent(type, t -> new HashSet<>()).add(model.id());
      });
    }
    List<SharedNames.Candidate> candidates = new ArrayList<>();
    firstHint.forEach((type, hint) -> {
      if (usedBy.get(type).size() > 1) {
        candidates.add(new SharedNames.Candidate(type, hint, usedBy.get(type).size()));
      }
    });
    Map<SchemaType, String> sharedNames = SharedNames.assign(candidates);
    String sharedPackage = ModelNames.sharedPackage(basePackage);
    Map<SchemaType, ClassName> shared = new LinkedHashMap<>();
    candidates.forEach(c -> shared.put(c.type(), ClassName.get(sharedPackage, sharedNames.get(c.type()))));
    Map<String, Map<SchemaType, ClassName>> nested = new LinkedHashMap<>();
    perModel.forEach((id, found) -> {
      ClassName owner = modelNames.classOf(id);
      Allocator names = new Allocator(Set.of(owner.simpleName(), "Input", "Output", "Result", "RawBody"));
      Map<SchemaType, ClassName> own = new LinkedHashMap<>();
      found.forEach((type, hint) -> {
        if (!shared.containsKey(type)) {
          own.put(type, owner.nestedClass(names.allocate(hint)));
        }
      });
      nested.put(id, Collections.unmodifiableMap(own));
    });
    return new TypeNames(shared, nested);
  }

  /** Shared types, in the order they were first met. */
  public Map<SchemaType, ClassName> shared() {
    return shared;
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

  /** Collects the named types below a root, with the name hint of their first occurrence. */
  private static final class Walker {
    private final Map<SchemaType, String> found;

    Walker(Map<SchemaType, String> found) {
      this.found = found;
    }

    void root(SchemaType root) {
      if (root instanceof ObjectType o) {
        properties(o);
      } else if (root instanceof UnionType u) {
        branches(u, "Value");
      } else {
        visit(root, "Entries");
      }
    }

    private void visit(SchemaType type, String hint) {
      if (type instanceof ObjectType o) {
        if (found.putIfAbsent(o, hint) == null) {
          properties(o);
        }
      } else if (type instanceof UnionType u) {
        if (found.putIfAbsent(u, hint) == null) {
          branches(u, hint);
        }
      } else if (type instanceof ArrayType a) {
        visit(a.items(), JavaNames.singular(hint));
      } else if (type instanceof MapType m) {
        visit(m.values(), hint + "Value");
      }
    }

    private void properties(ObjectType o) {
      for (Property p : o.properties()) {
        visit(p.type(), JavaNames.typeName(p.name()));
      }
    }

    private void branches(UnionType u, String hint) {
      for (UnionType.Branch b : u.branches()) {
        if (b.type() instanceof ObjectType o) {
          properties(o);
        } else {
          visit(b.type(), hint);
        }
      }
    }
  }

  /** Hands out type names in one scope, adding 2, 3, ... to a name already taken (ignoring case). */
  static final class Allocator {
    private final Set<String> taken = new LinkedHashSet<>();

    Allocator(Set<String> reserved) {
      reserved.forEach(r -> taken.add(r.toLowerCase(Locale.ROOT)));
      JavaNames.RESERVED_TYPE_NAMES.forEach(r -> taken.add(r.toLowerCase(Locale.ROOT)));
    }

    String allocate(String hint) {
      String base = JavaNames.typeName(hint);
      String name = base;
      for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
        name = base + n;
      }
      return name;
    }

    /** Takes {@code name} exactly, if it is still free. */
    boolean take(String name) {
      return taken.add(name.toLowerCase(Locale.ROOT));
    }
  }
}
