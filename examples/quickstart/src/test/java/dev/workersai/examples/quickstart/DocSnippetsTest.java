package dev.workersai.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of README.md and docs/*.md compiles against the generated bindings of
 * the bundled catalog (this module's classpath: workers-ai-models, the runtime, the emulator, JUnit
 * and AssertJ). Type names are planned over the whole snapshot, so a class is named the same in the
 * README's three-model configuration as in the whole catalog.
 *
 * <p>A block that declares a class is compiled as a file; any other block is the body of a method
 * of a class extending {@link #CONTEXT}, whose fields stand for the variables snippets take as
 * given ({@code ai}, {@code token}, ...). A block preceded by {@code <!-- excerpt -->} is an excerpt
 * of generated code and is not compiled.
 */
class DocSnippetsTest {
  private static final Path ROOT = Path.of("..", "..");
  /**
   * Not compiled here yet: the integrations' pages and the OpenAI-compatible page need their
   * framework or third-party client on the classpath (a test beside each should compile them).
   */
  private static final List<String> NOT_YET = List.of("spring-boot.md", "opentelemetry.md", "redis-rate-limiter.md",
      "langchain4j.md", "openai-compatible.md");
  private static final String EXCERPT = "<!-- excerpt -->";
  private static final Pattern DECLARES_CLASS = Pattern.compile("(?m)^(public\\s+)?(final\\s+)?class\\s+(\\w+)");

  private static final String IMPORTS = String.join("\n",
      "import static org.assertj.core.api.Assertions.assertThat;",
      "import static org.junit.jupiter.api.Assertions.*;",
      "import com.fasterxml.jackson.databind.JsonNode;",
      "import dev.workersai.emulator.*;",
      "import dev.workersai.emulator.fault.*;",
      "import dev.workersai.emulator.junit.*;",
      "import dev.workersai.models.baai.*;",
      "import dev.workersai.models.meta.*;",
      "import dev.workersai.models.moonshotai.*;",
      "import dev.workersai.models.qwen.*;",
      "import dev.workersai.models.shared.*;",
      "import dev.workersai.models.stabilityai.*;",
      "import dev.workersai.runtime.*;",
      "import dev.workersai.runtime.model.*;",
      "import dev.workersai.runtime.task.*;",
      "import java.nio.file.*;",
      "import java.time.*;",
      "import java.util.*;",
      "import okhttp3.EventListener;",
      "import okhttp3.Interceptor;",
      "import okhttp3.OkHttpClient;",
      "import org.junit.jupiter.api.Test;",
      "import org.junit.jupiter.api.extension.ExtendWith;",
      "");

  private static final String CONTEXT = "SnippetContext";
  private static final String CONTEXT_SOURCE = IMPORTS + String.join("\n",
      "/** What snippets take as given. */",
      "abstract class SnippetContext {",
      "  WorkersAi ai;",
      "  WorkersAiEmulator emulator;",
      "  String accountId, id, token;",
      "  OkHttpClient myClient;",
      "  Interceptor metricsInterceptor;",
      "  EventListener.Factory tracing;",
      "  ModelDescriptor model, bge;",
      "  RequestPayload payload;",
      "  List<ModelInput> inputs;",
      "}",
      "/** The application class the README's test exercises. */",
      "class ChatService {",
      "  ChatService(WorkersAi ai) {}",
      "  String answer(String question) { return question; }",
      "}");

  @TestFactory
  Stream<DynamicTest> everyJavaSnippetCompiles(@TempDir Path out) throws IOException {
    List<Snippet> snippets = new ArrayList<>(snippets(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        if (!NOT_YET.contains(doc.getFileName().toString())) {
          snippets.addAll(snippets(doc));
        }
      }
    }
    assertThat(snippets).hasSizeGreaterThan(5);
    return snippets.stream().map(s -> DynamicTest.dynamicTest(s.where(), () -> compile(s, out)));
  }

  private record Snippet(Path file, int line, String code) {
    String where() {
      return ROOT.relativize(file) + ":" + line;
    }

    String className() {
      return "Snippet_" + file.getFileName().toString().replaceAll("\\W", "_") + "_" + line;
    }
  }

  /** The {@code ```java} blocks of a Markdown file, less the marked excerpts. */
  static List<Snippet> snippets(Path markdown) throws IOException {
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
        found.add(new Snippet(markdown, start + 1, String.join("\n", lines.subList(start, end))));
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

  private static void compile(Snippet snippet, Path out) {
    String name = snippet.className();
    String source = DECLARES_CLASS.matcher(snippet.code()).find()
        ? IMPORTS + snippet.code() + "\n"
        : IMPORTS + "class " + name + " extends " + CONTEXT + " {\n  void run() throws Exception {\n"
            + snippet.code() + "\n  }\n}\n";
    String unit = DECLARES_CLASS.matcher(snippet.code()).find() ? firstClassName(snippet.code()) : name;
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    boolean ok = javac.getTask(diagnostics, null, null,
            List.of("-classpath", classpath, "-d", out.toString(), "-proc:none", "-Xlint:none"), null,
            List.of(new Source(unit, source), new Source(CONTEXT, CONTEXT_SOURCE)))
        .call();
    assertThat(ok).as("%s does not compile:%n%s%n--- as compiled:%n%s", snippet.where(), diagnostics, source).isTrue();
  }

  private static String firstClassName(String code) {
    var matcher = DECLARES_CLASS.matcher(code);
    matcher.find();
    return matcher.group(3);
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
