package dev.workersai.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.Generator;
import dev.workersai.generator.compile.GeneratedCode;
import dev.workersai.runtime.BinaryBody;
import dev.workersai.runtime.Bytes;
import dev.workersai.runtime.ModelInput;
import dev.workersai.runtime.RequestPayload;
import dev.workersai.runtime.internal.Json;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated records are values: bytes compare by content and print their size, lists and maps are
 * copies the caller cannot change afterwards, and a multipart input keeps its fields in the order
 * they were added. Generated from the made-up models in {@code src/test/resources/values/}, compiled
 * with {@code -Xlint:all -Werror} and called.
 */
class ValueSemanticsTest {
  private static final ObjectMapper JSON = Json.newMapper();

  @TempDir
  static Path tmp;
  private static ClassLoader classes;

  @BeforeAll
  static void compile() {
    classes = GeneratedCode.compile(Generator.render(GenerationRequest.of(
        Paths.get("src", "test", "resources", "values"), tmp.resolve("unused"))).files(), tmp);
  }

  @Test
  void recordsBuiltFromEqualBytesAreEqualAndPrintTheirSize() throws Exception {
    Object first = media("a cat", new byte[] {1, 2, 3}, new byte[] {9}, null, null);
    Object second = media("a cat", new byte[] {1, 2, 3}, new byte[] {9}, null, null);

    assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
    assertThat(first).isNotEqualTo(media("a cat", new byte[] {1, 2, 4}, new byte[] {9}, null, null));
    assertThat(first.toString()).contains("image=Bytes[3 bytes]", "mask=Bytes[1 byte]").doesNotContain("[B@");
    assertThat(input().getRecordComponents()[1].getType()).isEqualTo(Bytes.class);
  }

  @Test
  void bytesGoOnTheWireInTheSchemasConvention() throws Exception {
    Object input = media("a cat", new byte[] {0, 127, (byte) 255}, new byte[] {1, 2, 3}, null, null);

    assertThat(JSON.writeValueAsString(input)).isEqualTo("{\"prompt\":\"a cat\",\"image\":[0,127,255],\"mask\":\"AQID\"}");
    assertThat(JSON.readValue("{\"prompt\":\"a cat\",\"image\":[0,127,255],\"mask\":\"AQID\"}", input())).isEqualTo(input);
  }

  @Test
  void changingAListOrMapAfterBuildingChangesNothing() throws Exception {
    List<String> tags = new ArrayList<>(List.of("a"));
    Map<String, String> labels = new LinkedHashMap<>(Map.of("k", "v"));
    Object builder = call(call(call(call(input().getMethod("builder").invoke(null), "prompt", "p"), "tags", tags),
        "labels", labels), "addTag", "b");
    tags.add("set, then changed before build");
    Object built = call(builder, "build");
    tags.add("changed after build");
    labels.put("k2", "changed after build");
    call(builder, "addTag", "added after build");

    assertThat(list(call(built, "tags"))).containsExactly("a", "b");
    assertThat(map(call(built, "labels"))).containsOnlyKeys("k");
    assertThat(tags).as("the caller's list is never written to").containsExactly("a", "set, then changed before build",
        "changed after build");
    assertThatThrownBy(() -> list(call(built, "tags")).add("x")).isInstanceOf(UnsupportedOperationException.class);

    List<String> direct = new ArrayList<>(List.of("x"));
    Object constructed = media("p", null, null, direct, null);
    direct.clear();
    assertThat(list(call(constructed, "tags"))).containsExactly("x");
    assertThat(call(media("p", null, null, null, null), "tags")).as("an absent list stays absent").isNull();
  }

  @Test
  void multipartFieldsKeepTheirOrderAndNullFieldsAreLeftOut() throws Exception {
    Class<?> form = classes.loadClass("dev.workersai.models.acme.Form$Input");
    Object builder = form.getMethod("builder").invoke(null);
    List<String> names = List.of("prompt", "width", "steps", "seed", "height", "guidance", "negative", "alpha");
    for (String name : names) {
      call(builder, "field", name, name.length());
    }
    call(builder, "field", "dropped", null);
    call(builder, "file", "input_image_0", BinaryBody.of(new byte[] {1}, "image/png"));
    ModelInput input = (ModelInput) call(builder, "build");

    List<String> expected = new ArrayList<>(names);
    expected.add("input_image_0");
    Map<Object, Object> fields = map(call(input, "fields"));
    assertThat(fields.keySet()).containsExactlyElementsOf(expected);
    assertThat(((RequestPayload.Multipart) input.toPayload()).fields().keySet()).containsExactlyElementsOf(expected);
    assertThatThrownBy(() -> fields.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);

    Map<String, Object> withNull = new LinkedHashMap<>();
    withNull.put("prompt", "p");
    withNull.put("seed", null);
    assertThat(map(call(form.getConstructor(Map.class).newInstance(withNull), "fields"))).containsOnlyKeys("prompt");
  }

  private static Class<?> input() throws ClassNotFoundException {
    return classes.loadClass("dev.workersai.models.acme.Media$Input");
  }

  private static Object media(String prompt, byte[] image, byte[] mask, List<String> tags, Map<String, String> labels)
      throws Exception {
    return input().getConstructor(String.class, Bytes.class, Bytes.class, List.class, Map.class)
        .newInstance(prompt, image == null ? null : Bytes.of(image), mask == null ? null : Bytes.of(mask), tags, labels);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return (List<Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<Object, Object> map(Object value) {
    return (Map<Object, Object>) value;
  }

  /** Calls the public method {@code name} whose parameter types accept {@code args}. */
  private static Object call(Object target, String name, Object... args) throws Exception {
    for (Method m : target.getClass().getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == args.length && accepts(m, args)) {
        return m.invoke(target, args);
      }
    }
    throw new AssertionError("no method " + name + " on " + target.getClass().getName());
  }

  private static boolean accepts(Method m, Object[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i] != null && !m.getParameterTypes()[i].isInstance(args[i])) {
        return false;
      }
    }
    return true;
  }
}
