package dev.workersai.runtime.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Framing rules of {@link SseReader}. Every case runs twice: with the whole input available at once
 * and fed one byte per read, so line ends, field names and UTF-8 sequences split across reads are
 * covered.
 */
class SseReaderTest {

  static Stream<Arguments> feeds() {
    Function<String, BufferedSource> whole = text -> new Buffer().writeUtf8(text);
    Function<String, BufferedSource> oneByte = OneByteSource::of;
    return Stream.of(Arguments.of("whole", whole), Arguments.of("one byte per read", oneByte));
  }

  private static List<SseEvent> readAll(SseReader reader) throws IOException {
    List<SseEvent> events = new ArrayList<>();
    for (SseEvent e = reader.next(); e != null; e = reader.next()) {
      events.add(e);
    }
    assertThat(reader.next()).as("an exhausted reader stays exhausted").isNull();
    assertThat(reader.bufferedBytes()).as("nothing left buffered").isZero();
    return events;
  }

  private static List<String> data(List<SseEvent> events) {
    return events.stream().map(SseEvent::data).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feeds")
  void lfCrAndCrlfLineEndsFrameTheSameEvents(String feed, Function<String, BufferedSource> in)
      throws IOException {
    for (String eol : List.of("\n", "\r", "\r\n")) {
      String text = "data: {\"response\":\"a\"}" + eol + eol + "data: b" + eol + eol;
      assertThat(data(readAll(new SseReader(in.apply(text)))))
          .as("line end %s", eol.replace("\r", "CR").replace("\n", "LF"))
          .containsExactly("{\"response\":\"a\"}", "b");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feeds")
  void mixedLineEndsInOneStream(String feed, Function<String, BufferedSource> in) throws IOException {
    String text = "data: a\r\ndata: b\rdata: c\n\r\n" + "data: d\r\r";
    assertThat(data(readAll(new SseReader(in.apply(text))))).containsExactly("a\nb\nc", "d");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feeds")
  void commentsAreIgnored(String feed, Function<String, BufferedSource> in) throws IOException {
    String text = ": keep-alive\n\n:\ndata: x\n: between lines\ndata: y\n\n";
    assertThat(data(readAll(new SseReader(in.apply(text))))).containsExactly("x\ny");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feeds")
  void oneSpaceAfterTheColonIsDroppedAndNoMore(String feed, Function<String, BufferedSource> in)
      throws IOException {
    String text = "data:no-space\n\ndata: one\n\ndata:  two\n\ndata:\n\ndata\n\n";
    assertThat(data(readAll(new SseReader(in.apply(text)))))
        .containsExactly("no-space", "one", " two", "", "");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feeds")
  void multiLineDataIsJoinedWithLf(String feed, Function<String, BufferedSource> in) throws IOException {
    String text = "data: {\"a\":\ndata: 1}\n\ndata: first\ndata:\ndata: third\n\n";
    assertThat(data(readAll(new SseReader(in.apply(text)))))
        .containsExactly("{\"a\":\n1}", "first\n\nthird");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feeds")
  void eventIdAndRetryFields(String feed, Function<String, BufferedSource> in) throws IOException {
    String text = "retry: 2500\nid: 7\nevent: error\ndata: boom\n\n"
        + "data: next\n\n"
        + "id: a\0b\nretry: soon\nevent\ndata: third\n\n";
    SseReader reader = new SseReader(in.apply(text));

    SseEvent first = reader.next();
    assertThat(first).isEqualTo(new SseEvent("7", "error", "boom"));
    assertThat(reader.retryMillis()).isEqualTo(2500);
    assertThat(reader.next())
        .as("the id persists, the event type does not")
        .isEqualTo(new SseEvent("7", null, "next"));
    assertThat(reader.next())
        .as("an id with NUL and a non-numeric retry are ignored; a bare 'event' sets an empty type")
        .isEqualTo(new SseEvent("7", "", "third"));
    assertThat(reader.retryMillis()).isEqualTo(2500);
    assertThat(reader.next()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feeds")
  void retryWithMoreDigitsThanALongIsIgnored(String feed, Function<String, BufferedSource> in)
      throws IOException {
    SseReader reader = new SseReader(in.apply("retry: 99999999999999999999999\ndata: x\n\n"));
    assertThat(reader.next().data()).isEqualTo("x");
    assertThat(reader.retryMillis()).isEqualTo(-1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feeds")
  void unknownFieldsAndBlankLinesWithoutDataDispatchNothing(String feed, Function<String, BufferedSource> in)
      throws IOException {
    String text = "\n\np: padding\nfoo:bar\n\nevent: ping\n\ndata: only\n\n";
    List<SseEvent> events = readAll(new SseReader(in.apply(text)));
    assertThat(events)
        .as("the 'ping' type was reset by the blank line that dispatched nothing")
        .containsExactly(new SseEvent(null, null, "only"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feeds")
  void completeLastEventWithoutBlankLineIsStillDispatched(String feed, Function<String, BufferedSource> in)
      throws IOException {
    SseReader reader = new SseReader(in.apply("data: a\n\ndata: [DONE]\n"));
    assertThat(data(readAll(reader))).containsExactly("a", "[DONE]");
    assertThat(reader.endedMidLine()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feeds")
  void lastEventCutMidLineIsDroppedAndReported(String feed, Function<String, BufferedSource> in)
      throws IOException {
    SseReader reader = new SseReader(in.apply("data: a\n\ndata: {\"whole\":1}\ndata: {\"resp"));
    assertThat(data(readAll(reader))).containsExactly("a");
    assertThat(reader.endedMidLine()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feeds")
  void crAtEndOfInputEndsTheLine(String feed, Function<String, BufferedSource> in) throws IOException {
    SseReader reader = new SseReader(in.apply("data: a\r"));
    assertThat(data(readAll(reader))).containsExactly("a");
    assertThat(reader.endedMidLine()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feeds")
  void multiByteUtf8SurvivesSplitReads(String feed, Function<String, BufferedSource> in) throws IOException {
    String text = "data: {\"response\":\"Zürich 東京 🚀\"}\n\n";
    assertThat(data(readAll(new SseReader(in.apply(text)))))
        .containsExactly("{\"response\":\"Zürich 東京 🚀\"}");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feeds")
  void veryLongLineIsReadWhole(String feed, Function<String, BufferedSource> in) throws IOException {
    String big = "x".repeat(feed.equals("whole") ? 1_000_000 : 100_000);
    assertThat(data(readAll(new SseReader(in.apply("data: " + big + "\n\ndata: after\n\n")))))
        .containsExactly(big, "after");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feeds")
  void lineLongerThanTheLimitFailsInsteadOfBuffering(String feed, Function<String, BufferedSource> in) {
    SseReader reader = new SseReader(in.apply("data: " + "x".repeat(200) + "\n\n"), 100);
    assertThatThrownBy(reader::next)
        .isInstanceOf(SseFormatException.class)
        .hasMessage("event-stream line exceeds 100 bytes");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feeds")
  void eventLargerThanTheLimitFails(String feed, Function<String, BufferedSource> in) {
    String line = "data: " + "y".repeat(40) + "\n";
    SseReader reader = new SseReader(in.apply(line + line + line + "\n"), 100);
    assertThatThrownBy(reader::next)
        .isInstanceOf(SseFormatException.class)
        .hasMessage("event-stream event exceeds 100 bytes");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feeds")
  void oneLeadingByteOrderMarkIsSkipped(String feed, Function<String, BufferedSource> in) throws IOException {
    assertThat(readAll(new SseReader(in.apply("\uFEFFdata: a\n\n\uFEFFdata: b\n\n"))))
        .as("only the first BOM is special; a later one is part of a field name")
        .containsExactly(new SseEvent(null, null, "a"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feeds")
  void emptyInputHasNoEvents(String feed, Function<String, BufferedSource> in) throws IOException {
    SseReader reader = new SseReader(in.apply(""));
    assertThat(readAll(reader)).isEmpty();
    assertThat(reader.endedMidLine()).isFalse();
  }

  @org.junit.jupiter.api.Test
  void returnsAnEventWithoutReadingPastItsBlankLine() throws IOException {
    Buffer firstEvent = new Buffer().writeUtf8("data: first\n\n");
    Source thenFail = new Source() {
      @Override
      public long read(Buffer sink, long byteCount) {
        if (firstEvent.exhausted()) {
          throw new AssertionError("read past the end of the first event");
        }
        return firstEvent.read(sink, Math.min(byteCount, 1));
      }

      @Override
      public Timeout timeout() {
        return Timeout.NONE;
      }

      @Override
      public void close() {}
    };
    SseReader reader = new SseReader(Okio.buffer(thenFail));
    assertThat(reader.next()).isEqualTo(new SseEvent(null, null, "first"));
  }

  @org.junit.jupiter.api.Test
  void rejectsANonPositiveLimit() {
    assertThatThrownBy(() -> new SseReader(new Buffer(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxEventBytes must be positive: 0");
  }
}
