package dev.workersai.opentelemetry;

import dev.workersai.examples.snippets.DocSnippets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code ```java} block of docs/opentelemetry.md compiles against this module and the API. */
class DocSnippetsTest {
  private static final DocSnippets SNIPPETS = new DocSnippets(List.of(
      "import dev.workersai.opentelemetry.WorkersAiTelemetry;",
      "import dev.workersai.runtime.WorkersAi;",
      "import io.opentelemetry.api.GlobalOpenTelemetry;",
      "import io.opentelemetry.api.OpenTelemetry;"), "  String accountId, token;", "");

  @TestFactory
  Stream<DynamicTest> everyJavaSnippetCompiles(@TempDir Path out) throws IOException {
    return SNIPPETS.tests(DocSnippets.docs("opentelemetry.md"), out);
  }
}
