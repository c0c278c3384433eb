package dev.workersai.generator.print;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The text of a JavaPoet {@link JavaFile} in UTF-8, byte for byte what {@code JavaFile.toString()}
 * encodes to, at a fraction of its cost. JavaPoet writes every file twice (once into nothing, to
 * collect imports) and splits every piece of text with a regular expression; here the first pass only
 * walks the specs for class names, and the second encodes straight into bytes.
 */
public final class JavaFilePrinter {
  /** A larger buffer (a file of more than a megabyte) is not kept for the thread's next file. */
  private static final int KEPT_AT_MOST = 1 << 20;
  /**
   * Each rendering thread prints into one buffer, file after file, and copies out only the file's
   * bytes: no buffer allocated per file, and the text never held twice.
   */
  private static final ThreadLocal<Utf8Text> BUFFER = ThreadLocal.withInitial(Utf8Text::new);

  private JavaFilePrinter() {}

  /**
   * {@code file}'s text in UTF-8, or empty when it uses something this printer does not write (see
   * {@link Declarations}) or the JavaPoet internals it reads are not there; never a guess.
   */
  public static Optional<byte[]> print(JavaFile file) {
    if (!Hidden.AVAILABLE) {
      return Optional.empty();
    }
    Utf8Text text = BUFFER.get();
    try {
      String indent = Hidden.indent(file);
      Scope collecting = Scope.collecting(file.packageName());
      new Declarations(new Writer(null, indent, collecting)).file(file, List.of());
      Map<String, ClassName> imports = collecting.imports();
      List<ClassName> sorted = new ArrayList<>(imports.values());
      sorted.sort(Comparator.comparing(ClassName::canonicalName));
      text.clear();
      Writer writer = new Writer(new Lines(text, indent), indent, Scope.printing(file.packageName(), imports));
      new Declarations(writer).file(file, sorted);
      return Optional.of(text.utf8());
    } catch (RuntimeException e) {
      // Unsupported, or a spec JavaPoet itself would refuse: JavaPoet decides.
      return Optional.empty();
    } finally {
      if (text.capacity() > KEPT_AT_MOST) {
        BUFFER.remove();
      }
    }
  }

  /** {@code file}'s text in UTF-8: {@link #print}, or {@code JavaFile.toString()}'s where it refuses. */
  public static byte[] utf8(JavaFile file) {
    return print(file).orElseGet(() -> file.toString().getBytes(StandardCharsets.UTF_8));
  }
}
