package dev.workersai.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workersai.runtime.internal.Redactor;
import dev.workersai.runtime.internal.http.RequestFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** The batch's assembly and its submission's answer, without HTTP: the queued call is a fake. */
class BatchSubmissionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "tok-SECRET-0123456789";

  private final BatchSubmission batches = new BatchSubmission(JSON,
      new RequestFactory(HttpUrl.get("https://api.example/client/v4"), "acc", JSON), new Redactor(TOKEN),
      new FakeTime(), Duration.ofSeconds(1));
  private final List<JsonNode> sent = new ArrayList<>();

  private BatchSubmission.QueuedCall answering(String... results) {
    List<String> answers = new ArrayList<>(List.of(results));
    return payload -> {
      JsonNode body = JSON.valueToTree(((RequestPayload.Json) payload).value());
      sent.add(body);
      try {
        return JSON.readTree(answers.remove(0));
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
    };
  }

  @Test
  void theBodyHoldsTheInputsInOrderAndThePollAsksForTheRequestId() throws Exception {
    BatchJob job = batches.submit(BatchTest.GPT_OSS, List.of(new BatchTest.Input("a"), new BatchTest.Input("b")),
        answering("{\"status\":\"queued\",\"request_id\":\"req-9\"}",
            "{\"responses\":[{\"id\":0,\"success\":true},{\"id\":1,\"success\":true}]}"));

    assertThat(job.requestId()).isEqualTo("req-9");
    assertThat(job.size()).isEqualTo(2);
    assertThat(job.await(Duration.ofMinutes(1))).hasSize(2);
    assertThat(sent).containsExactly(JSON.readTree("{\"requests\":[{\"prompt\":\"a\"},{\"prompt\":\"b\"}]}"),
        JSON.readTree("{\"request_id\":\"req-9\"}"));
  }

  @Test
  void anAnswerWithoutARequestIdIsAnInvalidResponseQuotingItRedacted() {
    assertThatThrownBy(() -> batches.submit(BatchTest.GPT_OSS, List.of(new BatchTest.Input("a")),
        answering("{\"status\":\"queued\",\"echo\":\"" + TOKEN + "\"}")))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage("model @cf/openai/gpt-oss-120b: batch submission answered without a request_id: "
            + "{\"status\":\"queued\",\"echo\":\"[REDACTED]\"}");
  }

  @Test
  void emptyOrInvalidInputsAreRejectedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> batches.submit(BatchTest.GPT_OSS, List.of(), answering()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("model @cf/openai/gpt-oss-120b: a batch needs at least one input");
    assertThatThrownBy(() -> batches.submit(BatchTest.GPT_OSS,
        List.of(new BatchTest.Input("a"), new BatchTest.Input("")), answering()))
        .isInstanceOf(InputValidationException.class);
    assertThat(sent).isEmpty();
  }
}
