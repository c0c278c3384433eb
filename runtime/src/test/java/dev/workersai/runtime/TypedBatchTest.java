package dev.workersai.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Batch}: a batch's results read as the model's answer type. */
class TypedBatchTest extends MockServerSupport {
  record Answer(@JsonProperty("response") String response) {}

  @Test
  void resultsReadAsTheAnswerTypeInRequestOrder() {
    server.enqueue(ok("{\"status\":\"queued\",\"request_id\":\"req-1\"}"));
    server.enqueue(ok("{\"responses\":["
        + "{\"id\":1,\"result\":{\"result\":{\"response\":\"one\"}},\"success\":true,\"external_reference\":\"r1\"},"
        + "{\"id\":0,\"result\":{\"response\":\"zero\"},\"success\":true},"
        + "{\"id\":2,\"success\":false,\"error\":\"bad\"}]}"));
    WorkersAi ai = client();
    List<BatchTest.Input> inputs = List.of(new BatchTest.Input("a"), new BatchTest.Input("b"), new BatchTest.Input("c"));

    Batch<Answer> batch = Batch.of(ai, BatchTest.GPT_OSS, ai.submitBatch(BatchTest.GPT_OSS, inputs, CallOptions.defaults()),
        Answer.class);
    List<Batch.Result<Answer>> results = batch.await(Duration.ofMinutes(1));

    assertThat(batch.requestId()).isEqualTo("req-1");
    assertThat(batch.size()).isEqualTo(3);
    assertThat(results).extracting(Batch.Result::output).containsExactly(new Answer("zero"), new Answer("one"), null);
    assertThat(results).extracting(Batch.Result::success).containsExactly(true, true, false);
    assertThat(results.get(1).externalReference()).isEqualTo("r1");
    assertThat(results.get(2).raw().get("error").asText()).isEqualTo("bad");
  }

  @Test
  void genericAnswerTypesRead() {
    server.enqueue(ok("{\"status\":\"queued\",\"request_id\":\"req-2\"}"));
    server.enqueue(ok("{\"responses\":[{\"id\":0,\"result\":[1.5,2.5],\"success\":true}]}"));
    WorkersAi ai = client();

    Batch<List<Double>> batch = Batch.of(ai, BatchTest.GPT_OSS,
        ai.submitBatch(BatchTest.GPT_OSS, List.of(new BatchTest.Input("a")), CallOptions.defaults()),
        new TypeReference<List<Double>>() {});

    assertThat(batch.await(Duration.ofMinutes(1)).get(0).output()).containsExactly(1.5, 2.5);
  }

  @Test
  void aResultOfAnotherShapeIsReportedNamingModelBatchAndRequest() {
    server.enqueue(ok("{\"status\":\"queued\",\"request_id\":\"req-3\"}"));
    server.enqueue(ok("{\"responses\":[{\"id\":0,\"result\":{\"response\":\"fine\"},\"success\":true},"
        + "{\"id\":1,\"result\":{\"response\":{\"nested\":true}},\"success\":true}]}"));
    WorkersAi ai = client();
    Batch<Answer> batch = Batch.of(ai, BatchTest.GPT_OSS, ai.submitBatch(BatchTest.GPT_OSS,
        List.of(new BatchTest.Input("a"), new BatchTest.Input("b")), CallOptions.defaults()), Answer.class);

    assertThatThrownBy(() -> batch.await(Duration.ofMinutes(1)))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageStartingWith("model @cf/openai/gpt-oss-120b: batch req-3, request 1: the result does not read as "
            + "the model's answer: ");
    assertThat(batch).hasToString("Batch[@cf/openai/gpt-oss-120b, req-3, 2 requests]");
  }
}
