package dev.workersai.generator.print;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a class name is written where it is used, by JavaPoet's rules ({@code CodeWriter.lookupName}):
 * the shortest suffix that resolves to the class through the enclosing types and the imports; the
 * nested name for a class of the file's package; else the canonical name, in which case the class
 * is a candidate import. Names are answered as an offset into the class's canonical name (what is
 * written is always a suffix of it), so nothing is allocated per use.
 *
 * <p>The collecting pass has no imports and records candidates (the first class of each simple name
 * wins) and the top-level names of the package it refers to; the printing pass imports what
 * {@link #imports} leaves of that, as JavaPoet's second pass does.
 */
final class Scope {
  private static final int NONE = 0;
  private static final int MATCH = 1;
  private static final int OTHER = 2;

  private final String packageName;
  private final Map<String, ClassName> imported;
  private final boolean collecting;
  private final Map<String, ClassName> importable = new LinkedHashMap<>();
  private final Set<String> referenced = new HashSet<>();
  private String[] names = new String[8];
  private List<Set<String>> nested = new ArrayList<>(8);
  private int depth;

  private Scope(String packageName, Map<String, ClassName> imported, boolean collecting) {
    this.packageName = packageName;
    this.imported = imported;
    this.collecting = collecting;
  }

  static Scope collecting(String packageName) {
    return new Scope(packageName, Map.of(), true);
  }

  static Scope printing(String packageName, Map<String, ClassName> imports) {
    return new Scope(packageName, imports, false);
  }

  /** What JavaPoet imports after a collecting pass: each candidate whose simple name the package does not use. */
  Map<String, ClassName> imports() {
    Map<String, ClassName> imports = new LinkedHashMap<>(importable);
    imports.keySet().removeAll(referenced);
    return imports;
  }

  /** Enters a type: its name, and the simple names of its nested types (none while its header is written). */
  void push(String name, Set<String> nestedNames) {
    if (depth == names.length) {
      names = Arrays.copyOf(names, depth * 2);
    }
    names[depth] = name;
    if (nested.size() == depth) {
      nested.add(nestedNames);
    } else {
      nested.set(depth, nestedNames);
    }
    depth++;
  }

  void pop() {
    depth--;
  }

  /**
   * Where in {@code className}'s canonical name the name to write starts. (A class named only in
   * Javadoc is a candidate import too: JavaPoet 0.22.0 does not tell Javadoc apart here.)
   */
  int start(ClassName className) {
    boolean resolved = false;
    for (ClassName c = className; c != null; c = c.enclosingClassName()) {
      int found = resolve(c);
      resolved = found != NONE;
      if (found == MATCH) {
        return c.canonicalName().length() - c.simpleName().length();
      }
    }
    if (resolved) {
      return 0;
    }
    if (packageName.equals(className.packageName())) {
      if (collecting) {
        referenced.add(className.topLevelClassName().simpleName());
      }
      return packageName.isEmpty() ? 0 : packageName.length() + 1;
    }
    if (collecting && !className.packageName().isEmpty()) {
      ClassName top = className.topLevelClassName();
      importable.putIfAbsent(top.simpleName(), top);
    }
    return 0;
  }

  /** What {@code c}'s simple name means here: nothing, {@code c} itself, or another class. */
  private int resolve(ClassName c) {
    String simpleName = c.simpleName();
    for (int i = depth - 1; i >= 0; i--) {
      if (nested.get(i).contains(simpleName)) {
        return isNestedIn(c, i + 1) ? MATCH : OTHER;
      }
    }
    if (depth > 0 && names[0].equals(simpleName)) {
      return isNestedIn(c, 0) ? MATCH : OTHER;
    }
    ClassName imports = imported.get(simpleName);
    if (imports != null) {
      return imports.canonicalName().equals(c.canonicalName()) ? MATCH : OTHER;
    }
    return NONE;
  }

  /**
   * Whether {@code c}'s canonical name is this package, the first {@code levels} entered types and
   * {@code c}'s simple name (JavaPoet compares canonical names, so this does too).
   */
  private boolean isNestedIn(ClassName c, int levels) {
    String canonical = c.canonicalName();
    int at = 0;
    if (!packageName.isEmpty()) {
      at = part(canonical, at, packageName);
      if (at < 0) {
        return false;
      }
    }
    for (int i = 0; i < levels; i++) {
      at = part(canonical, at, names[i]);
      if (at < 0) {
        return false;
      }
    }
    String simpleName = c.simpleName();
    return canonical.length() - at == simpleName.length() && canonical.startsWith(simpleName, at);
  }

  /** The offset after {@code part} and a dot at {@code at} in {@code canonical}, or -1. */
  private static int part(String canonical, int at, String part) {
    int dot = at + part.length();
    return canonical.startsWith(part, at) && dot < canonical.length() && canonical.charAt(dot) == '.' ? dot + 1 : -1;
  }
}
