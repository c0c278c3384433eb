package dev.workersai.generator.diff;

import com.palantir.javapoet.ClassName;
import dev.workersai.generator.naming.TypeNames;
import dev.workersai.catalog.schema.SchemaType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a catalog update does to the generated Java of the models both catalogs have: types renamed
 * or moved (a shape that stays but gets another class), types no longer generated, and new ones. A
 * model's types are those nested in its class and the shared types it reaches, so a shared type's
 * change is listed for every model that uses it, and a team sees it under the models it selects.
 */
public final class GeneratedTypeChanges {
  private GeneratedTypeChanges() {}

  /**
   * The changes between two plans, for {@code models} (ids present in both catalogs).
   *
   * @param basePackage the package the plans were made for, left out of the class names reported
   */
  public static List<Change> compare(TypeNames before, TypeNames after, Collection<String> models, String basePackage) {
    List<Change> out = new ArrayList<>();
    for (String id : models) {
      Map<SchemaType, ClassName> was = typesOf(before, id);
      Map<SchemaType, ClassName> is = typesOf(after, id);
      Set<ClassName> wasNames = new HashSet<>(was.values());
      Set<ClassName> isNames = new HashSet<>(is.values());
      was.forEach((type, name) -> {
        ClassName now = is.get(type);
        if (now != null && !now.equals(name)) {
          out.add(change(id, ChangeKind.TYPE_RENAMED, name, shown(name, basePackage) + " → " + shown(now, basePackage),
              Compatibility.BREAKING));
        } else if (now == null && !isNames.contains(name)) {
          out.add(change(id, ChangeKind.TYPE_REMOVED, name, shown(name, basePackage) + " is no longer generated",
              Compatibility.BREAKING));
        }
      });
      is.forEach((type, name) -> {
        if (!was.containsKey(type) && !wasNames.contains(name)) {
          out.add(change(id, ChangeKind.TYPE_ADDED, name, shown(name, basePackage) + " is new", Compatibility.COMPATIBLE));
        }
      });
    }
    return out;
  }

  private static Map<SchemaType, ClassName> typesOf(TypeNames names, String id) {
    Map<SchemaType, ClassName> out = new LinkedHashMap<>(names.sharedReachableFrom(List.of(id)));
    out.putAll(names.nested(id));
    return out;
  }

  private static Change change(String id, ChangeKind kind, ClassName name, String detail, Compatibility compatibility) {
    return new Change(id, Side.GENERATED_CODE, kind, name.simpleName(), detail, compatibility);
  }

  private static String shown(ClassName name, String basePackage) {
    String full = name.canonicalName();
    return full.startsWith(basePackage + ".") ? full.substring(basePackage.length() + 1) : full;
  }
}
