package dev.workersai.generator.naming;

import dev.workersai.catalog.schema.ArrayType;
import dev.workersai.catalog.schema.BinaryType;
import dev.workersai.catalog.schema.EnumType;
import dev.workersai.catalog.schema.MapType;
import dev.workersai.catalog.schema.ObjectType;
import dev.workersai.catalog.schema.Property;
import dev.workersai.catalog.schema.ScalarType;
import dev.workersai.catalog.schema.SchemaType;
import dev.workersai.catalog.schema.UnionType;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The names of a union's branches, which become records nested in the union's interface.
 *
 * <p>A branch is named for its discriminator value ({@code "role": "user"} → {@code User}); a later
 * branch with the same value adds the first property telling it apart ({@code UserWithName}).
 * Without a discriminator: the branch's title when it is one or two words ({@code Prompt},
 * {@code Messages}: longer titles tend to repeat the model's name), else its first required (or
 * first) property, else its JSON kind ({@code OfString}, {@code OfList}, ...). A name that is taken
 * in the scope gets {@code Form} appended.
 */
public final class BranchNames {
  /** What separates the words of a title (compiled once: branches are named on every union visited). */
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private BranchNames() {}

  /**
   * The simple name of every branch that {@code readable} accepts, in schema order.
   *
   * @param taken names the branches must not take (compared ignoring case); extended with theirs
   * @param uses the simple names of the types a branch's record refers to, which its name must not
   *     shadow
   */
  public static Map<UnionType.Branch, String> of(UnionType union, Set<String> taken, Predicate<SchemaType> readable,
      Function<UnionType.Branch, Set<String>> uses) {
    Map<UnionType.Branch, String> out = new LinkedHashMap<>();
    Map<String, ObjectType> firstOfTag = new LinkedHashMap<>();
    for (UnionType.Branch branch : union.branches()) {
      if (readable.test(branch.type())) {
        Set<String> used = new HashSet<>();
        uses.apply(branch).forEach(n -> used.add(n.toLowerCase(Locale.ROOT)));
        String name = allocate(taken, used, hint(union, branch, firstOfTag));
        out.put(branch, name);
      }
    }
    return out;
  }

  /** The names of every branch, before the types they use are known (to name what they hold). */
  static Map<UnionType.Branch, String> of(UnionType union) {
    return of(union, new HashSet<>(), t -> true, b -> Set.of());
  }

  /** The name a branch asks for, before collisions. */
  static String hint(UnionType union, UnionType.Branch branch, Map<String, ObjectType> firstOfTag) {
    Optional<String> tag = union.tag(branch);
    if (tag.isPresent()) {
      ObjectType object = (ObjectType) branch.type();
      ObjectType first = firstOfTag.putIfAbsent(tag.get(), object);
      if (first == null) {
        return tag.get();
      }
      Set<String> firstNames = first.properties().stream().map(Property::name).collect(Collectors.toSet());
      return object.properties().stream().map(Property::name).filter(n -> !firstNames.contains(n)).findFirst()
          .map(n -> tag.get() + " with " + n).orElse(tag.get() + " form");
    }
    if (!branch.title().isBlank() && NON_WORD.split(branch.title().trim()).length <= 2) {
      return branch.title();
    }
    SchemaType t = branch.type();
    if (t instanceof ObjectType o) {
      return o.properties().stream().filter(Property::required).findFirst()
          .or(() -> o.properties().stream().findFirst()).map(Property::name).orElse("Object");
    }
    if (t instanceof ScalarType s) {
      return "Of " + s.kind().name().toLowerCase(Locale.ROOT);
    }
    if (t instanceof EnumType e) {
      return "Of " + e.kind().name().toLowerCase(Locale.ROOT);
    }
    if (t instanceof ArrayType) {
      return "Of list";
    }
    if (t instanceof MapType) {
      return "Of map";
    }
    return t instanceof BinaryType b && b.encoding() == BinaryType.Encoding.BASE64 ? "Of base64" : "Of bytes";
  }

  /** The first of the hint's name and its {@code Form} suffixes that neither set holds; added to {@code taken}. */
  private static String allocate(Set<String> taken, Set<String> used, String hint) {
    String name = JavaNames.typeName(hint);
    while (used.contains(name.toLowerCase(Locale.ROOT)) || !taken.add(name.toLowerCase(Locale.ROOT))) {
      name = name + "Form";
    }
    return name;
  }
}
