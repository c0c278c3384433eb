package dev.workersai.generator.naming;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The class of every model, decided for the whole catalog at once so names are collision-free.
 * {@code @cf/meta/llama-3.1-8b-instruct} → {@code <base>.meta.Llama3_1_8bInstruct}: the author
 * segment becomes a subpackage, the last segment the class. When ids land on the same class
 * (compared ignoring case), the first in sorted id order keeps the name and each later one takes the
 * first free of {@code _2}, {@code _3}, ...
 */
public final class ModelNames {
  /**
   * Types the emitters nest in every model class: its members ({@link TypeNames#MODEL_MEMBERS}) and
   * the forms of an output that is JSON or bytes ({@code Output.Json}, {@code Output.Binary}). A
   * model class of the same name would clash with them, since a nested type may not share its
   * enclosing class's name. Such a model class gets {@code Model} appended.
   */
  public static final Set<String> NESTED_TYPE_NAMES = Stream.concat(TypeNames.MODEL_MEMBERS.stream(),
      Stream.of("Json", "Binary")).collect(Collectors.toUnmodifiableSet());

  /** Subpackage of models whose id has no author segment. */
  static final String NO_AUTHOR = "other";

  private final SortedMap<String, ClassName> byId;

  private ModelNames(SortedMap<String, ClassName> byId) {
    this.byId = Collections.unmodifiableSortedMap(byId);
  }

  /** Names every id; {@code basePackage} must be a valid Java package name. */
  public static ModelNames assign(Collection<String> ids, String basePackage) {
    checkPackage(basePackage);
    // Sorted ids, and names compared ignoring case, so the outcome is the same on every file system.
    Set<String> taken = new HashSet<>();
    SortedMap<String, ClassName> out = new TreeMap<>();
    for (String id : new TreeSet<>(ids)) {
      ClassName c = candidate(id, basePackage);
      ClassName chosen = c;
      for (int n = 2; !taken.add(key(chosen)); n++) {
        chosen = ClassName.get(c.packageName(), c.simpleName() + "_" + n);
      }
      out.put(id, chosen);
    }
    return new ModelNames(out);
  }

  /** The class of a model id given to {@link #assign}. */
  public ClassName classOf(String id) {
    ClassName c = byId.get(id);
    if (c == null) {
      throw new IllegalArgumentException("no class assigned to model id: " + id);
    }
    return c;
  }

  /** The package shared types go to. */
  public static String sharedPackage(String basePackage) {
    return basePackage + ".shared";
  }

  private static String key(ClassName c) {
    return c.canonicalName().toLowerCase(Locale.ROOT);
  }

  private static ClassName candidate(String id, String basePackage) {
    List<String> segments = new ArrayList<>(List.of(id.split("/")));
    segments.removeIf(s -> s.isEmpty() || s.equals(".") || s.equals(".."));
    if (!segments.isEmpty() && segments.get(0).startsWith("@")) {
      segments.remove(0);
    }
    String last = segments.isEmpty() ? "model" : segments.get(segments.size() - 1);
    String author = segments.size() >= 2 ? JavaNames.packageSegment(segments.get(0)) : NO_AUTHOR;
    if (author.equals("shared")) {
      author = "shared_";
    }
    String simple = JavaNames.modelClassName(last);
    if (JavaNames.RESERVED_TYPE_NAMES.contains(simple) || NESTED_TYPE_NAMES.contains(simple)) {
      simple = simple + "Model";
    }
    return ClassName.get(basePackage + "." + author, simple);
  }

  private static void checkPackage(String basePackage) {
    if (!JavaNames.isPackageName(basePackage)) {
      throw new IllegalArgumentException("not a valid Java package name: " + basePackage);
    }
  }
}
