package dev.workersai.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.Generator;
import dev.workersai.catalog.Catalog;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.CatalogReader;
import dev.workersai.catalog.OpenAiEndpoints;
import dev.workersai.catalog.OpenAiEndpoints.Endpoint;
import dev.workersai.catalog.RateLimitTable;
import dev.workersai.catalog.SharedCorpus;
import dev.workersai.generator.compile.GeneratedCode;
import dev.workersai.catalog.schema.ModelReader;
import dev.workersai.catalog.schema.ModelSpec;
import dev.workersai.catalog.schema.SchemaStats;
import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.openai.ChatCompletion;
import dev.workersai.runtime.openai.ChatCompletionRequest;
import dev.workersai.runtime.openai.Embeddings;
import dev.workersai.runtime.openai.EmbeddingsRequest;
import dev.workersai.runtime.openai.ResponsesRequest;
import dev.workersai.runtime.openai.ResponsesResult;
import dev.workersai.runtime.task.TextGenerationModel;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model classes offer the OpenAI-compatible calls of the endpoints their catalog entry supports. */
class OpenAiMethodsTest {
  @TempDir
  Path tmp;

  @Test
  void theReadModelCarriesTheCatalogRuleTheEmulatorUsesForEveryCorpusModel() throws Exception {
    List<Path> files;
    try (Stream<Path> list = Files.list(SharedCorpus.modelsDirectory())) {
      files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    int chat = 0;
    for (Path file : files) {
      CatalogModel model = CatalogReader.readModel(file);
      ModelSpec spec = new ModelReader(new SchemaStats()).read(model, RateLimitTable.empty());
      assertThat(OpenAiMethods.endpoints(spec)).as(model.id()).isEqualTo(OpenAiEndpoints.of(model));
      chat += OpenAiEndpoints.of(model).contains(Endpoint.CHAT_COMPLETIONS) ? 1 : 0;
    }
    assertThat(chat).as("chat models in the corpus").isGreaterThan(40);
  }

  @Test
  void theRuleOverTheCatalog() {
    Path corpus = SharedCorpus.modelsDirectory();
    assertThat(OpenAiEndpoints.of(CatalogReader.readModel(corpus.resolve("gpt-oss-120b.json"))))
        .containsExactlyInAnyOrder(Endpoint.CHAT_COMPLETIONS, Endpoint.RESPONSES);
    assertThat(OpenAiEndpoints.of(CatalogReader.readModel(corpus.resolve("kimi-k2.6.json"))))
        .containsExactly(Endpoint.CHAT_COMPLETIONS); // its messages form sits inside anyOf > oneOf
    assertThat(OpenAiEndpoints.of(CatalogReader.readModel(corpus.resolve("bge-base-en-v1.5.json"))))
        .containsExactly(Endpoint.EMBEDDINGS);
    assertThat(OpenAiEndpoints.of(CatalogReader.readModel(corpus.resolve("whisper.json")))).isEmpty();
  }

  @Test
  void generatedClassesOfferTheirEndpointsOnly() throws Exception {
    Path corpus = SharedCorpus.modelsDirectory();
    List<CatalogModel> models = Stream.of("gpt-oss-120b.json", "llama-3.1-8b-instruct.json", "bge-base-en-v1.5.json",
        "whisper.json").map(f -> CatalogReader.readModel(corpus.resolve(f))).toList();
    var rendering = Generator.render(new Catalog(models, RateLimitTable.empty()),
        GenerationRequest.of(tmp, tmp.resolve("unused")));
    ClassLoader classes = GeneratedCode.compile(rendering.files(), tmp);

    Class<?> gptOss = classes.loadClass("dev.workersai.models.openai.GptOss120b");
    assertThat(gptOss.getMethod("responses", ResponsesRequest.class).getReturnType()).isEqualTo(ResponsesResult.class);
    assertThat(gptOss.getMethod("chatCompletion", ChatCompletionRequest.class).getReturnType())
        .isEqualTo(ChatCompletion.class);
    // /ai/run does not stream gpt-oss: its task interface streams through chat completions.
    assertThat(TextGenerationModel.class).isAssignableFrom(gptOss);
    assertThat(source(rendering, "GptOss120b.java"))
        .contains("return ai.openAi().textGeneration(DESCRIPTOR, options).streamText(prompt);");
    assertThat(source(rendering, "Llama3_1_8bInstruct.java")).doesNotContain("textGeneration(");
    Class<?> llama = classes.loadClass("dev.workersai.models.meta.Llama3_1_8bInstruct");
    assertThat(llama.getMethod("streamChatCompletion", ChatCompletionRequest.class).getReturnType())
        .isEqualTo(ChunkStream.class);
    assertThat(names(llama)).doesNotContain("responses", "embeddings");
    Class<?> bge = classes.loadClass("dev.workersai.models.baai.BgeBaseEnV1_5");
    assertThat(bge.getMethod("embeddings", EmbeddingsRequest.class).getReturnType()).isEqualTo(Embeddings.class);
    assertThat(names(bge)).doesNotContain("chatCompletion", "responses");
    Class<?> whisper = classes.loadClass("dev.workersai.models.openai.Whisper");
    assertThat(names(whisper)).doesNotContain("chatCompletion", "embeddings", "responses");
  }

  private static String source(dev.workersai.generator.Rendering rendering, String file) {
    return rendering.files().stream().filter(f -> f.relativePath().endsWith(file)).findFirst().orElseThrow()
        .content();
  }

  private static List<String> names(Class<?> type) {
    return Arrays.stream(type.getMethods()).map(Method::getName).toList();
  }
}
