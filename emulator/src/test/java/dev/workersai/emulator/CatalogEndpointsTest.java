package dev.workersai.emulator;

import static dev.workersai.emulator.RunEndpointTest.assertError;
import static dev.workersai.emulator.TestSnapshot.get;
import static dev.workersai.emulator.TestSnapshot.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CatalogEndpointsTest extends SnapshotEmulatorTest {
  @Test
  void searchPagesThroughEveryModelOnce() {
    List<String> names = new ArrayList<>();
    for (int page = 1; page <= 5; page++) {
      JsonNode body = json(get(emulator, "/ai/models/search?per_page=4&page=" + page));
      assertThat(body.path("success").asBoolean()).isTrue();
      assertThat(body.path("result_info").path("page").asInt()).isEqualTo(page);
      assertThat(body.path("result_info").path("total_count").asInt()).isEqualTo(10);
      body.path("result").forEach(item -> names.add(item.path("name").asText()));
      assertThat(body.path("result").size()).isEqualTo(page <= 2 ? 4 : page == 3 ? 2 : 0);
    }
    assertThat(names).doesNotHaveDuplicates().hasSize(10).isSorted().isEqualTo(emulator.modelIds());
  }

  @Test
  void searchItemsHaveTheListingShape() {
    JsonNode result = json(get(emulator, "/ai/models/search?search=chat")).path("result");

    assertThat(result).hasSize(1);
    JsonNode chat = result.get(0);
    assertThat(chat.path("id").asText()).isEqualTo("9a0c7e7e-0000-4000-8000-000000000001");
    assertThat(chat.path("name").asText()).isEqualTo("@cf/test/chat");
    assertThat(chat.path("source").asInt()).isEqualTo(1);
    assertThat(chat.path("task").path("name").asText()).isEqualTo("Text Generation");
    assertThat(chat.path("task").path("id").asText()).isEqualTo("11111111-1111-4111-8111-111111111111");
    assertThat(chat.path("properties").findValuesAsText("property_id")).contains("async_queue", "context_window");
    assertThat(chat.path("properties").get(0).has("value")).isTrue();
    assertThat(chat.has("schema")).isFalse();
  }

  @Test
  void modelsWithoutAUuidGetAStableOne() {
    JsonNode embed = json(get(emulator, "/ai/models/search?search=embed")).path("result").get(0);

    UUID uuid = UUID.fromString(embed.path("id").asText());
    assertThat(uuid.toString()).isEqualTo(embed.path("id").asText());
    assertThat(json(get(emulator, "/ai/models/search?search=embed")).path("result").get(0).path("id"))
        .isEqualTo(embed.path("id"));
  }

  @Test
  void searchFiltersByTaskNameAndAuthor() {
    JsonNode speech = json(get(emulator, "/ai/models/search?task=Text-to-Speech")).path("result");
    assertThat(names(speech)).containsExactly("@cf/test/speaker", "@cf/test/wav-speaker");

    JsonNode lowerCase = json(get(emulator, "/ai/models/search?task=text%20generation")).path("result");
    assertThat(names(lowerCase)).containsExactly("@cf/test/chat", "@cf/test/no-schema");

    assertThat(json(get(emulator, "/ai/models/search?author=test")).path("result")).hasSize(10);
    assertThat(json(get(emulator, "/ai/models/search?author=meta")).path("result")).isEmpty();
  }

  private static List<String> names(JsonNode items) {
    List<String> names = new ArrayList<>();
    items.forEach(item -> names.add(item.path("name").asText()));
    return names;
  }

  @Test
  void badPagingParameterIsNamed() {
    var response = get(emulator, "/ai/models/search?per_page=zero");

    assertError(response, 400, 5006);
    assertThat(RunEndpointTest.message(response)).contains("per_page");
  }

  @Test
  void schemaEndpointAnswersInputAndOutput() {
    JsonNode body = json(get(emulator, "/ai/models/schema?model=%40cf%2Ftest%2Fflux-json"));

    assertThat(body.path("success").asBoolean()).isTrue();
    assertThat(body.path("result").path("input").path("required").get(0).asText()).isEqualTo("prompt");
    assertThat(body.path("result").path("output").path("properties").has("image")).isTrue();
  }

  @Test
  void schemaEndpointRefusesUnknownAndSchemalessModels() {
    var unknown = get(emulator, "/ai/models/schema?model=@cf/test/nope");
    assertError(unknown, 400, 5007);
    assertThat(json(unknown).path("result").isObject()).isTrue();
    assertThat(RunEndpointTest.message(unknown)).contains("@cf/test/nope");

    assertError(get(emulator, "/ai/models/schema?model=@cf/test/no-schema"), 400, 6002);
    assertError(get(emulator, "/ai/models/schema"), 400, 5007);
  }
}
