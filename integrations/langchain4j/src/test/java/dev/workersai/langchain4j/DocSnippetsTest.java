package dev.workersai.langchain4j;

import dev.workersai.examples.snippets.DocSnippets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of docs/langchain4j.md compiles against the adapters, LangChain4j and
 * the generated classes. LangChain4j's model types are imported by name: the runtime has task
 * interfaces of the same simple names ({@code EmbeddingModel}, ...).
 */
class DocSnippetsTest {
  private static final DocSnippets SNIPPETS = new DocSnippets(List.of(
      "import dev.langchain4j.model.audio.AudioTranscriptionModel;",
      "import dev.langchain4j.model.audio.TextToSpeechModel;",
      "import dev.langchain4j.model.chat.ChatModel;",
      "import dev.langchain4j.model.chat.StreamingChatModel;",
      "import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;",
      "import dev.langchain4j.model.embedding.EmbeddingModel;",
      "import dev.langchain4j.model.image.ImageModel;",
      "import dev.langchain4j.model.scoring.ScoringModel;",
      "import dev.workersai.langchain4j.*;",
      "import dev.workersai.langchain4j.chat.*;",
      "import dev.workersai.models.baai.*;",
      "import dev.workersai.models.black_forest_labs.*;",
      "import dev.workersai.models.deepgram.*;",
      "import dev.workersai.models.meta.*;",
      "import dev.workersai.models.openai.*;",
      "import dev.workersai.runtime.WorkersAi;"), "  StreamingChatResponseHandler handler;", "");

  @TestFactory
  Stream<DynamicTest> everyJavaSnippetCompiles(@TempDir Path out) throws IOException {
    return SNIPPETS.tests(DocSnippets.docs("langchain4j.md"), out);
  }
}
