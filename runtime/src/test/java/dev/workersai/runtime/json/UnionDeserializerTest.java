package dev.workersai.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The union reader, on hand-written types of the shape the generator writes for a chat message
 * union whose branches are told apart by {@code role}.
 */
class UnionDeserializerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @JsonDeserialize(using = Message.Deserializer.class)
  sealed interface Message permits Message.System, Message.User, Message.UserWithName, Message.Unknown {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"role"})
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record System(@JsonProperty("content") String content) implements Message {
      @JsonProperty(value = "role", access = JsonProperty.Access.READ_ONLY)
      public String role() {
        return "system";
      }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"role"})
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record User(@JsonProperty("content") String content) implements Message {
      @JsonProperty(value = "role", access = JsonProperty.Access.READ_ONLY)
      public String role() {
        return "user";
      }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"role"})
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record UserWithName(@JsonProperty("content") String content, @JsonProperty("name") String name) implements Message {
      @JsonProperty(value = "role", access = JsonProperty.Access.READ_ONLY)
      public String role() {
        return "user";
      }
    }

    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Unknown(JsonNode raw) implements Message {
      @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
      public Unknown {}

      @JsonValue
      public JsonNode raw() {
        return raw;
      }
    }

    final class Deserializer extends UnionDeserializer<Message> {
      private static final long serialVersionUID = 1L;

      public Deserializer() {
        super(Message.class, Unknown::new, "role", List.of(
            Branch.tagged(System.class, "system", Set.of("content"), Set.of("content")),
            Branch.tagged(User.class, "user", Set.of("content"), Set.of("content")),
            Branch.tagged(UserWithName.class, "user", Set.of("content", "name"), Set.of("content", "name"))));
      }
    }
  }

  @Test
  void readsEachMessageIntoTheBranchOfItsRole() throws Exception {
    List<Message> read = JSON.readValue("""
        [{"role":"system","content":"be brief"},{"role":"user","content":"hi"},{"content":"x","role":"user","name":"ann"}]""",
        JSON.getTypeFactory().constructCollectionType(List.class, Message.class));

    assertThat(read).containsExactly(new Message.System("be brief"), new Message.User("hi"),
        new Message.UserWithName("x", "ann"));
  }

  @Test
  void writesTheImpliedDiscriminatorFirst() throws Exception {
    assertThat(JSON.writeValueAsString(new Message.User("hi"))).isEqualTo("{\"role\":\"user\",\"content\":\"hi\"}");
  }

  @Test
  void aTagNoBranchHasIsKeptRawEvenWhenTheShapeWouldFit() throws Exception {
    Message read = JSON.readValue("{\"role\":\"critic\",\"content\":\"meh\"}", Message.class);

    assertThat(read).isInstanceOf(Message.Unknown.class);
    assertThat(JSON.writeValueAsString(read)).isEqualTo("{\"role\":\"critic\",\"content\":\"meh\"}");
  }

  @Test
  void withoutTheDiscriminatorTheShapeDecides() throws Exception {
    assertThat(JSON.readValue("{\"content\":\"x\",\"name\":\"ann\"}", Message.class))
        .isEqualTo(new Message.UserWithName("x", "ann"));
    assertThat(JSON.readValue("{\"content\":\"x\"}", Message.class)).isEqualTo(new Message.System("x"));
  }

  @Test
  void aDiscriminatorThatIsNotAStringFallsBackToShape() throws Exception {
    assertThat(JSON.readValue("{\"role\":7,\"content\":\"x\",\"name\":\"n\"}", Message.class))
        .isEqualTo(new Message.UserWithName("x", "n"));
  }
}
