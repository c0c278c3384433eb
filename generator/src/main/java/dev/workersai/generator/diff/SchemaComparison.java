package dev.workersai.generator.diff;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Compares the normalized input or output schema of one model before and after, node by node, and
 * classifies each difference for a caller. Inputs are what the caller sends: anything the server may
 * now reject is breaking (a removed field or branch, a new required field, a type, value or range it
 * no longer accepts, undeclared fields refused). Outputs are what the caller reads: anything the
 * caller may now not find or not understand is breaking (a removed field, a changed type, a field no
 * longer always present, a new enum value, a new union branch).
 *
 * <p>A union is compared branch by branch ({@link BranchMatcher}): a change inside one branch is
 * reported at a path naming the branch ({@code $.messages[role=user].content}); a change found in
 * every branch alike is reported once, without a branch name. A new or removed branch is one entry;
 * what is inside it is not listed field by field. Where a value changes kind (an object becomes an
 * array) the type change is the one entry: the fields of the old kind are not listed as removed.
 */
final class SchemaComparison {
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

  private final String modelId;
  private final Side side;

  private SchemaComparison(String modelId, Side side) {
    this.modelId = modelId;
    this.side = side;
  }

  static void compare(String modelId, Side side, SchemaNode before, SchemaNode after, Consumer<Change> sink) {
    new SchemaComparison(modelId, side).node("$", before, after, sink);
  }

  private void node(String path, SchemaNode before, SchemaNode after, Consumer<Change> out) {
    if (before.isUnion() || after.isUnion()) {
      nullability(path, before, after, out);
      union(path, before.alternatives(), after.alternatives(), out);
      return;
    }
    types(path, before.types(), after.types(), out);
    enums(path, before.enumValues(), after.enumValues(), out);
    bounds(path, before, after, before.lowerBounds(), after.lowerBounds(), false, out);
    bounds(path, before, after, before.upperBounds(), after.upperBounds(), true, out);
    if (!before.formats().equals(after.formats())) {
      report(out, path, ChangeKind.FORMAT_CHANGED, describe(before.formats()) + " → " + describe(after.formats()), Compatibility.BREAKING);
    }
    // the fields of an object and the elements of an array only count while the value can still be one
    if (before.allows("object") && after.allows("object")) {
      closed(path, before.closed(), after.closed(), out);
      properties(path, before, after, out);
      child(path + ".*", before.additional(), after.additional(), before.closed() || after.closed(), out);
    }
    if (before.allows("array") && after.allows("array")) {
      child(path + "[]", before.items(), after.items(), false, out);
    }
  }

  /** Items or map values: a schema that appears or goes is compared with "any value". */
  private void child(String path, SchemaNode before, SchemaNode after, boolean closedCovers, Consumer<Change> out) {
    if (before == null && after == null || (before == null || after == null) && closedCovers) {
      return;
    }
    node(path, before == null ? SchemaNode.ANY : before, after == null ? SchemaNode.ANY : after, out);
  }

  private void properties(String path, SchemaNode before, SchemaNode after, Consumer<Change> out) {
    Set<String> names = new TreeSet<>(before.properties().keySet());
    names.addAll(after.properties().keySet());
    for (String name : names) {
      String fieldPath = member(path, name);
      SchemaNode was = before.properties().get(name);
      SchemaNode now = after.properties().get(name);
      if (now == null) {
        report(out, fieldPath, ChangeKind.FIELD_REMOVED, "field removed", Compatibility.BREAKING);
      } else if (was == null) {
        boolean required = after.required().contains(name);
        report(out, fieldPath, ChangeKind.FIELD_ADDED, required ? "required field added" : "optional field added",
            side == Side.INPUT && required ? Compatibility.BREAKING : Compatibility.COMPATIBLE);
      } else {
        boolean wasRequired = before.required().contains(name);
        boolean nowRequired = after.required().contains(name);
        if (wasRequired != nowRequired) {
          boolean breaking = side == Side.INPUT ? nowRequired : !nowRequired;
          report(out, fieldPath, ChangeKind.REQUIRED_CHANGED, nowRequired ? "now required" : "now optional", breaking(breaking));
        }
        node(fieldPath, was, now, out);
      }
    }
  }

  /**
   * The branches of a union, paired. A change that every pair shows alike (the same relative path,
   * kind and detail) belongs to the union as a whole and is reported once without a branch name.
   */
  private void union(String path, List<SchemaNode> before, List<SchemaNode> after, Consumer<Change> out) {
    List<String> branchPaths = new ArrayList<>();
    List<List<Change>> found = new ArrayList<>();
    for (BranchMatcher.Match match : BranchMatcher.match(before, after)) {
      String branchPath = branch(path, match.label());
      if (match.before() == null) {
        report(out, branchPath, ChangeKind.BRANCH_ADDED, "union branch added (" + match.after().shape() + ")",
            breaking(side == Side.OUTPUT));
      } else if (match.after() == null) {
        report(out, branchPath, ChangeKind.BRANCH_REMOVED, "union branch removed (" + match.before().shape() + ")",
            breaking(side == Side.INPUT));
      } else {
        List<Change> changes = new ArrayList<>();
        node(branchPath, match.before(), match.after(), changes::add);
        branchPaths.add(branchPath);
        found.add(changes);
      }
    }
    for (int i = 0; i < found.size(); i++) {
      for (Change change : found.get(i)) {
        String relative = change.path().substring(branchPaths.get(i).length());
        if (found.size() > 1 && inEvery(found, branchPaths, relative, change)) {
          if (i == 0) {
            out.accept(new Change(modelId, side, change.kind(), path + relative, change.detail(), change.compatibility()));
          }
        } else {
          out.accept(change);
        }
      }
    }
  }

  private static boolean inEvery(List<List<Change>> found, List<String> branchPaths, String relative, Change change) {
    for (int i = 0; i < found.size(); i++) {
      String wanted = branchPaths.get(i) + relative;
      boolean present = found.get(i).stream().anyMatch(other -> other.path().equals(wanted) && other.kind() == change.kind()
          && other.detail().equals(change.detail()) && other.compatibility() == change.compatibility());
      if (!present) {
        return false;
      }
    }
    return true;
  }

  /** A union (or a node compared with one) that starts or stops allowing {@code null}. */
  private void nullability(String path, SchemaNode before, SchemaNode after, Consumer<Change> out) {
    boolean was = before.nullable() || !before.isUnion() && before.types().isEmpty();
    boolean now = after.nullable() || !after.isUnion() && after.types().isEmpty();
    if (was != now) {
      report(out, path, ChangeKind.TYPE_CHANGED, now ? "null now allowed" : "null no longer allowed",
          breaking(side == Side.OUTPUT || !now));
    }
  }

  private void types(String path, SortedSet<String> before, SortedSet<String> after, Consumer<Change> out) {
    if (before.equals(after)) {
      return;
    }
    String detail = "type " + types(before) + " → " + types(after);
    report(out, path, ChangeKind.TYPE_CHANGED, detail, breaking(side == Side.OUTPUT || !accepts(after, before)));
  }

  /** Whether a field of types {@code wider} accepts every value a field of types {@code narrower} did. */
  private static boolean accepts(Set<String> wider, Set<String> narrower) {
    if (wider.isEmpty()) {
      return true;
    }
    if (narrower.isEmpty()) {
      return false;
    }
    for (String type : narrower) {
      boolean covered = wider.contains(type) || type.equals("integer") && wider.contains("number");
      if (!covered) {
        return false;
      }
    }
    return true;
  }

  private void enums(String path, SortedSet<String> before, SortedSet<String> after, Consumer<Change> out) {
    if (before == null && after == null || before != null && before.equals(after)) {
      return;
    }
    if (before == null) {
      report(out, path, ChangeKind.ENUM_CHANGED, "values now restricted to " + String.join(", ", after), breaking(side == Side.INPUT));
      return;
    }
    if (after == null) {
      report(out, path, ChangeKind.ENUM_CHANGED, "values no longer restricted", breaking(side == Side.OUTPUT));
      return;
    }
    SortedSet<String> removed = new TreeSet<>(before);
    removed.removeAll(after);
    SortedSet<String> added = new TreeSet<>(after);
    added.removeAll(before);
    if (!removed.isEmpty()) {
      report(out, path, ChangeKind.ENUM_CHANGED, "values removed: " + String.join(", ", removed), breaking(side == Side.INPUT));
    }
    if (!added.isEmpty()) {
      report(out, path, ChangeKind.ENUM_CHANGED, "values added: " + String.join(", ", added), breaking(side == Side.OUTPUT));
    }
  }

  /**
   * A bound that appears, or moves inward, narrows the field; one that disappears or moves outward
   * widens it. Narrowing breaks callers of an input; for an output, ranges only describe values the
   * caller reads as the same Java type, so either way is compatible. A bound of a type the value no
   * longer has (a {@code maxLength} when a string became a number) is part of the type change.
   */
  private void bounds(String path, SchemaNode beforeNode, SchemaNode afterNode,
      SortedMap<String, BigDecimal> before, SortedMap<String, BigDecimal> after, boolean upper, Consumer<Change> out) {
    Set<String> keywords = new TreeSet<>(before.keySet());
    keywords.addAll(after.keySet());
    keywords.removeIf(keyword -> !beforeNode.allows(SchemaNode.BOUND_TYPES.get(keyword)) || !afterNode.allows(SchemaNode.BOUND_TYPES.get(keyword)));
    for (String keyword : keywords) {
      BigDecimal was = before.get(keyword);
      BigDecimal now = after.get(keyword);
      if (was != null && now != null && was.compareTo(now) == 0) {
        continue;
      }
      boolean narrowed;
      if (was == null) {
        narrowed = true;
      } else if (now == null) {
        narrowed = false;
      } else {
        narrowed = upper ? now.compareTo(was) < 0 : now.compareTo(was) > 0;
      }
      String detail = keyword + " " + bound(was) + " → " + bound(now) + (narrowed ? " (narrowed)" : " (widened)");
      report(out, path, ChangeKind.RANGE_CHANGED, detail, breaking(side == Side.INPUT && narrowed));
    }
  }

  /**
   * {@code additionalProperties: false} added to an input refuses requests that send fields the
   * schema does not declare. On an output it only tells what the server sends; the runtime ignores
   * fields it does not know, so either way is compatible for a reader.
   */
  private void closed(String path, boolean before, boolean after, Consumer<Change> out) {
    if (before == after) {
      return;
    }
    String detail = side == Side.INPUT
        ? after ? "undeclared fields now refused" : "undeclared fields now accepted"
        : after ? "no undeclared fields any more" : "undeclared fields may now appear";
    report(out, path, ChangeKind.ADDITIONAL_PROPERTIES_CHANGED, detail, breaking(side == Side.INPUT && after));
  }

  private void report(Consumer<Change> out, String path, ChangeKind kind, String detail, Compatibility compatibility) {
    out.accept(new Change(modelId, side, kind, path, detail, compatibility));
  }

  private static Compatibility breaking(boolean breaking) {
    return breaking ? Compatibility.BREAKING : Compatibility.COMPATIBLE;
  }

  /**
   * The path of one branch of the union at {@code path}: {@code $.text[array]}; the elements of an
   * array told apart by a discriminator read {@code $.messages[role=user]}.
   */
  static String branch(String path, String label) {
    if (label.contains("=") && path.endsWith("[]")) {
      return path.substring(0, path.length() - 2) + "[" + label + "]";
    }
    return path + "[" + label + "]";
  }

  static String member(String path, String name) {
    return PLAIN_NAME.matcher(name).matches() ? path + "." + name : path + "['" + name.replace("'", "\\'") + "']";
  }

  private static String types(Set<String> types) {
    return types.isEmpty() ? "any" : String.join("|", types);
  }

  private static String describe(Set<String> formats) {
    return formats.isEmpty() ? "none" : String.join(", ", List.copyOf(formats));
  }

  private static String bound(BigDecimal value) {
    return value == null ? "none" : value.toPlainString();
  }
}
