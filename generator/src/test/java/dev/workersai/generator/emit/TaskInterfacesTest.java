package dev.workersai.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.Generator;
import dev.workersai.generator.compile.GeneratedCode;
import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.StreamChunk;
import dev.workersai.runtime.WorkersAi;
import dev.workersai.runtime.WorkersAiException;
import dev.workersai.runtime.task.EmbeddingModel;
import dev.workersai.runtime.task.TextGenerationModel;
import java.net.InetAddress;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The task interfaces: which generated model classes implement them (decided from the schema), and
 * that the generated {@code generate}/{@code streamText}/{@code embed} send the right input and read
 * the answer, against a local server on 127.0.0.1.
 */
class TaskInterfacesTest {
  private static final Path SNAPSHOT = Paths.get("..", "model-schemas");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path tmp;
  private static ClassLoader classes;

  private final MockWebServer server = new MockWebServer();
  private WorkersAi ai;

  @BeforeAll
  static void compile() {
    classes = GeneratedCode.compile(Generator.render(new GenerationRequest(SNAPSHOT, tmp.resolve("unused"),
        GenerationRequest.DEFAULT_PACKAGE, List.of("@cf/meta/llama-3.1-8b-instruct", "@cf/baai/bge-base-en-v1.5",
            "@cf/stabilityai/stable-diffusion-xl-base-1.0", "@cf/openai/whisper",
            "@cf/moonshotai/kimi-k2.5", "@cf/qwen/qwq-32b", "@cf/openai/gpt-oss-120b", "@cf/qwen/qwen3-embedding-0.6b"),
        List.of(), List.of(), Optional.empty())).files(), tmp);
  }

  @BeforeEach
  void start() throws Exception {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    ai = WorkersAi.builder().accountId("acc1").apiToken("token-not-logged")
        .baseUrl("http://127.0.0.1:" + server.getPort() + "/client/v4").build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void onlyModelsWhoseSchemaFitsImplementATaskInterface() throws Exception {
    assertThat(TextGenerationModel.class.isAssignableFrom(model("meta.Llama3_1_8bInstruct"))).isTrue();
    assertThat(EmbeddingModel.class.isAssignableFrom(model("meta.Llama3_1_8bInstruct"))).isFalse();
    assertThat(EmbeddingModel.class.isAssignableFrom(model("baai.BgeBaseEnV1_5"))).isTrue();
    assertThat(TextGenerationModel.class.isAssignableFrom(model("baai.BgeBaseEnV1_5"))).isFalse();
    for (String other : List.of("stabilityai.StableDiffusionXlBase1_0", "openai.Whisper")) {
      Class<?> cls = model(other);
      assertThat(TextGenerationModel.class.isAssignableFrom(cls)).as(other).isFalse();
      assertThat(EmbeddingModel.class.isAssignableFrom(cls)).as(other).isFalse();
    }
  }

  @Test
  void generateSendsOnlyThePromptAndReturnsTheResponse() throws Exception {
    server.enqueue(ok("{\"response\":\"Hello there\",\"usage\":{\"prompt_tokens\":3}}"));
    TextGenerationModel llama = bind("meta.Llama3_1_8bInstruct", TextGenerationModel.class);

    assertThat(llama.modelId()).isEqualTo("@cf/meta/llama-3.1-8b-instruct");
    assertThat(llama.generate("Hi")).isEqualTo("Hello there");
    RecordedRequest request = take();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/client/v4/accounts/acc1/ai/run/@cf/meta/llama-3.1-8b-instruct");
    assertThat(body(request)).isEqualTo(JSON.readTree("{\"prompt\":\"Hi\"}"));
  }

  @Test
  void generateNamesTheModelWhenTheAnswerHasNoResponse() throws Exception {
    server.enqueue(ok("{\"usage\":{\"prompt_tokens\":3}}"));
    TextGenerationModel llama = bind("meta.Llama3_1_8bInstruct", TextGenerationModel.class);

    assertThatThrownBy(() -> llama.generate("Hi")).isInstanceOf(WorkersAiException.class)
        .hasMessageContaining("@cf/meta/llama-3.1-8b-instruct").hasMessageContaining("without text")
        .hasMessageContaining("usage");
  }

  @Test
  void streamTextStreamsTheChunksOfThePrompt() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
        .body("data: {\"response\":\"Hel\"}\n\ndata: {\"response\":\"lo\"}\n\ndata: [DONE]\n\n").build());
    TextGenerationModel llama = bind("meta.Llama3_1_8bInstruct", TextGenerationModel.class);

    StringBuilder text = new StringBuilder();
    try (ChunkStream<StreamChunk> chunks = llama.streamText("Hi")) {
      for (StreamChunk chunk : chunks) {
        if (chunk.response() != null) {
          text.append(chunk.response());
        }
      }
    }
    assertThat(text).hasToString("Hello");
    JsonNode sent = body(take());
    assertThat(sent.get("prompt").asText()).isEqualTo("Hi");
    assertThat(sent.get("stream").asBoolean()).isTrue();
  }

  @Test
  void embedSendsTheTextsAsAListAndReturnsTheVectors() throws Exception {
    server.enqueue(ok("{\"shape\":[2,3],\"data\":[[0.1,0.2,0.3],[0.4,0.5,0.6]],\"pooling\":\"mean\"}"));
    EmbeddingModel bge = bind("baai.BgeBaseEnV1_5", EmbeddingModel.class);

    assertThat(bge.modelId()).isEqualTo("@cf/baai/bge-base-en-v1.5");
    assertThat(bge.dimensions()).isEqualTo(768);
    assertThat(bge.embed(List.of("a", "b"))).containsExactly(List.of(0.1, 0.2, 0.3), List.of(0.4, 0.5, 0.6));
    RecordedRequest request = take();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/client/v4/accounts/acc1/ai/run/@cf/baai/bge-base-en-v1.5");
    assertThat(body(request)).isEqualTo(JSON.readTree("{\"text\":[\"a\",\"b\"]}"));
  }

  @Test
  void embedNamesTheModelWhenTheAnswerLacksTheVectors() throws Exception {
    server.enqueue(ok("{\"request_id\":\"req-1\"}"));
    EmbeddingModel bge = bind("baai.BgeBaseEnV1_5", EmbeddingModel.class);

    assertThatThrownBy(() -> bge.embed(List.of("a"))).isInstanceOf(WorkersAiException.class)
        .hasMessageContaining("@cf/baai/bge-base-en-v1.5").hasMessageContaining("request_id");
  }

  @Test
  void theNewestChatModelsGenerateThroughTheirPromptFormAndAnswerInTheChoicesShape() throws Exception {
    server.enqueue(ok("{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":\"Bonjour\"},\"finish_reason\":\"stop\"}]}"));
    TextGenerationModel kimi = bind("moonshotai.KimiK2_5", TextGenerationModel.class);

    assertThat(kimi.generate("Say hello in French")).isEqualTo("Bonjour");
    assertThat(body(take())).isEqualTo(JSON.readTree("{\"prompt\":\"Say hello in French\"}"));
  }

  @Test
  void aModelWithoutAPublishedSchemaIsCallableThroughItsTasksCommonShape() throws Exception {
    Class<?> qwq = model("qwen.Qwq32b");
    assertThat(qwq.getField("SCHEMA_PUBLISHED").getBoolean(null)).isFalse();
    assertThat(model("moonshotai.KimiK2_5").getField("SCHEMA_PUBLISHED").getBoolean(null)).isTrue();
    server.enqueue(ok("{\"response\":\"42\"}"));

    assertThat(bind("qwen.Qwq32b", TextGenerationModel.class).generate("6 x 7?")).isEqualTo("42");
    assertThat(body(take())).isEqualTo(JSON.readTree("{\"prompt\":\"6 x 7?\"}"));
  }

  @Test
  void aFreeFormAnswerIsReadInTheResponsesShapeToo() throws Exception {
    server.enqueue(ok("{\"output\":[{\"type\":\"reasoning\",\"content\":[{\"type\":\"reasoning_text\",\"text\":\"hmm\"}]},"
        + "{\"type\":\"message\",\"content\":[{\"type\":\"output_text\",\"text\":\"Paris\"}]}]}"));

    assertThat(bind("openai.GptOss120b", TextGenerationModel.class).generate("Capital of France?")).isEqualTo("Paris");
  }

  @Test
  void anEmbeddingModelWhoseTextIsOptionalStillEmbeds() throws Exception {
    server.enqueue(ok("{\"shape\":[1,2],\"data\":[[0.5,0.25]]}"));

    assertThat(bind("qwen.Qwen3Embedding0_6b", EmbeddingModel.class).embed(List.of("x"))).containsExactly(List.of(0.5, 0.25));
    assertThat(body(take())).isEqualTo(JSON.readTree("{\"text\":[\"x\"]}"));
  }

  private static Class<?> model(String name) throws ClassNotFoundException {
    return classes.loadClass(GenerationRequest.DEFAULT_PACKAGE + "." + name);
  }

  private <T> T bind(String name, Class<T> task) throws Exception {
    return task.cast(model(name).getMethod("on", WorkersAi.class).invoke(null, ai));
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).as("a request reached the server").isNotNull();
    return r;
  }

  private static JsonNode body(RecordedRequest r) throws Exception {
    return JSON.readTree(r.getBody().utf8());
  }

  private static MockResponse ok(String resultJson) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body("{\"result\":" + resultJson + ",\"success\":true,\"errors\":[],\"messages\":[]}").build();
  }
}
