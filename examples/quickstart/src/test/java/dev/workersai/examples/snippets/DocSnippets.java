package dev.workersai.examples.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;

/**
 * Compiles the {@code ```java} blocks of the Markdown pages in README.md and docs/ against the
 * test classpath of the module that runs it. Shared through this module's test-jar, so each page is
 * compiled where its framework is on the classpath (the integrations' pages beside their modules).
 *
 * <p>A block that declares a class is compiled as a file; any other block is the body of a method
 * of a class extending {@code SnippetContext}, whose fields ({@code given}) stand for the variables
 * snippets take as given ({@code ai}, {@code token}, ...). A block inside a list item is read
 * without the item's indent. A block preceded by {@code <!-- excerpt -->} is an excerpt of
 * generated code and is not compiled.
 */
public final class DocSnippets {
  /** The repository root, seen from a module two folders down (examples/quickstart, integrations/...). */
  public static final Path ROOT = Path.of("..", "..");
  private static final String EXCERPT = "<!-- excerpt -->";
  private static final String CONTEXT = "SnippetContext";
  private static final Pattern DECLARES_CLASS = Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)");

  private final String imports;
  private final String given;
  private final String classes;

  /**
   * @param imports the import lines every snippet is compiled with
   * @param given the fields of {@code SnippetContext}: the variables snippets use without declaring
   * @param classes other top-level classes snippets use (may be empty)
   */
  public DocSnippets(List<String> imports, String given, String classes) {
    this.imports = String.join("\n", imports) + "\n";
    this.given = given;
    this.classes = classes;
  }

  /** A block of a page, with the line it starts on. */
  public record Snippet(Path file, int line, String code) {
    public String where() {
      return ROOT.relativize(file) + ":" + line;
    }

    String className() {
      return "Snippet_" + file.getFileName().toString().replaceAll("\\W", "_") + "_" + line;
    }
  }

  /** The given pages of docs/ ({@code spring-boot.md}, ...). */
  public static List<Path> docs(String... names) {
    return Stream.of(names).map(name -> ROOT.resolve("docs").resolve(name)).toList();
  }

  /** One test per block of the pages, each compiling it into {@code out}; fails if they have none. */
  public Stream<DynamicTest> tests(List<Path> pages, Path out) throws IOException {
    List<Snippet> all = new ArrayList<>();
    for (Path page : pages) {
      all.addAll(snippets(page));
    }
    assertThat(all).as("java blocks in %s", pages).isNotEmpty();
    return all.stream().map(s -> DynamicTest.dynamicTest(s.where(), () -> compile(s, out)));
  }

  /** The {@code ```java} blocks of a Markdown file, less the marked excerpts. */
  public static List<Snippet> snippets(Path markdown) throws IOException {
    List<String> lines = Files.readAllLines(markdown);
    List<Snippet> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).strip().equals("```java")) {
        continue;
      }
      int start = i + 1;
      int end = start;
      while (end < lines.size() && !lines.get(end).strip().equals("```")) {
        end++;
      }
      if (!previousNonBlank(lines, i).equals(EXCERPT)) {
        // A block inside a list item carries the item's indent on every line.
        found.add(new Snippet(markdown, start + 1, String.join("\n", lines.subList(start, end)).stripIndent()));
      }
      i = end;
    }
    return found;
  }

  private static String previousNonBlank(List<String> lines, int i) {
    for (int j = i - 1; j >= 0; j--) {
      if (!lines.get(j).isBlank()) {
        return lines.get(j).strip();
      }
    }
    return "";
  }

  /** Compiles one block, failing with javac's diagnostics and the source as compiled. */
  public void compile(Snippet snippet, Path out) {
    Matcher declared = DECLARES_CLASS.matcher(snippet.code());
    boolean declaresClass = declared.find();
    String unit = declaresClass ? declared.group(1) : snippet.className();
    String source = declaresClass
        ? imports + snippet.code() + "\n"
        : imports + "class " + unit + " extends " + CONTEXT + " {\n  void run() throws Exception {\n"
            + snippet.code() + "\n  }\n}\n";
    String context = imports + "/** What snippets take as given. */\nabstract class " + CONTEXT + " {\n" + given
        + "\n}\n" + classes + "\n";
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    boolean ok = javac.getTask(diagnostics, null, null,
            List.of("-classpath", classpath, "-d", out.toString(), "-proc:none", "-Xlint:none"), null,
            List.of(new Source(unit, source), new Source(CONTEXT, context)))
        .call();
    assertThat(ok).as("%s does not compile:%n%s%n--- as compiled:%n%s", snippet.where(), diagnostics, source).isTrue();
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String className, String code) {
      super(URI.create("string:///" + className + JavaFileObject.Kind.SOURCE.extension), JavaFileObject.Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
