package dev.workersai.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.examples.snippets.DocSnippets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of README.md and docs/*.md compiles against the generated bindings of
 * the bundled catalog (this module's classpath: workers-ai-models, the runtime, the emulator, JUnit,
 * AssertJ, and the OpenAI clients docs/openai-compatible.md shows). Type names are planned over the
 * whole snapshot, so a class is named the same in the README's three-model configuration as in the
 * whole catalog. The integrations' pages are compiled by a test in their module, where their
 * framework is on the classpath.
 */
class DocSnippetsTest {
  /** Pages compiled beside the module they document, not here. */
  private static final Map<String, String> IN_THEIR_MODULE = Map.of(
      "spring-boot.md", "integrations/spring-boot-starter",
      "opentelemetry.md", "integrations/opentelemetry",
      "redis-rate-limiter.md", "integrations/redis-rate-limiter",
      "langchain4j.md", "integrations/langchain4j");
  private static final String OPENAI_PAGE = "openai-compatible.md";

  private static final List<String> IMPORTS = List.of(
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
      "import org.junit.jupiter.api.extension.ExtendWith;");
  private static final String GIVEN = String.join("\n",
      "  WorkersAi ai;",
      "  WorkersAiEmulator emulator;",
      "  String accountId, id, token;",
      "  OkHttpClient myClient;",
      "  Interceptor metricsInterceptor;",
      "  EventListener.Factory tracing;",
      "  ModelDescriptor model, bge;",
      "  RequestPayload payload;",
      "  List<ModelInput> inputs;");
  private static final String CLASSES = String.join("\n",
      "/** The application class the README's test exercises. */",
      "class ChatService {",
      "  ChatService(WorkersAi ai) {}",
      "  String answer(String question) { return question; }",
      "}");

  private static final DocSnippets PAGES = new DocSnippets(IMPORTS, GIVEN, CLASSES);
  /**
   * The OpenAI-compatible page: the runtime's /ai/v1 types named one by one (the generated
   * {@code shared} package has a {@code ResponseFormat} and a {@code FunctionCall} too), and the
   * third-party clients it shows.
   */
  private static final DocSnippets OPENAI_COMPATIBLE = new DocSnippets(
      Stream.concat(IMPORTS.stream(), Stream.of(
          "import dev.workersai.models.openai.*;",
          "import dev.workersai.runtime.openai.ChatCompletion;",
          "import dev.workersai.runtime.openai.ChatCompletionChunk;",
          "import dev.workersai.runtime.openai.ChatCompletionRequest;",
          "import dev.workersai.runtime.openai.ChatMessage;",
          "import dev.workersai.runtime.openai.Embeddings;",
          "import dev.workersai.runtime.openai.EmbeddingsRequest;",
          "import dev.workersai.runtime.openai.OpenAiCalls;",
          "import dev.workersai.runtime.openai.ResponsesRequest;",
          "import dev.workersai.runtime.openai.ResponsesResult;",
          "import dev.workersai.runtime.openai.Tool;",
          "import dev.workersai.runtime.openai.ToolCall;",
          "import com.openai.client.OpenAIClient;",
          "import com.openai.client.okhttp.OpenAIOkHttpClient;",
          "import com.openai.models.chat.completions.ChatCompletionCreateParams;",
          "import com.openai.models.embeddings.EmbeddingCreateParams;",
          "import com.openai.models.responses.ResponseCreateParams;",
          "import dev.langchain4j.model.openai.OpenAiChatModel;",
          "import dev.langchain4j.model.openai.OpenAiEmbeddingModel;",
          "import dev.langchain4j.model.openai.OpenAiStreamingChatModel;")).toList(),
      GIVEN + "\n  OpenAiCalls v1;\n  ChatCompletionRequest request;\n  JsonNode schemaOfTheArguments;\n  String baseUrl;",
      "");

  @TestFactory
  Stream<DynamicTest> everyJavaSnippetCompiles(@TempDir Path out) throws IOException {
    List<Path> pages = new ArrayList<>(List.of(DocSnippets.ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(DocSnippets.ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md"))
          .filter(p -> !IN_THEIR_MODULE.containsKey(p.getFileName().toString()))
          .filter(p -> !p.getFileName().toString().equals(OPENAI_PAGE))
          .sorted()
          .forEach(pages::add);
    }
    return Stream.concat(PAGES.tests(pages, out), OPENAI_COMPATIBLE.tests(DocSnippets.docs(OPENAI_PAGE), out));
  }

  /** A page left to its module is compiled there: the module's tests name it. */
  @Test
  void everyIntegrationPageIsCompiledInItsModule() throws IOException {
    for (Map.Entry<String, String> page : IN_THEIR_MODULE.entrySet()) {
      Path tests = DocSnippets.ROOT.resolve(page.getValue()).resolve("src/test/java");
      try (Stream<Path> files = Files.walk(tests)) {
        assertThat(files.filter(f -> f.toString().endsWith("Test.java")).anyMatch(f -> compiles(f, page.getKey())))
            .as("a test in %s compiles docs/%s with DocSnippets", page.getValue(), page.getKey())
            .isTrue();
      }
    }
  }

  private static boolean compiles(Path test, String page) {
    try {
      String source = Files.readString(test);
      return source.contains("DocSnippets") && source.contains("\"" + page + "\"");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
