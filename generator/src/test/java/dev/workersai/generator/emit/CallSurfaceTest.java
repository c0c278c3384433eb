package dev.workersai.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.Generator;
import dev.workersai.generator.compile.GeneratedCode;
import dev.workersai.runtime.Batch;
import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.WorkersAi;
import dev.workersai.runtime.model.ModelDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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
 * The call surface of a model whose schema mixes its calls with the wire: {@code run()} returns the
 * answer (no async-queue acknowledgement), {@code stream()} alone sets {@code "stream": true}, and a
 * batch is a list of the model's own {@code Input} whose results read as its answer. Generated from
 * the made-up {@code @cf/acme/queued-chat} (shaped like llama-3.3-70b-instruct-fp8-fast) and called
 * against a local server on 127.0.0.1.
 */
class CallSurfaceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path tmp;
  private static ClassLoader classes;

  private final MockWebServer server = new MockWebServer();
  private WorkersAi ai;

  @BeforeAll
  static void compile() {
    classes = GeneratedCode.compile(Generator.render(GenerationRequest.of(
        Paths.get("src", "test", "resources", "values"), tmp.resolve("unused"))).files(), tmp);
  }

  @BeforeEach
  void start() throws Exception {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    ai = WorkersAi.builder().accountId("acc1").apiToken("token-not-logged")
        .baseUrl("http://127.0.0.1:" + server.getPort() + "/client/v4").batchPollInterval(Duration.ofMillis(1)).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void runReturnsTheAnswerWithoutTheAcknowledgement() throws Exception {
    Class<?> output = type("Output");
    assertThat(model().getMethod("run", type("Input")).getReturnType()).isEqualTo(output);
    assertThat(output.isRecord()).as("one answer form is left: a record, not a union with the acknowledgement").isTrue();
    assertThat(Arrays.stream(output.getRecordComponents()).map(RecordComponent::getName)).containsExactly("response");
  }

  @Test
  void inputHasNoStreamFlagAndNoBatchForm() throws Exception {
    Class<?> input = type("Input");
    assertThat(Arrays.stream(input.getPermittedSubclasses()).map(Class::getSimpleName))
        .containsExactly("Prompt", "Messages", "Unknown");
    for (Class<?> form : List.of(type("Input$Prompt"), type("Input$Messages"))) {
      assertThat(Arrays.stream(form.getRecordComponents()).map(RecordComponent::getName)).as(form.getName())
          .doesNotContain("stream");
    }
    assertThat(Arrays.stream(type("Input$Prompt$Builder").getMethods()).map(Method::getName)).doesNotContain("stream");
  }

  @Test
  void onlyStreamSetsTheFlagOnTheWire() throws Exception {
    server.enqueue(ok("{\"response\":\"whole\"}"));
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
        .body("data: {\"response\":\"par\"}\n\ndata: [DONE]\n\n").build());
    Object binding = model().getMethod("on", WorkersAi.class).invoke(null, ai);
    Object prompt = prompt("hi");

    Object answer = model().getMethod("run", type("Input")).invoke(binding, prompt);
    assertThat(answer.getClass().getMethod("response").invoke(answer)).isEqualTo("whole");
    assertThat(body(take())).isEqualTo(JSON.readTree("{\"prompt\":\"hi\"}"));

    try (ChunkStream<?> chunks = (ChunkStream<?>) model().getMethod("stream", type("Input")).invoke(binding, prompt)) {
      assertThat(chunks.iterator().hasNext()).isTrue();
    }
    assertThat(body(take())).isEqualTo(JSON.readTree("{\"prompt\":\"hi\",\"stream\":true}"));
  }

  @Test
  void aBatchIsAListOfInputsReadAsAnswers() throws Exception {
    Method submit = model().getMethod("submitBatch", List.class);
    assertThat(submit.getReturnType()).isEqualTo(Batch.class);
    assertThat(((ParameterizedType) submit.getGenericReturnType()).getActualTypeArguments()).containsExactly(type("Output"));
    assertThat(((ModelDescriptor) model().getField("DESCRIPTOR").get(null)).asyncQueue()).isTrue();

    server.enqueue(ok("{\"status\":\"queued\",\"request_id\":\"req-1\"}"));
    server.enqueue(ok("{\"responses\":[{\"id\":1,\"result\":{\"result\":{\"response\":\"second\"}},\"success\":true},"
        + "{\"id\":0,\"result\":{\"response\":\"first\"},\"success\":true}]}"));
    Object binding = model().getMethod("on", WorkersAi.class).invoke(null, ai);
    Batch<?> batch = (Batch<?>) submit.invoke(binding, List.of(prompt("a"), prompt("b")));
    List<? extends Batch.Result<?>> results = batch.await(Duration.ofMinutes(1));

    Class<?> output = type("Output");
    assertThat(results).allMatch(r -> output.isInstance(r.output()));
    assertThat(results).extracting(r -> r.output().toString()).containsExactly("Output[response=first]", "Output[response=second]");
    RecordedRequest submitted = take();
    assertThat(submitted.getUrl().queryParameter("queueRequest")).isEqualTo("true");
    assertThat(body(submitted)).isEqualTo(JSON.readTree("{\"requests\":[{\"prompt\":\"a\"},{\"prompt\":\"b\"}]}"));
  }

  private static Object prompt(String text) throws Exception {
    Object builder = type("Input$Prompt").getMethod("builder").invoke(null);
    builder.getClass().getMethod("prompt", String.class).invoke(builder, text);
    return builder.getClass().getMethod("build").invoke(builder);
  }

  private static Class<?> model() throws ClassNotFoundException {
    return classes.loadClass("dev.workersai.models.acme.QueuedChat");
  }

  private static Class<?> type(String nested) throws ClassNotFoundException {
    return classes.loadClass("dev.workersai.models.acme.QueuedChat$" + nested);
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
