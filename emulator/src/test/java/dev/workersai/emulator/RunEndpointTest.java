package dev.workersai.emulator;

import static dev.workersai.emulator.TestSnapshot.json;
import static dev.workersai.emulator.TestSnapshot.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RunEndpointTest extends SnapshotEmulatorTest {
  @Test
  void answersTextThatDependsOnThePromptInAnEnvelope() {
    HttpResponse<byte[]> first = postJson(emulator, "@cf/test/chat", "{\"prompt\":\"Tell me about otters\"}");
    HttpResponse<byte[]> again = postJson(emulator, "@cf/test/chat", "{\"prompt\":\"Tell me about otters\"}");
    HttpResponse<byte[]> other = postJson(emulator, "@cf/test/chat", "{\"prompt\":\"Tell me about owls\"}");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = json(first);
    assertThat(body.path("success").asBoolean()).isTrue();
    assertThat(body.path("errors")).isEmpty();
    assertThat(body.path("messages")).isEmpty();
    String response = body.path("result").path("response").asText();
    assertThat(response).contains("Tell me about otters").contains("@cf/test/chat");
    assertThat(json(again).path("result")).isEqualTo(body.path("result"));
    assertThat(json(other).path("result").path("response").asText()).isNotEqualTo(response);
    JsonNode usage = body.path("result").path("usage");
    assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(4);
    assertThat(usage.path("total_tokens").asInt())
        .isEqualTo(usage.path("prompt_tokens").asInt() + usage.path("completion_tokens").asInt());
  }

  @Test
  void answersTheLastMessageOfAChat() {
    JsonNode body = json(postJson(emulator, "@cf/test/chat",
        "{\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},{\"role\":\"user\",\"content\":\"hello there\"}]}"));

    assertThat(body.path("result").path("response").asText()).endsWith("to: hello there");
  }

  @Test
  void typeMismatchNamesTheField() {
    HttpResponse<byte[]> response = postJson(emulator, "@cf/test/chat", "{\"prompt\":42}");

    assertError(response, 400, 5006);
    assertThat(message(response)).contains("@cf/test/chat").contains("/prompt").contains("string expected");
  }

  @Test
  void missingRequiredFieldInsideAnArrayNamesItsPointer() {
    HttpResponse<byte[]> response = postJson(emulator, "@cf/test/chat", "{\"messages\":[{\"role\":\"user\"}]}");

    assertError(response, 400, 5006);
    assertThat(message(response)).contains("/messages/0/content").contains("required");
  }

  @Test
  void unknownPropertyIsRejectedWhereTheSchemaForbidsIt() {
    HttpResponse<byte[]> response = postJson(emulator, "@cf/test/flux-json", "{\"prompt\":\"a cat\",\"colour\":\"red\"}");

    assertError(response, 400, 5006);
    assertThat(message(response)).contains("/colour");
  }

  @Test
  void outOfRangeNumberNamesTheField() {
    HttpResponse<byte[]> response = postJson(emulator, "@cf/test/flux-json", "{\"prompt\":\"a cat\",\"steps\":9}");

    assertError(response, 400, 5006);
    assertThat(message(response)).contains("/steps").contains("8");
  }

  @Test
  void requestOptionsAreNotValidatedAsModelInput() {
    HttpResponse<byte[]> response = postJson(emulator, "@cf/test/flux-json",
        "{\"prompt\":\"a cat\",\"options\":{\"rejectIfBusy\":true}}");

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void unknownModelIs400With5007() {
    HttpResponse<byte[]> response = postJson(emulator, "@cf/test/nope", "{\"prompt\":\"hi\"}");

    assertError(response, 400, 5007);
    assertThat(message(response)).contains("@cf/test/nope");
  }

  @Test
  void textModelWithoutSchemaRunsWithItsTasksCommonSchema() {
    // As the generated client types it: with the common input and output of Text Generation.
    HttpResponse<byte[]> response = postJson(emulator, "@cf/test/no-schema", "{\"prompt\":\"hi\"}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("result").path("response").asText()).contains("hi");

    assertError(postJson(emulator, "@cf/test/no-schema", "{\"max_tokens\":5}"), 400, 5006);
  }

  @Test
  void emptyAndBrokenBodiesAreRejected() {
    assertError(postJson(emulator, "@cf/test/chat", ""), 400, 3003);
    HttpResponse<byte[]> broken = postJson(emulator, "@cf/test/chat", "{\"prompt\":");
    assertError(broken, 400, 5006);
    assertThat(message(broken)).contains("not valid JSON");
  }

  @Test
  void otherAccountsAndUnknownRoutesAndMethodsAreRefused() {
    String wrongAccount = emulator.baseUrl() + "/accounts/someone-else/ai/run/@cf/test/chat";
    assertError(TestSnapshot.send(TestSnapshot.post(wrongAccount, "application/json",
        "{\"prompt\":\"hi\"}".getBytes(StandardCharsets.UTF_8), emulator.token()).build()), 404, 7003);
    assertError(TestSnapshot.get(emulator, "/ai/nothing-here"), 404, 7000);
    assertError(TestSnapshot.get(emulator, "/ai/run/@cf/test/chat"), 405, 7001);
  }

  @Test
  void percentEncodedAtSignInTheModelPathIsAccepted() {
    HttpResponse<byte[]> response = TestSnapshot.send(TestSnapshot.post(
        emulator.baseUrl() + "/accounts/" + emulator.accountId() + "/ai/run/%40cf/test/chat",
        "application/json", "{\"prompt\":\"hi\"}".getBytes(StandardCharsets.UTF_8), emulator.token()).build());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  static void assertError(HttpResponse<byte[]> response, int status, int code) {
    assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(status);
    JsonNode body = json(response);
    assertThat(body.path("success").asBoolean(true)).isFalse();
    assertThat(body.has("result")).isTrue();
    assertThat(body.path("errors")).hasSize(1);
    assertThat(body.path("errors").get(0).path("code").asInt()).isEqualTo(code);
    assertThat(body.path("messages").isArray()).isTrue();
  }

  static String message(HttpResponse<byte[]> response) {
    return json(response).path("errors").get(0).path("message").asText();
  }
}
