package dev.workersai.generator.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.workersai.runtime.InputValidationException;
import dev.workersai.runtime.json.Checks;
import dev.workersai.runtime.json.Uint8ArrayDeserializer;
import dev.workersai.runtime.json.Uint8ArraySerializer;
import dev.workersai.runtime.json.UnionDeserializer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The runtime's {@code dev.workersai.runtime.json} helpers, used the way generated code uses them. */
class RuntimeJsonHelpersTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @JsonDeserialize(using = ShapeDeserializer.class)
  sealed interface Shape permits Circle, Square, Label, Unknown {}

  @JsonDeserialize(using = JsonDeserializer.None.class)
  record Circle(@JsonProperty("r") Double r, @JsonProperty("color") String color) implements Shape {}

  @JsonDeserialize(using = JsonDeserializer.None.class)
  record Square(@JsonProperty("side") Double side, @JsonProperty("color") String color) implements Shape {}

  @JsonDeserialize(using = JsonDeserializer.None.class)
  record Label(String value) implements Shape {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    Label {}

    @JsonValue
    public String value() {
      return value;
    }
  }

  record Unknown(JsonNode raw) implements Shape {}

  static final class ShapeDeserializer extends UnionDeserializer<Shape> {
    private static final long serialVersionUID = 1L;

    ShapeDeserializer() {
      super(Shape.class, Unknown::new, List.of(
          UnionDeserializer.Branch.object(Circle.class, Set.of("r"), Set.of("r", "color")),
          UnionDeserializer.Branch.object(Square.class, Set.of(), Set.of("side", "color")),
          UnionDeserializer.Branch.of(Label.class, UnionDeserializer.JsonKind.STRING)));
    }
  }

  record Bytes(@JsonProperty("image") @JsonSerialize(using = Uint8ArraySerializer.class)
      @JsonDeserialize(using = Uint8ArrayDeserializer.class) byte[] image) {}

  @Test
  void unionsPickTheBranchByRequiredAndDeclaredPropertiesAndKeepTheRest() throws Exception {
    assertThat(mapper.readValue("{\"r\":1,\"color\":\"red\"}", Shape.class)).isEqualTo(new Circle(1.0, "red"));
    assertThat(mapper.readValue("{\"side\":2}", Shape.class)).isEqualTo(new Square(2.0, null));
    assertThat(mapper.readValue("{\"color\":\"red\"}", Shape.class)).isEqualTo(new Square(null, "red"));
    assertThat(mapper.readValue("\"hi\"", Shape.class)).isEqualTo(new Label("hi"));
    assertThat(mapper.writeValueAsString(new Label("hi"))).isEqualTo("\"hi\"");
    assertThat(mapper.readValue("[1,2]", Shape.class)).isEqualTo(new Unknown(mapper.readTree("[1,2]")));
  }

  @Test
  void bytesTravelAsUnsignedIntegerArrays() throws Exception {
    Bytes bytes = new Bytes(new byte[] {(byte) 137, 80, 0});
    assertThat(mapper.writeValueAsString(bytes)).isEqualTo("{\"image\":[137,80,0]}");
    assertThat(mapper.readValue("{\"image\":[137,80,0]}", Bytes.class).image()).containsExactly((byte) 137, 80, 0);
    assertThat(mapper.readValue("{\"image\":\"iVAA\"}", Bytes.class).image()).containsExactly((byte) 137, 80, 0);
    assertThatThrownBy(() -> mapper.readValue("{\"image\":[256]}", Bytes.class)).hasMessageContaining("unsigned 8-bit");
  }

  @Test
  void checksNameThePathAndLetAbsentOptionalValuesPass() {
    Checks.minimum("a", null, 1, false);
    Checks.length("a", null, 1, 2);
    assertThatThrownBy(() -> Checks.required(Checks.index(Checks.path("messages", "x"), 2), null))
        .isInstanceOf(InputValidationException.class).hasMessage("messages.x[2]: is required");
    assertThatThrownBy(() -> Checks.minimum("t", 0.0, 0, true)).hasMessage("t: must be greater than 0, was 0.0");
    assertThatThrownBy(() -> Checks.length("p", "\uD83D\uDE00\uD83D\uDE00", -1, 1)).hasMessage("p: must have at most 1 characters, had 2");
    assertThatThrownBy(() -> Checks.size("l", List.of(1, 2), 3, -1)).hasMessage("l: must have at least 3 entries, had 2");
    assertThatThrownBy(() -> Checks.oneOf("e", "x", List.of("a", "b"))).hasMessage("e: must be one of [a, b], was \"x\"");
    assertThatThrownBy(() -> Checks.pattern("s", "abc", "^[0-9]+$")).hasMessage("s: must match the pattern ^[0-9]+$");
    Checks.pattern("s", "abc", "(unclosed");
  }
}
