package dev.workersai.generator.print;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The text of a JavaPoet {@link JavaFile}, character for character what {@code JavaFile.toString()}
 * gives, at a fraction of its cost. JavaPoet writes every file twice (once into nothing, to collect
 * imports) and splits every piece of text with a regular expression; here the first pass only walks
 * the specs for class names, and the second writes into one {@code StringBuilder} sized from the first.
 */
public final class JavaFilePrinter {
  private JavaFilePrinter() {}

  /**
   * {@code file}'s text, or empty when it uses something this printer does not write (see
   * {@link Declarations}) or the JavaPoet internals it reads are not there; never a guess.
   */
  public static Optional<String> print(JavaFile file) {
    if (!Hidden.AVAILABLE) {
      return Optional.empty();
    }
    try {
      String indent = Hidden.indent(file);
      Scope collecting = Scope.collecting(file.packageName());
      Writer walk = new Writer(null, indent, collecting);
      new Declarations(walk).file(file, List.of());
      Map<String, ClassName> imports = collecting.imports();
      List<ClassName> sorted = new ArrayList<>(imports.values());
      sorted.sort(Comparator.comparing(ClassName::canonicalName));
      // The walk counts neither indentation nor prefixes, but whole class names: the text is 0.9 to 1.12 times it.
      StringBuilder text = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, walk.length() + walk.length() / 8 + 64));
      Writer writer = new Writer(new Lines(text, indent), indent, Scope.printing(file.packageName(), imports));
      new Declarations(writer).file(file, sorted);
      return Optional.of(text.toString());
    } catch (RuntimeException e) {
      // Unsupported, or a spec JavaPoet itself would refuse: JavaPoet decides.
      return Optional.empty();
    }
  }

  /** {@code file}'s text: {@link #print}, or {@code JavaFile.toString()} where it refuses. */
  public static String text(JavaFile file) {
    return print(file).orElseGet(file::toString);
  }
}
