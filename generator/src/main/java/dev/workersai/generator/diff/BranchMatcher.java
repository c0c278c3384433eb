package dev.workersai.generator.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Pairs the branches of a union before and after a change, so that each branch is compared with
 * itself, and names each pair for the report. Branches are paired, in this order:
 *
 * <ol>
 *   <li>by discriminator value: a field that holds one fixed value ({@code const} or a one-value
 *       {@code enum}) in every branch, such as {@code role}; the pair is named {@code role=user};
 *   <li>by {@code title}, named by the title;
 *   <li>by shape: the same JSON type, and for objects the most fields (and required fields) in
 *       common; named by the type, or for one of several objects by its required fields;
 *   <li>a last branch left on each side is the same branch changed (unless both are objects with
 *       nothing in common).
 * </ol>
 *
 * What is left is a branch added or removed.
 */
final class BranchMatcher {
  private BranchMatcher() {}

  /**
   * One branch before and after; either side is null for a branch removed or added.
   *
   * @param before the branch before, or null when added
   * @param after the branch after, or null when removed
   * @param label what names the branch in a path, such as {@code role=user} or {@code Messages}
   */
  record Match(SchemaNode before, SchemaNode after, String label) {}

  static List<Match> match(List<SchemaNode> before, List<SchemaNode> after) {
    String discriminator = discriminator(before, after);
    SchemaNode[] partner = new SchemaNode[before.size()];
    Set<Integer> taken = new HashSet<>();
    // 1. discriminator value
    if (discriminator != null) {
      for (int i = 0; i < before.size(); i++) {
        String value = before.get(i).fixedValue(discriminator);
        for (int j = 0; j < after.size() && value != null; j++) {
          if (!taken.contains(j) && value.equals(after.get(j).fixedValue(discriminator))) {
            pair(partner, taken, i, j, after);
            break;
          }
        }
      }
    }
    // 2. title, where it names one branch on each side
    for (int i = 0; i < before.size(); i++) {
      String title = before.get(i).title();
      if (partner[i] == null && !title.isEmpty() && count(before, title) == 1 && count(after, title) == 1) {
        for (int j = 0; j < after.size(); j++) {
          if (!taken.contains(j) && after.get(j).title().equals(title)) {
            pair(partner, taken, i, j, after);
          }
        }
      }
    }
    // 3. shape, most similar first
    List<int[]> candidates = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      for (int j = 0; j < after.size(); j++) {
        if (partner[i] == null && !taken.contains(j) && similarity(before.get(i), after.get(j)) > 0) {
          candidates.add(new int[] {i, j});
        }
      }
    }
    candidates.sort(Comparator.<int[]>comparingDouble(c -> -similarity(before.get(c[0]), after.get(c[1])))
        .thenComparingInt(c -> c[0]).thenComparingInt(c -> c[1]));
    for (int[] candidate : candidates) {
      if (partner[candidate[0]] == null && !taken.contains(candidate[1])) {
        pair(partner, taken, candidate[0], candidate[1], after);
      }
    }
    // 4. the last one left on each side
    List<Integer> leftBefore = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      if (partner[i] == null) {
        leftBefore.add(i);
      }
    }
    List<Integer> leftAfter = new ArrayList<>();
    for (int j = 0; j < after.size(); j++) {
      if (!taken.contains(j)) {
        leftAfter.add(j);
      }
    }
    if (leftBefore.size() == 1 && leftAfter.size() == 1) {
      SchemaNode one = before.get(leftBefore.get(0));
      SchemaNode other = after.get(leftAfter.get(0));
      if (!(one.shape().equals("object") && other.shape().equals("object"))) {
        pair(partner, taken, leftBefore.get(0), leftAfter.get(0), after);
      }
    }

    List<Match> matches = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      SchemaNode was = before.get(i);
      SchemaNode now = partner[i];
      // the later name, unless only the earlier branch still has its discriminator value
      boolean onlyEarlierHasValue =
          now != null && discriminator != null && now.fixedValue(discriminator) == null && was.fixedValue(discriminator) != null;
      String label = now == null || onlyEarlierHasValue ? label(was, before, discriminator) : label(now, after, discriminator);
      matches.add(new Match(was, now, label));
    }
    for (int j = 0; j < after.size(); j++) {
      if (!taken.contains(j)) {
        matches.add(new Match(null, after.get(j), label(after.get(j), after, discriminator)));
      }
    }
    return matches;
  }

  private static void pair(SchemaNode[] partner, Set<Integer> taken, int i, int j, List<SchemaNode> after) {
    partner[i] = after.get(j);
    taken.add(j);
  }

  /**
   * The field that tells branches apart: one holding a single fixed value, different in each branch,
   * in every branch of a side; the one both sides share first, else the later side's, else the
   * earlier side's (so that a branch that lost its fixed value is still paired by the others).
   */
  private static String discriminator(List<SchemaNode> before, List<SchemaNode> after) {
    SortedSet<String> now = discriminators(after);
    SortedSet<String> was = discriminators(before);
    SortedSet<String> both = new TreeSet<>(now);
    both.retainAll(was);
    if (!both.isEmpty()) {
      return both.first();
    }
    return !now.isEmpty() ? now.first() : was.isEmpty() ? null : was.first();
  }

  private static SortedSet<String> discriminators(List<SchemaNode> branches) {
    SortedSet<String> names = new TreeSet<>(branches.get(0).properties().keySet());
    for (SchemaNode branch : branches) {
      names.retainAll(branch.properties().keySet());
    }
    names.removeIf(name -> {
      Set<String> values = new HashSet<>();
      return !branches.stream().allMatch(b -> b.fixedValue(name) != null && values.add(b.fixedValue(name)));
    });
    return names;
  }

  /**
   * How alike two branches are: nothing (0) unless they have the same JSON types; otherwise 1 plus,
   * for objects, the share of field names and of required names they have in common.
   */
  static double similarity(SchemaNode a, SchemaNode b) {
    if (!a.shape().equals(b.shape())) {
      return 0;
    }
    if (!a.shape().equals("object")) {
      return 1;
    }
    double fields = jaccard(a.properties().keySet(), b.properties().keySet());
    double required = jaccard(a.required(), b.required());
    return fields == 0 ? 0 : 1 + fields + required;
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    Set<String> common = new HashSet<>(a);
    common.retainAll(b);
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return (double) common.size() / all.size();
  }

  /** The name of a branch among its side's branches: discriminator value, title, type, required fields, position. */
  private static String label(SchemaNode branch, List<SchemaNode> side, String discriminator) {
    String value = discriminator == null ? null : branch.fixedValue(discriminator);
    if (value != null) {
      return discriminator + "=" + (value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
    }
    if (!branch.title().isEmpty() && count(side, branch.title()) == 1) {
      return branch.title();
    }
    String shape = branch.shape();
    if (side.stream().filter(b -> b.shape().equals(shape)).count() == 1) {
      return shape;
    }
    String required = String.join(",", branch.required());
    if (!required.isEmpty() && side.stream().filter(b -> String.join(",", b.required()).equals(required)).count() == 1) {
      return required;
    }
    return shape + "#" + (side.indexOf(branch) + 1);
  }

  private static long count(List<SchemaNode> side, String title) {
    return side.stream().filter(b -> b.title().equals(title)).count();
  }
}
