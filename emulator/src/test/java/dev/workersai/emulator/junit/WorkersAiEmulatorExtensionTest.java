package dev.workersai.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workersai.emulator.RequestLog;
import dev.workersai.emulator.WorkersAiEmulator;
import dev.workersai.emulator.fault.Fault;
import dev.workersai.emulator.fault.Faults;
import dev.workersai.runtime.BatchJob;
import dev.workersai.runtime.CallOptions;
import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.DailyQuotaExceededException;
import dev.workersai.runtime.ModelInput;
import dev.workersai.runtime.ModelResponse;
import dev.workersai.runtime.RequestPayload;
import dev.workersai.runtime.StreamChunk;
import dev.workersai.runtime.WorkersAi;
import dev.workersai.runtime.WorkersAiException;
import dev.workersai.runtime.model.ModelDescriptor;
import dev.workersai.runtime.model.RateLimit;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(WorkersAiEmulatorExtension.class)
@WorkersAiEmulatorSettings(schemas = "src/test/resources/snapshot", token = "extension-token")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkersAiEmulatorExtensionTest {
  private static final ModelDescriptor CHAT = ModelDescriptor.of("@cf/test/chat", "Text Generation");

  private final WorkersAiEmulator constructed;

  WorkersAiEmulatorExtensionTest(WorkersAiEmulator emulator) {
    this.constructed = emulator;
  }

  @Test
  @Order(1)
  void injectsAWorkingClientForALoopbackEmulator(WorkersAi client, WorkersAiEmulator emulator, RequestLog log) {
    ModelResponse response = client.run(CHAT, RequestPayload.json(Map.of("prompt", "hi from the extension")),
        CallOptions.defaults());

    assertThat(response.result().path("response").asText()).endsWith("to: hi from the extension");
    assertThat(emulator).isSameAs(constructed);
    assertThat(emulator.token()).isEqualTo("extension-token");
    assertThat(emulator.address().getAddress().isLoopbackAddress()).isTrue();
    assertThat(log.runCount("@cf/test/chat")).isEqualTo(1);
  }

  @Test
  @Order(2)
  void faultsInstalledInOneTest(Faults faults) {
    faults.global(Fault.serverError(500));
    assertThat(constructed.faults()).isSameAs(faults);
  }

  @Test
  @Order(3)
  void areClearedBeforeTheNextOneAndSoIsTheLog(WorkersAi client, RequestLog log) {
    assertThat(log.total()).isZero();
    ModelResponse response = client.run(CHAT, RequestPayload.json(Map.of("prompt", "x")), CallOptions.defaults());
    assertThat(response.metadata().httpStatus()).isEqualTo(200);
  }

  @Test
  void clientStreamsTheEmulatorsSse(WorkersAi client) {
    StringBuilder text = new StringBuilder();
    long totalTokens = 0;
    try (ChunkStream<StreamChunk> stream = client.stream(CHAT, RequestPayload.json(Map.of("prompt", "stream this")),
        CallOptions.defaults())) {
      for (StreamChunk chunk : stream) {
        text.append(chunk.response());
        totalTokens += chunk.usage().map(StreamChunk.Usage::totalTokens).orElse(0L);
      }
    }
    assertThat(text.toString()).isEqualTo("Emulated answer from @cf/test/chat to: stream this");
    assertThat(totalTokens).isEqualTo(2 + 7);
  }

  @Test
  void clientReadsABinaryImage(WorkersAi client) throws Exception {
    ModelResponse response = client.run(ModelDescriptor.of("@cf/test/painter", "Text-to-Image"),
        RequestPayload.json(Map.of("prompt", "a kite")), CallOptions.defaults());

    assertThat(response.isJson()).isFalse();
    assertThat(response.contentType()).isEqualTo("image/png");
    assertThat(ImageIO.read(new ByteArrayInputStream(response.binary().bytes()))).isNotNull();
  }

  @Test
  void clientSeesAnInjectedDailyQuotaFault(WorkersAi client, Faults faults) {
    faults.forModel("@cf/test/chat", Fault.rateLimited(3036));

    assertThatThrownBy(() -> client.run(CHAT, RequestPayload.json(Map.of("prompt", "x")), CallOptions.defaults()))
        .isInstanceOf(DailyQuotaExceededException.class);
  }

  @Test
  void clientSeesAValidationErrorNamingTheField(WorkersAi client) {
    assertThatThrownBy(() -> client.run(CHAT, RequestPayload.json(Map.of("prompt", 5)), CallOptions.defaults()))
        .isInstanceOf(WorkersAiException.class)
        .hasMessageContaining("/prompt")
        .satisfies(e -> assertThat(((WorkersAiException) e).httpStatus()).isEqualTo(400));
  }

  @Test
  void clientGatewayHitsTheEmulatorsCache(WorkersAi client) {
    WorkersAi viaGateway = client.gateway("tests");
    RequestPayload payload = RequestPayload.json(Map.of("prompt", "cached"));

    ModelResponse first = viaGateway.run(CHAT, payload, CallOptions.defaults());
    ModelResponse second = viaGateway.run(CHAT, payload, CallOptions.defaults());

    assertThat(first.metadata().gatewayCacheStatus()).hasValue("MISS");
    assertThat(second.metadata().gatewayCacheStatus()).hasValue("HIT");
    assertThat(second.result()).isEqualTo(first.result());
  }

  @Test
  void clientBatchesAgainstTheEmulatorsQueue(WorkersAiEmulator emulator) {
    WorkersAi fastPolling = WorkersAi.builder().accountId(emulator.accountId()).apiToken(emulator.token())
        .baseUrl(emulator.baseUrl()).batchPollInterval(Duration.ofMillis(10)).build();
    ModelDescriptor chat = new ModelDescriptor("@cf/test/chat", "Text Generation", 300, RateLimit.Source.TASK_DEFAULT, true);

    BatchJob job = fastPolling.submitBatch(chat, List.of(new Prompt("zero"), new Prompt("one"), new Prompt("two")),
        CallOptions.defaults());
    List<BatchJob.BatchResult> results = job.await(Duration.ofSeconds(30));

    assertThat(results).extracting(BatchJob.BatchResult::index).containsExactly(0, 1, 2);
    assertThat(results.get(1).success()).isTrue();
    assertThat(results.get(1).result().path("response").asText()).endsWith("to: one");
  }

  /** A hand-written model input, as generated records are. */
  record Prompt(String prompt) implements ModelInput {
    @Override
    public void validate() {}
  }

  @Nested
  class NestedTests {
    @Test
    void shareTheOuterClassesEmulator(WorkersAiEmulator emulator) {
      assertThat(emulator).isSameAs(constructed);
    }
  }
}
