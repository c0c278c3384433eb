package dev.workersai.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import dev.workersai.runtime.internal.Json;
import dev.workersai.runtime.json.BytesUint8Serializer;
import dev.workersai.runtime.json.Uint8ArrayDeserializer;
import dev.workersai.runtime.json.Uint8ArraySerializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BytesTest {
  private static final ObjectMapper JSON = Json.newMapper();
  private static final byte[] SOME = {0, 1, 127, (byte) 128, (byte) 255};

  record Image(@JsonProperty("image") Bytes image) {}

  record Uint8Image(@JsonProperty("image") @JsonSerialize(using = BytesUint8Serializer.class) Bytes image) {}

  /** How the same properties were declared before {@link Bytes}, to prove the wire did not change. */
  record OldImage(@JsonProperty("image") byte[] image) {}

  record OldUint8Image(@JsonProperty("image") @JsonSerialize(using = Uint8ArraySerializer.class)
      @JsonDeserialize(using = Uint8ArrayDeserializer.class) byte[] image) {}

  @Test
  void equalContentIsEqualAndTheValueIsACopy() {
    byte[] source = SOME.clone();
    Bytes a = Bytes.of(source);
    Bytes b = Bytes.of(SOME.clone());
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(new Image(a)).isEqualTo(new Image(b));
    assertThat(a).isNotEqualTo(Bytes.of(new byte[] {0, 1})).isNotEqualTo(Bytes.empty());

    source[0] = 42;
    assertThat(a.byteAt(0)).as("changing the given array").isZero();
    a.toByteArray()[0] = 42;
    assertThat(a.byteAt(0)).as("changing a returned array").isZero();
    assertThat(a.size()).isEqualTo(5);
    assertThat(Bytes.of(new byte[0])).isSameAs(Bytes.empty());
    assertThat(Bytes.empty().isEmpty()).isTrue();
  }

  @Test
  void toStringShowsTheSizeNeverTheContent() {
    Bytes secret = Bytes.of("password".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(secret).hasToString("Bytes[8 bytes]");
    assertThat(Bytes.of(new byte[] {1})).hasToString("Bytes[1 byte]");
    assertThat(new Image(secret).toString()).isEqualTo("Image[image=Bytes[8 bytes]]").doesNotContain("[B@");
  }

  @Test
  void base64IsWrittenExactlyAsJacksonWritesAByteArray() throws Exception {
    String written = JSON.writeValueAsString(new Image(Bytes.of(SOME)));
    assertThat(written).isEqualTo(JSON.writeValueAsString(new OldImage(SOME))).isEqualTo("{\"image\":\"AAF/gP8=\"}");
    assertThat(JSON.readValue(written, Image.class).image()).isEqualTo(Bytes.of(SOME));
    assertThat((Object) JSON.valueToTree(new Image(Bytes.of(SOME)))).isEqualTo(JSON.valueToTree(new OldImage(SOME)));
  }

  @Test
  void uint8IsWrittenExactlyAsTheByteArraySerializerWritesIt() throws Exception {
    String written = JSON.writeValueAsString(new Uint8Image(Bytes.of(SOME)));
    assertThat(written).isEqualTo(JSON.writeValueAsString(new OldUint8Image(SOME)))
        .isEqualTo("{\"image\":[0,1,127,128,255]}");
    assertThat(JSON.readValue(written, Uint8Image.class).image()).isEqualTo(Bytes.of(SOME));
  }

  @Test
  void eitherConventionReadsAndATreeOfJavaValuesReadsBack() throws Exception {
    assertThat(JSON.readValue("{\"image\":[0,1,127,128,255]}", Image.class).image()).isEqualTo(Bytes.of(SOME));
    assertThat(JSON.readValue("{\"image\":\"AAF/gP8=\"}", Uint8Image.class).image()).isEqualTo(Bytes.of(SOME));
    Image fromTree = JSON.treeToValue(JSON.valueToTree(new Image(Bytes.of(SOME))), Image.class);
    assertThat(fromTree.image()).isEqualTo(Bytes.of(SOME));
    assertThat(JSON.readValue("[\"AQID\",[4]]", new com.fasterxml.jackson.core.type.TypeReference<List<Bytes>>() {}))
        .containsExactly(Bytes.of(new byte[] {1, 2, 3}), Bytes.of(new byte[] {4}));
  }

  @Test
  void otherValuesAreRejectedNamingTheValue() {
    assertThatThrownBy(() -> JSON.readValue("{\"image\":[256]}", Image.class))
        .isInstanceOf(InvalidFormatException.class).hasMessageContaining("256");
    assertThatThrownBy(() -> JSON.readValue("{\"image\":\"not base64!\"}", Image.class))
        .isInstanceOf(InvalidFormatException.class).hasMessageContaining("not base64!");
    assertThatThrownBy(() -> JSON.readValue("{\"image\":{}}", Image.class))
        .hasMessageContaining("Bytes");
  }

  @Test
  void factories(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("a.bin"), SOME);
    assertThat(Bytes.of(file)).isEqualTo(Bytes.of(SOME));
    assertThat(Bytes.fromBase64("data:image/png;base64,AAF/gP8=")).isEqualTo(Bytes.of(SOME));
    assertThat(Bytes.of(SOME).base64()).isEqualTo("AAF/gP8=");
    assertThat(Bytes.of(SOME).inputStream().readAllBytes()).isEqualTo(SOME);
    assertThatThrownBy(() -> Bytes.of(dir.resolve("missing.bin")))
        .hasMessageContaining("missing.bin");
  }
}
