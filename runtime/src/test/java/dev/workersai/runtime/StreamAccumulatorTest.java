package dev.workersai.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamAccumulatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static StreamChunk text(String response, String reasoning) {
    return new StreamChunk(response, reasoning, List.of(), Optional.empty(), Optional.empty(), null);
  }

  private static StreamChunk tools(String... fragments) {
    List<JsonNode> calls = new ArrayList<>();
    for (String f : fragments) {
      calls.add(json(f));
    }
    return new StreamChunk("", "", calls, Optional.empty(), Optional.empty(), null);
  }

  @Test
  void emptyAccumulatorHasNothing() {
    StreamAccumulator answer = new StreamAccumulator();
    assertThat(answer.text()).isEmpty();
    assertThat(answer.reasoning()).isEmpty();
    assertThat(answer.toolCalls()).isEmpty();
    assertThat(answer.usage()).isEmpty();
    assertThat(answer.finishReason()).isEmpty();
    assertThat(answer.chunkCount()).isZero();
  }

  @Test
  void concatenatesTextAndReasoningAndKeepsTheLastUsageAndFinishReason() {
    StreamAccumulator answer = new StreamAccumulator();
    answer.accept(text("", "Let me"));
    answer.accept(text("", " think."));
    answer.accept(text("The answer", ""));
    answer.accept(text(" is 4.", ""));
    answer.accept(new StreamChunk("", "", List.of(), Optional.of(new StreamChunk.Usage(1, 1, 2)),
        Optional.of("length"), null));
    answer.accept(new StreamChunk("", "", List.of(), Optional.of(new StreamChunk.Usage(9, 7, 16)),
        Optional.of("stop"), null));

    assertThat(answer.text()).isEqualTo("The answer is 4.");
    assertThat(answer.reasoning()).isEqualTo("Let me think.");
    assertThat(answer.usage()).contains(new StreamChunk.Usage(9, 7, 16));
    assertThat(answer.finishReason()).contains("stop");
    assertThat(answer.chunkCount()).isEqualTo(6);
  }

  @Test
  void indexlessWholeToolCallsInOneChunkStayDistinct() {
    StreamAccumulator answer = new StreamAccumulator();
    answer.accept(tools(
        "{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Oslo\"}}",
        "{\"name\":\"get_time\",\"arguments\":{\"zone\":\"CET\"}}"));

    assertThat(answer.toolCalls()).containsExactly(
        new StreamAccumulator.ToolCall(0, null, null, "get_weather", "{\"city\":\"Oslo\"}"),
        new StreamAccumulator.ToolCall(1, null, null, "get_time", "{\"zone\":\"CET\"}"));
  }

  @Test
  void indexlessFragmentsMatchByIdOrContinueTheLatestCall() {
    StreamAccumulator answer = new StreamAccumulator();
    answer.accept(tools("{\"id\":\"a\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"x\\\"\"}}"));
    answer.accept(tools("{\"id\":\"b\",\"function\":{\"name\":\"g\",\"arguments\":\"{}\"}}"));
    answer.accept(tools("{\"id\":\"a\",\"function\":{\"arguments\":\":1\"}}"));
    answer.accept(tools("{\"function\":{\"arguments\":\"}\"}}"));

    assertThat(answer.toolCalls()).containsExactly(
        new StreamAccumulator.ToolCall(0, "a", "function", "f", "{\"x\":1}"),
        new StreamAccumulator.ToolCall(1, "b", null, "g", "{}"));
  }

  @Test
  void indexedFragmentsKeepTheFirstIdAndNameAndOrderByIndex() {
    StreamAccumulator answer = new StreamAccumulator();
    answer.accept(tools("{\"index\":1,\"id\":\"second\",\"function\":{\"name\":\"g\",\"arguments\":\"[\"}}"));
    answer.accept(tools("{\"index\":0,\"id\":\"first\",\"function\":{\"name\":\"f\",\"arguments\":\"\"}}"));
    answer.accept(tools("{\"index\":1,\"id\":\"\",\"function\":{\"name\":\"g\",\"arguments\":\"]\"}}"));

    assertThat(answer.toolCalls()).containsExactly(
        new StreamAccumulator.ToolCall(0, "first", null, "f", ""),
        new StreamAccumulator.ToolCall(1, "second", null, "g", "[]"));
  }

  @Test
  void fragmentsWithNothingToMergeAreIgnored() {
    StreamAccumulator answer = new StreamAccumulator();
    answer.accept(tools("{\"id\":null,\"index\":null,\"function\":{\"name\":null,\"arguments\":null}}", "\"junk\""));
    assertThat(answer.toolCalls()).isEmpty();
  }

  @Test
  void collectClosesTheStreamAlsoWhenItFails() {
    boolean[] closed = new boolean[1];
    ChunkStream<StreamChunk> failing = new ChunkStream<>() {
      @Override
      public Iterator<StreamChunk> iterator() {
        return new Iterator<>() {
          private boolean sent;

          @Override
          public boolean hasNext() {
            if (sent) {
              throw new WorkersAiException("stream from model m ended without [DONE] after 1 chunks");
            }
            return true;
          }

          @Override
          public StreamChunk next() {
            sent = true;
            return text("x", "");
          }
        };
      }

      @Override
      public void close() {
        closed[0] = true;
      }
    };

    assertThatThrownBy(() -> StreamAccumulator.collect(failing))
        .isInstanceOf(WorkersAiException.class)
        .hasMessageContaining("ended without [DONE]");
    assertThat(closed[0]).isTrue();
  }
}
