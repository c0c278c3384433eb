package dev.workersai.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workersai.runtime.model.ModelDescriptor;
import dev.workersai.runtime.model.RateLimit;
import java.time.Duration;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class BatchTest extends MockServerSupport {
  static final ModelDescriptor GPT_OSS =
      new ModelDescriptor("@cf/openai/gpt-oss-120b", "Text Generation", 300, RateLimit.Source.TASK_DEFAULT, true);

  record Input(String prompt) implements ModelInput {
    @Override
    public void validate() {
      if (prompt.isEmpty()) {
        throw new InputValidationException("prompt", "must not be empty");
      }
    }
  }

  @Test
  void submitPollsUntilDoneAndReturnsResultsInRequestOrder() throws Exception {
    server.enqueue(ok("{\"status\":\"queued\",\"request_id\":\"req-1\",\"model\":\"@cf/openai/gpt-oss-120b\"}"));
    server.enqueue(ok("{\"status\":\"queued\",\"request_id\":\"req-1\"}"));
    server.enqueue(ok("{\"status\":\"running\",\"request_id\":\"req-1\"}"));
    server.enqueue(ok("{\"responses\":["
        + "{\"id\":2,\"result\":{\"result\":{\"response\":\"two\"}},\"success\":true,\"external_reference\":\"r2\"},"
        + "{\"id\":0,\"result\":{\"result\":{\"response\":\"zero\"}},\"success\":true},"
        + "{\"id\":\"1\",\"result\":{\"response\":[0.5,0.25]},\"success\":true}],"
        + "\"usage\":{\"prompt_tokens\":3}}"));
    WorkersAi ai = client();

    BatchJob job = ai.submitBatch(GPT_OSS, List.of(new Input("a"), new Input("b"), new Input("c")), CallOptions.defaults());
    List<BatchJob.BatchResult> results = job.await(Duration.ofMinutes(1));

    assertThat(job.requestId()).isEqualTo("req-1");
    assertThat(job.size()).isEqualTo(3);
    assertThat(results).extracting(BatchJob.BatchResult::index).containsExactly(0, 1, 2);
    assertThat(results.get(0).result().get("response").asText()).isEqualTo("zero");
    assertThat(results.get(1).result().get("response").get(1).asDouble()).isEqualTo(0.25);
    assertThat(results.get(2).result().get("response").asText()).isEqualTo("two");
    assertThat(results.get(2).externalReference()).isEqualTo("r2");
    assertThat(results.get(2).raw().get("id").asInt()).isEqualTo(2);
    assertThat(results).allMatch(BatchJob.BatchResult::success);

    RecordedRequest submit = take();
    assertThat(submit.getUrl().encodedPath()).isEqualTo("/client/v4/accounts/acc123/ai/run/@cf/openai/gpt-oss-120b");
    assertThat(submit.getUrl().queryParameter("queueRequest")).isEqualTo("true");
    assertThat(bodyJson(submit)).isEqualTo(JSON.readTree(
        "{\"requests\":[{\"prompt\":\"a\"},{\"prompt\":\"b\"},{\"prompt\":\"c\"}]}"));
    RecordedRequest poll = take();
    assertThat(poll.getUrl().queryParameter("queueRequest")).isEqualTo("true");
    assertThat(bodyJson(poll)).isEqualTo(JSON.readTree("{\"request_id\":\"req-1\"}"));
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(1500));
  }

  @Test
  void missingAndFailedItemsAreUnsuccessfulResults() {
    server.enqueue(ok("{\"status\":\"queued\",\"request_id\":\"req-2\"}"));
    server.enqueue(ok("{\"responses\":[{\"id\":1,\"success\":false,\"error\":\"bad\"}]}"));

    List<BatchJob.BatchResult> results = client().submitBatch(GPT_OSS, List.of(new Input("a"), new Input("b")),
        CallOptions.defaults()).await(Duration.ofMinutes(1));

    assertThat(results).extracting(BatchJob.BatchResult::success).containsExactly(false, false);
    assertThat(results.get(0).raw().isMissingNode()).isTrue();
    assertThat(results.get(1).raw().get("error").asText()).isEqualTo("bad");
    assertThat(results.get(1).result()).isNull();
  }

  @Test
  void awaitGivesUpAfterTheTimeout() {
    server.enqueue(ok("{\"status\":\"queued\",\"request_id\":\"req-3\"}"));
    for (int i = 0; i < 10; i++) {
      server.enqueue(ok("{\"status\":\"running\",\"request_id\":\"req-3\"}"));
    }
    BatchJob job = client().submitBatch(GPT_OSS, List.of(new Input("a")), CallOptions.defaults());

    assertThatThrownBy(() -> job.await(Duration.ofSeconds(2)))
        .isInstanceOf(RequestTimeoutException.class)
        .hasMessage("model @cf/openai/gpt-oss-120b: batch req-3 still running after 2000 ms");
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void modelWithoutAsyncQueueAndInvalidInputsAreRejectedBeforeSending() {
    assertThatThrownBy(() -> client().submitBatch(LLAMA, List.of(new Input("a")), CallOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("model @cf/meta/llama-3.1-8b-instruct does not accept batches (its catalog entry has no async_queue property)");
    assertThatThrownBy(() -> client().submitBatch(GPT_OSS, List.of(new Input("a"), new Input("")), CallOptions.defaults()))
        .isInstanceOf(InputValidationException.class)
        .hasMessage("prompt: must not be empty");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void failedStatusIsReported() {
    server.enqueue(ok("{\"status\":\"queued\",\"request_id\":\"req-4\"}"));
    server.enqueue(ok("{\"status\":\"failed\",\"request_id\":\"req-4\"}"));

    assertThatThrownBy(() -> client().submitBatch(GPT_OSS, List.of(new Input("a")), CallOptions.defaults())
        .await(Duration.ofMinutes(1)))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage("model @cf/openai/gpt-oss-120b: batch req-4 has status \"failed\" and no responses: "
            + "{\"status\":\"failed\",\"request_id\":\"req-4\"}");
  }
}
