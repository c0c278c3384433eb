package dev.workersai.spring;

import dev.workersai.examples.snippets.DocSnippets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code ```java} block of docs/spring-boot.md compiles against the starter and Spring AI. */
class DocSnippetsTest {
  private static final DocSnippets SNIPPETS = new DocSnippets(List.of(
      "import dev.workersai.models.meta.Llama3_1_8bInstruct;",
      "import dev.workersai.runtime.WorkersAi;",
      "import dev.workersai.runtime.task.TextGenerationModel;",
      "import org.springframework.ai.chat.model.ChatModel;",
      "import org.springframework.ai.chat.model.ChatResponse;",
      "import org.springframework.ai.chat.prompt.Prompt;",
      "import org.springframework.ai.embedding.EmbeddingModel;",
      "import org.springframework.context.annotation.Bean;",
      "import org.springframework.context.annotation.Configuration;",
      "import org.springframework.stereotype.Service;",
      "import reactor.core.publisher.Flux;"), "", "");

  @TestFactory
  Stream<DynamicTest> everyJavaSnippetCompiles(@TempDir Path out) throws IOException {
    return SNIPPETS.tests(DocSnippets.docs("spring-boot.md"), out);
  }
}
