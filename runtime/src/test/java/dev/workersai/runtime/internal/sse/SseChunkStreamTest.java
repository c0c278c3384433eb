package dev.workersai.runtime.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.InvalidResponseException;
import dev.workersai.runtime.StreamAccumulator;
import dev.workersai.runtime.StreamChunk;
import dev.workersai.runtime.WorkersAiException;
import dev.workersai.runtime.internal.Redactor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalDouble;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import org.junit.jupiter.api.Test;

/**
 * Chunk normalisation and stream lifecycle over in-memory bytes (no HTTP), with frames shaped like
 * the captures described in WIRE.md §3.
 */
class SseChunkStreamTest {
  private static final String MODEL = "@cf/meta/llama-3.1-8b-instruct";

  private static ChunkStream<StreamChunk> stream(String sse) {
    return SseChunkStreams.read(new Buffer().writeUtf8(sse), MODEL);
  }

  private static List<StreamChunk> chunks(String sse) {
    List<StreamChunk> chunks = new ArrayList<>();
    try (ChunkStream<StreamChunk> stream = stream(sse)) {
      stream.forEach(chunks::add);
    }
    return chunks;
  }

  @Test
  void nativeChunksWithPaddingAndAUsageChunk() {
    String sse = "data: {\"response\":\"New\",\"p\":\"abdefgh\"}\n\n"
        + "data: {\"response\":\" York\",\"p\":\"ab\"}\n\n"
        + "data: {\"response\":\"\",\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":2,"
        + "\"total_tokens\":14,\"neurons\":3.15,\"prompt_tokens_details\":{\"cached_tokens\":4}}}\n\n"
        + "data: [DONE]\n\n";
    List<StreamChunk> chunks = chunks(sse);

    assertThat(chunks).extracting(StreamChunk::response).containsExactly("New", " York", "");
    assertThat(chunks.get(0).raw().get("p").asText()).as("padding kept in raw").isEqualTo("abdefgh");
    assertThat(chunks.get(0).usage()).isEmpty();
    assertThat(chunks.get(2).usage()).contains(
        new StreamChunk.Usage(12, 2, 14, 4, OptionalDouble.of(3.15)));
    assertThat(chunks).allSatisfy(c -> assertThat(c.finishReason()).isEmpty());
  }

  @Test
  void openAiStyleDeltasWithReasoningFinishReasonAndUsage() {
    String sse = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
        + "\"delta\":{\"role\":\"assistant\",\"reasoning_content\":\"Think\"},\"finish_reason\":null}]}\n\n"
        + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
        + "\"delta\":{\"reasoning\":\"ing.\"},\"finish_reason\":null}]}\n\n"
        + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
        + "\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}\n\n"
        + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
        + "\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":3}}\n\n"
        + "data: [DONE]\n\n";
    List<StreamChunk> chunks = chunks(sse);

    assertThat(chunks).extracting(StreamChunk::reasoning).containsExactly("Think", "ing.", "", "");
    assertThat(chunks).extracting(StreamChunk::response).containsExactly("", "", "Hi", "");
    assertThat(chunks.get(3).finishReason()).contains("stop");
    assertThat(chunks.get(3).usage())
        .as("total_tokens absent: the sum")
        .contains(new StreamChunk.Usage(5, 3, 8));
  }

  @Test
  void frameWithBothDeltaAndResponseCountsTheTextOnce() {
    String sse = "data: {\"response\":\"Hel\",\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n"
        + "data: {\"response\":\"lo\",\"choices\":[{\"delta\":{\"content\":\"lo\"},\"finish_reason\":\"stop\"}]}\n\n"
        + "data: {\"response\":\"\",\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}}\n\n"
        + "data: [DONE]\n\n";
    StreamAccumulator answer = StreamAccumulator.collect(stream(sse));

    assertThat(answer.text()).isEqualTo("Hello");
    assertThat(answer.finishReason()).contains("stop");
    assertThat(answer.usage()).contains(new StreamChunk.Usage(1, 2, 3));
    assertThat(answer.chunkCount()).isEqualTo(3);
  }

  @Test
  void openAiToolCallDeltasMergeByIndex() {
    String sse = "data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
        + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}}]}\n\n"
        + "data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}}]}\n\n"
        + "data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":1,\"id\":\"call_2\",\"type\":\"function\","
        + "\"function\":{\"name\":\"get_time\",\"arguments\":\"{}\"}}]}}]}\n\n"
        + "data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}}]}\n\n"
        + "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n"
        + "data: [DONE]\n\n";
    StreamAccumulator answer = StreamAccumulator.collect(stream(sse));

    assertThat(answer.toolCalls()).containsExactly(
        new StreamAccumulator.ToolCall(0, "call_1", "function", "get_weather", "{\"city\":\"Paris\"}"),
        new StreamAccumulator.ToolCall(1, "call_2", "function", "get_time", "{}"));
    assertThat(answer.finishReason()).contains("tool_calls");
    assertThat(answer.text()).isEmpty();
  }

  @Test
  void nativeToolCallChunksWithAFinalisationFragment() {
    String sse = "data: {\"response\":\"\",\"tool_calls\":[{\"id\":\"t1\",\"type\":\"function\",\"index\":0,"
        + "\"function\":{\"name\":\"lookup\"}}]}\n\n"
        + "data: {\"response\":\"\",\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"q\\\":\"}}]}\n\n"
        + "data: {\"response\":\"\",\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"1}\"}}]}\n\n"
        + "data: {\"response\":\"\",\"tool_calls\":[{\"id\":null,\"type\":null,\"index\":null,"
        + "\"function\":{\"name\":null,\"arguments\":null}}]}\n\n"
        + "data: [DONE]\n\n";
    StreamAccumulator answer = StreamAccumulator.collect(stream(sse));

    assertThat(answer.toolCalls()).containsExactly(
        new StreamAccumulator.ToolCall(0, "t1", "function", "lookup", "{\"q\":1}"));
  }

  @Test
  void jsonModeObjectResponseIsKeptAsItsJsonText() {
    List<StreamChunk> chunks = chunks("data: {\"response\":{\"a\":1}}\n\ndata: [DONE]\n\n");
    assertThat(chunks).extracting(StreamChunk::response).containsExactly("{\"a\":1}");
  }

  @Test
  void commentsKeepAlivesAndEmptyDataAreSkipped() {
    List<StreamChunk> chunks = chunks(": ping\n\ndata:\n\ndata: {\"response\":\"x\"}\n\n: ping\n\ndata: [DONE]\n\n");
    assertThat(chunks).extracting(StreamChunk::response).containsExactly("x");
  }

  @Test
  void nothingAfterDoneIsRead() {
    List<StreamChunk> chunks = chunks("data: {\"response\":\"x\"}\n\ndata: [DONE]\n\ndata: not json\n\n");
    assertThat(chunks).extracting(StreamChunk::response).containsExactly("x");
  }

  @Test
  void streamEndingWithoutDoneOrFinishReasonIsAnError() {
    ChunkStream<StreamChunk> stream = stream("data: {\"response\":\"a\"}\n\ndata: {\"response\":\"b\"}\n\n");
    Iterator<StreamChunk> it = stream.iterator();
    assertThat(it.next().response()).isEqualTo("a");
    assertThat(it.next().response()).isEqualTo("b");
    assertThatThrownBy(it::hasNext)
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessage("stream from model " + MODEL + " ended without [DONE] after 2 chunks; the answer is truncated")
        .satisfies(e -> assertThat(((WorkersAiException) e).modelId()).contains(MODEL));
    assertThat(it.hasNext()).as("the error is the one terminal outcome").isFalse();
    assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void streamCutMidLineSaysSo() {
    assertThatThrownBy(() -> chunks("data: {\"response\":\"a\"}\n\ndata: {\"resp"))
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessage("stream from model " + MODEL + " ended without [DONE] after 1 chunks"
            + " (the connection closed mid-line); the answer is truncated");
  }

  @Test
  void emptyBodyIsAnError() {
    assertThatThrownBy(() -> chunks(""))
        .hasMessage("stream from model " + MODEL + " ended without [DONE] after 0 chunks; the answer is truncated");
  }

  @Test
  void finishReasonWithoutDoneEndsNormally() {
    List<StreamChunk> chunks = chunks(
        "data: {\"choices\":[{\"delta\":{\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}\n\n");
    assertThat(chunks).extracting(StreamChunk::response).containsExactly("ok");
  }

  @Test
  void malformedJsonNamesTheModelAndQuotesTheLineShortened() {
    String bad = "{\"response\":\"" + "z".repeat(300);
    assertThatThrownBy(() -> chunks("data: {\"response\":\"a\"}\n\ndata: " + bad + "\n\ndata: [DONE]\n\n"))
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessageStartingWith("model " + MODEL + " sent a malformed stream chunk (not JSON: ")
        .hasMessageEndingWith("): " + bad.substring(0, 200) + "... (" + bad.length() + " chars)");
  }

  @Test
  void nonObjectJsonIsRejected() {
    assertThatThrownBy(() -> chunks("data: 42\n\ndata: [DONE]\n\n"))
        .hasMessage("model " + MODEL + " sent a stream chunk that is not a JSON object: 42");
  }

  @Test
  void errorsArrayInTheStreamIsRaised() {
    String sse = "data: {\"response\":\"a\"}\n\n"
        + "data: {\"errors\":[{\"code\":3040,\"message\":\"Capacity temporarily exceeded\"}],\"success\":false}\n\n";
    assertThatThrownBy(() -> chunks(sse))
        .isExactlyInstanceOf(WorkersAiException.class)
        .hasMessage("model " + MODEL + " reported an error mid-stream: 3040: Capacity temporarily exceeded")
        .satisfies(e -> assertThat(((WorkersAiException) e).errorCode()).contains(3040));
  }

  @Test
  void errorEventTypeAndOpenAiErrorObjectAreRaised() {
    assertThatThrownBy(() -> chunks("event: error\ndata: {\"message\":\"overloaded\"}\n\n"))
        .hasMessage("model " + MODEL + " reported an error mid-stream: {\"message\":\"overloaded\"}");
    assertThatThrownBy(() -> chunks("data: {\"error\":{\"message\":\"bad\",\"code\":\"7001\"}}\n\n"))
        .hasMessage("model " + MODEL + " reported an error mid-stream: 7001: bad");
  }

  @Test
  void emptyErrorsArrayIsNotAnError() {
    List<StreamChunk> chunks = chunks("data: {\"response\":\"a\",\"errors\":[],\"error\":null}\n\ndata: [DONE]\n\n");
    assertThat(chunks).extracting(StreamChunk::response).containsExactly("a");
  }

  @Test
  void readerLimitBreachBecomesAnErrorNamingTheModel() {
    ChunkStream<StreamChunk> stream = new SseChunkStream(
        new SseReader(new Buffer().writeUtf8("data: " + "x".repeat(100) + "\n\n"), 50),
        WorkersAiException.Details.forModel(MODEL), () -> {}, () -> {}, Redactor.none());
    assertThatThrownBy(() -> stream.iterator().hasNext())
        .isExactlyInstanceOf(InvalidResponseException.class)
        .hasMessage("stream from model " + MODEL + " failed after 0 chunks: "
            + SseFormatException.class.getName() + ": event-stream line exceeds 50 bytes")
        .hasCauseInstanceOf(SseFormatException.class);
  }

  @Test
  void iteratesOnlyOnce() {
    try (ChunkStream<StreamChunk> stream = stream("data: [DONE]\n\n")) {
      stream.iterator();
      assertThatThrownBy(stream::iterator)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("the stream from model " + MODEL + " can be iterated only once");
    }
  }

  @Test
  void closeEndsIterationAndClosesTheSourceOnce() {
    int[] closes = new int[1];
    BufferedSource source = Okio.buffer(new okio.ForwardingSource(
        new Buffer().writeUtf8("data: {\"response\":\"a\"}\n\ndata: {\"response\":\"b\"}\n\n")) {
      @Override
      public void close() throws java.io.IOException {
        closes[0]++;
        super.close();
      }
    });
    ChunkStream<StreamChunk> stream = SseChunkStreams.read(source, MODEL);
    Iterator<StreamChunk> it = stream.iterator();
    assertThat(it.next().response()).isEqualTo("a");
    stream.close();
    stream.close();
    assertThat(it.hasNext()).isFalse();
    assertThat(closes[0]).isEqualTo(1);
  }

  @Test
  void closingTheJavaStreamClosesTheChunkStream() {
    int[] closes = new int[1];
    BufferedSource source = Okio.buffer(new okio.ForwardingSource(
        new Buffer().writeUtf8("data: {\"response\":\"a\"}\n\ndata: {\"response\":\"b\"}\n\n")) {
      @Override
      public void close() throws java.io.IOException {
        closes[0]++;
        super.close();
      }
    });
    try (var chunks = SseChunkStreams.read(source, MODEL).stream()) {
      assertThat(chunks.findFirst().orElseThrow().response()).isEqualTo("a");
    }
    assertThat(closes[0]).isEqualTo(1);
  }

  @Test
  void wholeJsonResultBecomesOneChunkThatEndsNormally() throws Exception {
    ObjectMapper json = new ObjectMapper();
    StreamAccumulator nativeResult = StreamAccumulator.collect(SseChunkStreams.fromJsonResult(
        json.readTree("{\"response\":\"All at once\",\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":3,\"total_tokens\":6}}"),
        MODEL));
    assertThat(nativeResult.text()).isEqualTo("All at once");
    assertThat(nativeResult.usage()).contains(new StreamChunk.Usage(3, 3, 6));

    StreamAccumulator chatResult = StreamAccumulator.collect(SseChunkStreams.fromJsonResult(
        json.readTree("{\"object\":\"chat.completion\",\"choices\":[{\"message\":{\"content\":\"Yes\","
            + "\"reasoning_content\":\"Because\"},\"finish_reason\":\"stop\"}]}"),
        "@cf/openai/gpt-oss-120b"));
    assertThat(chatResult.text()).isEqualTo("Yes");
    assertThat(chatResult.reasoning()).isEqualTo("Because");
    assertThat(chatResult.finishReason()).contains("stop");
    assertThat(chatResult.chunkCount()).isEqualTo(1);

    StreamAccumulator empty = StreamAccumulator.collect(SseChunkStreams.fromJsonResult(
        json.readTree("{}"), "@cf/openai/gpt-oss-120b"));
    assertThat(empty.text()).isEmpty();
    assertThat(empty.chunkCount()).isEqualTo(1);
  }
}
