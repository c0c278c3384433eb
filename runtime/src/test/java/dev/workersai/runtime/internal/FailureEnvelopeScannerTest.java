package dev.workersai.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class FailureEnvelopeScannerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUSY = "{\"result\":null,\"success\":false,\"errors\":[{\"code\":3040,\"message\":\"busy\"}]}";

  @Test
  void theByteScanFindsASuccessKeyFollowedByFalseWhateverTheBlanks() throws Exception {
    assertThat(scan("{\"success\":false}")).isTrue();
    assertThat(scan("{\"success\" :\n\t false}")).isTrue();
    assertThat(scan("{\"success\":true,\"x\":{\"success\": false}}")).isTrue(); // nested: the parser decides
    assertThat(scan("{\"success\":true}")).isFalse();
    assertThat(scan("{\"response\":\"success: false\"}")).isFalse(); // no "success" key, only text
    assertThat(scan("{\"success\"")).isFalse(); // cut short
  }

  @Test
  void onlyATopLevelFalseSuccessCounts() {
    assertThat(saysNoSuccess(BUSY)).isTrue();
    assertThat(saysNoSuccess("{\"result\":{\"success\":false},\"success\":true}")).isFalse();
    assertThat(saysNoSuccess("{\"result\":{}}")).isFalse();
    assertThat(saysNoSuccess("[{\"success\":false}]")).isFalse();
    assertThat(saysNoSuccess("{\"success\":false")).isTrue(); // decided before the cut
    assertThat(saysNoSuccess("<html>")).isFalse();
  }

  @Test
  void aSmallJsonFailureIsReadAndItsBodyLeftUnread() throws Exception {
    Response response = response("application/json", BUSY);

    assertThat(FailureEnvelopeScanner.failureEnvelope(response, JSON, 1024)).isEqualTo(JSON.readTree(BUSY));
    assertThat(response.body().string()).isEqualTo(BUSY);
  }

  @Test
  void largeOrNonJsonOrSuccessfulBodiesAreNoFailure() {
    assertThat(FailureEnvelopeScanner.failureEnvelope(response("application/json", BUSY), JSON, BUSY.length() - 1))
        .isNull();
    assertThat(FailureEnvelopeScanner.failureEnvelope(response("text/plain", BUSY), JSON, 1024)).isNull();
    assertThat(FailureEnvelopeScanner.failureEnvelope(
        response("application/json", "{\"result\":{},\"success\":true}"), JSON, 1024)).isNull();
  }

  private static boolean scan(String body) throws java.io.IOException {
    return FailureEnvelopeScanner.mentionsSuccessFalse(new Buffer().writeUtf8(body));
  }

  private static boolean saysNoSuccess(String body) {
    return FailureEnvelopeScanner.saysNoSuccess(new JsonFactory(),
        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static Response response(String type, String body) {
    return new Response.Builder()
        .request(new Request.Builder().url("http://127.0.0.1/x").build())
        .protocol(Protocol.HTTP_1_1)
        .code(200)
        .message("OK")
        .header("Content-Type", type)
        .body(ResponseBody.create(body, MediaType.get(type)))
        .build();
  }
}
