package dev.workersai.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workersai.runtime.BinaryOutput;
import dev.workersai.runtime.ModelResponse;
import dev.workersai.runtime.ResponseMetadata;
import dev.workersai.runtime.StreamAccumulator;
import dev.workersai.runtime.WorkersAiException;
import dev.workersai.runtime.internal.Redactor;
import dev.workersai.runtime.internal.RealModelResponse;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The task requests {@link TaskCalls} builds and the values it reads out of each answer shape. */
class TaskCallsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2};
  private static final String MODEL = "@cf/test/model";

  @Test
  void buildsTheRerankingTranslationAndTextRequests() throws Exception {
    assertThat(TaskCalls.contexts("q", List.of("a", "b")))
        .isEqualTo(JSON.readTree("{\"query\":\"q\",\"contexts\":[{\"text\":\"a\"},{\"text\":\"b\"}]}"));
    assertThat(TaskCalls.translation("hi", null, "fr")).isEqualTo(JSON.readTree("{\"text\":\"hi\",\"target_lang\":\"fr\"}"));
    assertThat(TaskCalls.translation("hi", "en", "fr"))
        .isEqualTo(JSON.readTree("{\"text\":\"hi\",\"source_lang\":\"en\",\"target_lang\":\"fr\"}"));
    assertThat(TaskCalls.field("text", "Hello")).isEqualTo(JSON.readTree("{\"text\":\"Hello\"}"));
    assertThat(TaskCalls.audioJson(new byte[] {1, 2, 3})).isEqualTo(JSON.readTree("{\"audio\":\"AQID\"}"));
  }

  @Test
  void mediaPassesABinaryAnswerThroughAndDecodesABase64One() throws Exception {
    BinaryOutput binary = TaskCalls.media(MODEL, binary("image/png", PNG), "image");
    assertThat(binary.contentType()).isEqualTo("image/png");
    assertThat(binary.bytes()).isEqualTo(PNG);

    BinaryOutput decoded = TaskCalls.media(MODEL, json("{\"image\":\"" + Base64.getEncoder().encodeToString(PNG) + "\"}"), "image");
    assertThat(decoded.contentType()).isEqualTo("image/png");
    assertThat(decoded.bytes()).isEqualTo(PNG);
  }

  @Test
  void mediaNamesTheModelAndPropertyWhenTheAnswerLacksIt() {
    assertThatThrownBy(() -> TaskCalls.media(MODEL, json("{\"request_id\":\"r1\"}"), "audio"))
        .isInstanceOf(WorkersAiException.class).hasMessageContaining(MODEL).hasMessageContaining("\"audio\"")
        .hasMessageContaining("request_id");
    assertThatThrownBy(() -> TaskCalls.media(MODEL, json("{\"audio\":\"%%%\"}"), "audio"))
        .isInstanceOf(WorkersAiException.class).hasMessageContaining(MODEL).hasMessageContaining("not base64");
  }

  @Test
  void scoresArePutBackInTheOrderOfTheTexts() throws Exception {
    assertThat(TaskCalls.scores(MODEL, json("{\"response\":[{\"id\":1,\"score\":0.9},{\"id\":0,\"score\":0.1}]}"), 2))
        .containsExactly(0.1, 0.9);
  }

  @Test
  void scoresNameTheModelWhenATextHasNoScoreOrAnIdIsOutOfRange() {
    assertThatThrownBy(() -> TaskCalls.scores(MODEL, json("{\"response\":[{\"id\":1,\"score\":0.9}]}"), 2))
        .isInstanceOf(WorkersAiException.class).hasMessageContaining(MODEL).hasMessageContaining("no score for text 0");
    assertThatThrownBy(() -> TaskCalls.scores(MODEL, json("{\"response\":[{\"id\":5,\"score\":0.9}]}"), 2))
        .isInstanceOf(WorkersAiException.class).hasMessageContaining("/response/0");
    assertThatThrownBy(() -> TaskCalls.scores(MODEL, json("{\"data\":[]}"), 2))
        .isInstanceOf(WorkersAiException.class).hasMessageContaining("without \"response\"");
  }

  @Test
  void transcriptIsReadInTheWhisperAndTheDeepgramShape() throws Exception {
    assertThat(TaskCalls.transcript(MODEL, json("{\"text\":\"hello\",\"word_count\":1}"))).isEqualTo("hello");
    assertThat(TaskCalls.transcript(MODEL,
        json("{\"results\":{\"channels\":[{\"alternatives\":[{\"transcript\":\"hi there\",\"confidence\":0.9}]}]}}")))
        .isEqualTo("hi there");
    assertThatThrownBy(() -> TaskCalls.transcript(MODEL, json("{\"vtt\":\"\"}")))
        .isInstanceOf(WorkersAiException.class).hasMessageContaining(MODEL).hasMessageContaining("vtt");
  }

  @Test
  void translatedReadsTheTranslatedText() throws Exception {
    assertThat(TaskCalls.translated(MODEL, json("{\"translated_text\":\"bonjour\"}"))).isEqualTo("bonjour");
    assertThatThrownBy(() -> TaskCalls.translated(MODEL, json("{\"text\":\"x\"}")))
        .isInstanceOf(WorkersAiException.class).hasMessageContaining(MODEL).hasMessageContaining("translated_text");
  }

  @Test
  void answerReadsToolCallsUsageAndFinishReasonOfTheNativeShape() throws Exception {
    ChatAnswer answer = TaskCalls.answer(MODEL, json("{\"response\":null,\"tool_calls\":[{\"name\":\"weather\","
        + "\"arguments\":{\"city\":\"Paris\"}}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}"));

    assertThat(answer.text()).isEmpty();
    assertThat(answer.toolCalls()).extracting(StreamAccumulator.ToolCall::name, StreamAccumulator.ToolCall::arguments)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("weather", "{\"city\":\"Paris\"}"));
    assertThat(answer.usage()).hasValueSatisfying(u -> {
      assertThat(u.promptTokens()).isEqualTo(5);
      assertThat(u.completionTokens()).isEqualTo(2);
    });
  }

  @Test
  void answerReadsTheOpenAiChatShape() throws Exception {
    ChatAnswer answer = TaskCalls.answer(MODEL, json("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
        + "\"content\":\"Bonjour\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}"));

    assertThat(answer.text()).isEqualTo("Bonjour");
    assertThat(answer.finishReason()).contains("stop");
    assertThat(answer.toolCalls()).isEmpty();
  }

  @Test
  void answerNamesTheModelWhenThereIsNeitherTextNorToolCalls() {
    assertThatThrownBy(() -> TaskCalls.answer(MODEL, json("{\"usage\":{}}"))).isInstanceOf(WorkersAiException.class)
        .hasMessageContaining(MODEL).hasMessageContaining("without text");
  }

  private static ModelResponse json(String result) throws Exception {
    return RealModelResponse.json(MODEL, "application/json", JSON.readTree(result), metadata(), JSON, Redactor.none());
  }

  private static ModelResponse binary(String type, byte[] bytes) {
    return RealModelResponse.binary(MODEL, new BinaryOutput(type, Arrays.copyOf(bytes, bytes.length)), metadata(), JSON,
        Redactor.none());
  }

  private static ResponseMetadata metadata() {
    return new ResponseMetadata(200, Optional.empty(), Optional.empty(), Optional.empty());
  }
}
