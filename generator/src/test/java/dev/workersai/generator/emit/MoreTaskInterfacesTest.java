package dev.workersai.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.Generator;
import dev.workersai.generator.compile.GeneratedCode;
import dev.workersai.runtime.BinaryOutput;
import dev.workersai.runtime.InputValidationException;
import dev.workersai.runtime.WorkersAi;
import dev.workersai.runtime.task.ChatAnswer;
import dev.workersai.runtime.task.ChatCompletionModel;
import dev.workersai.runtime.task.RerankingModel;
import dev.workersai.runtime.task.SpeechToTextModel;
import dev.workersai.runtime.task.TextToImageModel;
import dev.workersai.runtime.task.TextToSpeechModel;
import dev.workersai.runtime.task.TranslationModel;
import java.net.InetAddress;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat, reranking, text-to-image, speech-to-text, text-to-speech and translation interfaces of
 * generated classes: the request each sends (read into the model's own input) and the value read
 * from each answer shape, against a local server on 127.0.0.1.
 */
class MoreTaskInterfacesTest {
  private static final Path SNAPSHOT = Paths.get("..", "model-schemas");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 7};

  @TempDir
  static Path tmp;
  private static ClassLoader classes;

  private final MockWebServer server = new MockWebServer();
  private WorkersAi ai;

  @BeforeAll
  static void compile() {
    classes = GeneratedCode.compile(Generator.render(new GenerationRequest(SNAPSHOT, tmp.resolve("unused"),
        GenerationRequest.DEFAULT_PACKAGE, List.of("@cf/meta/llama-3.1-8b-instruct", "@cf/baai/bge-m3",
            "@cf/black-forest-labs/flux-1-schnell", "@cf/stabilityai/stable-diffusion-xl-base-1.0", "@cf/openai/whisper",
            "@cf/openai/whisper-large-v3-turbo", "@cf/deepgram/nova-3", "@cf/myshell-ai/melotts", "@cf/deepgram/aura-1",
            "@cf/meta/m2m100-1.2b"),
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
  void chatSendsMessagesAndToolsAndReadsToolCallsAndUsage() throws Exception {
    server.enqueue(ok("{\"response\":null,\"tool_calls\":[{\"name\":\"weather\",\"arguments\":{\"city\":\"Paris\"}}],"
        + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":4,\"total_tokens\":13}}"));
    ChatCompletionModel llama = bind("meta.Llama3_1_8bInstruct", ChatCompletionModel.class);
    assertThat(llama.supportsTools()).isTrue();
    assertThat(llama.supportsStreaming()).isTrue();
    ObjectNode request = (ObjectNode) JSON.readTree("{\"messages\":[{\"role\":\"system\",\"content\":\"Be brief\"},"
        + "{\"role\":\"user\",\"content\":\"Weather in Paris?\"}],\"tools\":[{\"type\":\"function\",\"function\":"
        + "{\"name\":\"weather\",\"description\":\"Weather of a city\",\"parameters\":{\"type\":\"object\","
        + "\"properties\":{\"city\":{\"type\":\"string\",\"description\":\"City name\"}},\"required\":[\"city\"]}}}],\"max_tokens\":50}");

    ChatAnswer answer = llama.chat(request);

    assertThat(answer.toolCalls()).singleElement().satisfies(c -> {
      assertThat(c.name()).isEqualTo("weather");
      assertThat(JSON.readTree(c.arguments())).isEqualTo(JSON.readTree("{\"city\":\"Paris\"}"));
    });
    assertThat(answer.usage()).hasValueSatisfying(u -> assertThat(u.totalTokens()).isEqualTo(13));
    JsonNode sent = body(take());
    assertThat(sent.get("messages")).isEqualTo(request.get("messages"));
    assertThat(sent.at("/tools/0/function/name").asText()).isEqualTo("weather");
    assertThat(sent.get("max_tokens").asInt()).isEqualTo(50);
  }

  @Test
  void chatChecksTheRequestAgainstTheModelsSchemaBeforeSending() throws Exception {
    ChatCompletionModel llama = bind("meta.Llama3_1_8bInstruct", ChatCompletionModel.class);
    ObjectNode request = (ObjectNode) JSON.readTree("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":9}");

    assertThatThrownBy(() -> llama.chat(request)).isInstanceOf(InputValidationException.class).hasMessageContaining("temperature");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void rerankerSendsQueryAndContextsAndReturnsScoresInTextOrder() throws Exception {
    server.enqueue(ok("{\"response\":[{\"id\":1,\"score\":0.8},{\"id\":0,\"score\":0.2}]}"));
    RerankingModel m3 = bind("baai.BgeM3", RerankingModel.class);

    assertThat(m3.scores("cats?", List.of("dogs", "cats"))).containsExactly(0.2, 0.8);
    assertThat(body(take())).isEqualTo(JSON.readTree("{\"query\":\"cats?\",\"contexts\":[{\"text\":\"dogs\"},{\"text\":\"cats\"}]}"));
  }

  @Test
  void textToImageReadsABase64AnswerAndABinaryOne() throws Exception {
    server.enqueue(ok("{\"image\":\"" + Base64.getEncoder().encodeToString(PNG) + "\"}"));
    BinaryOutput flux = bind("black_forest_labs.Flux1Schnell", TextToImageModel.class).generateImage("a cat");
    assertThat(flux.bytes()).isEqualTo(PNG);
    assertThat(flux.contentType()).isEqualTo("image/png");
    assertThat(body(take())).isEqualTo(JSON.readTree("{\"prompt\":\"a cat\"}"));

    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png").body(new Buffer().write(PNG)).build());
    BinaryOutput sdxl = bind("stabilityai.StableDiffusionXlBase1_0", TextToImageModel.class).generateImage("a dog");
    assertThat(sdxl.bytes()).isEqualTo(PNG);
    assertThat(body(take())).isEqualTo(JSON.readTree("{\"prompt\":\"a dog\"}"));
  }

  @Test
  void textToImageChecksThePromptAgainstTheSchema() throws Exception {
    TextToImageModel flux = bind("black_forest_labs.Flux1Schnell", TextToImageModel.class);

    assertThatThrownBy(() -> flux.generateImage("")).isInstanceOf(InputValidationException.class).hasMessageContaining("prompt");
  }

  @Test
  void speechToTextSendsAudioInTheModelsOwnConvention() throws Exception {
    byte[] audio = {1, 2, (byte) 200};
    server.enqueue(ok("{\"text\":\"hello\"}"));
    assertThat(bind("openai.Whisper", SpeechToTextModel.class).transcribe(audio, "audio/wav")).isEqualTo("hello");
    assertThat(body(take())).isEqualTo(JSON.readTree("{\"audio\":[1,2,200]}"));

    server.enqueue(ok("{\"text\":\"hi\",\"transcription_info\":{}}"));
    assertThat(bind("openai.WhisperLargeV3Turbo", SpeechToTextModel.class).transcribe(audio, "audio/wav")).isEqualTo("hi");
    assertThat(body(take())).isEqualTo(JSON.readTree("{\"audio\":\"AQLI\"}"));

    server.enqueue(ok("{\"results\":{\"channels\":[{\"alternatives\":[{\"transcript\":\"hey\"}]}]}}"));
    assertThat(bind("deepgram.Nova3", SpeechToTextModel.class).transcribe(audio, "audio/wav")).isEqualTo("hey");
    RecordedRequest raw = take();
    assertThat(raw.getHeaders().get("Content-Type")).startsWith("audio/wav");
    assertThat(raw.getBody().toByteArray()).isEqualTo(audio);
  }

  @Test
  void textToSpeechSendsTheTextPropertyTheSchemaNamesAndReadsEitherAnswer() throws Exception {
    byte[] mp3 = {'I', 'D', '3', 4, 0};
    server.enqueue(ok("{\"audio\":\"" + Base64.getEncoder().encodeToString(mp3) + "\"}"));
    BinaryOutput melo = bind("myshell_ai.Melotts", TextToSpeechModel.class).speak("Hello");
    assertThat(melo.bytes()).isEqualTo(mp3);
    assertThat(melo.contentType()).isEqualTo("audio/mpeg");
    assertThat(body(take())).isEqualTo(JSON.readTree("{\"prompt\":\"Hello\"}"));

    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "audio/mpeg").body(new Buffer().write(mp3)).build());
    assertThat(bind("deepgram.Aura1", TextToSpeechModel.class).speak("Hi").bytes()).isEqualTo(mp3);
    assertThat(body(take())).isEqualTo(JSON.readTree("{\"text\":\"Hi\"}"));
  }

  @Test
  void translationSendsTextAndLanguages() throws Exception {
    server.enqueue(ok("{\"translated_text\":\"Bonjour\"}"));
    TranslationModel m2m = bind("meta.M2m100_1_2b", TranslationModel.class);

    assertThat(m2m.translate("Hello", "english", "french")).isEqualTo("Bonjour");
    assertThat(body(take())).isEqualTo(JSON.readTree("{\"text\":\"Hello\",\"source_lang\":\"english\",\"target_lang\":\"french\"}"));
  }

  @Test
  void aMissingTaskValueNamesTheModel() throws Exception {
    server.enqueue(ok("{\"request_id\":\"r1\"}"));
    TranslationModel m2m = bind("meta.M2m100_1_2b", TranslationModel.class);

    assertThatThrownBy(() -> m2m.translate("Hello", null, "fr")).hasMessageContaining("@cf/meta/m2m100-1.2b")
        .hasMessageContaining("translated_text");
  }

  private static <T> T bindTo(WorkersAi ai, String name, Class<T> task) throws Exception {
    return task.cast(classes.loadClass(GenerationRequest.DEFAULT_PACKAGE + "." + name).getMethod("on", WorkersAi.class)
        .invoke(null, ai));
  }

  private <T> T bind(String name, Class<T> task) throws Exception {
    return bindTo(ai, name, task);
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
