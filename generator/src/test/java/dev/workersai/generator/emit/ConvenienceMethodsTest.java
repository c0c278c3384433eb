package dev.workersai.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.Generator;
import dev.workersai.generator.compile.GeneratedCode;
import dev.workersai.runtime.internal.Json;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builder adders ({@code addMessage}) and union factories ({@code Text.of}), generated from the
 * made-up model in {@code src/test/resources/convenience/}, compiled and called.
 */
class ConvenienceMethodsTest {
  @TempDir
  static Path tmp;
  private static ClassLoader classes;

  @BeforeAll
  static void compile() {
    classes = GeneratedCode.compile(Generator.render(GenerationRequest.of(
        Paths.get("src", "test", "resources", "convenience"), tmp.resolve("unused"))).files(), tmp);
  }

  @Test
  void addersAppendInOrderAndBuildAnUnmodifiableSnapshot() throws Exception {
    Object first = message("user", "hi");
    Object second = message("assistant", "hello");
    Object builder = call(builder("Input"), "addMessage", first);
    call(builder, "addMessage", second);
    Object built = call(builder, "build");
    List<?> messages = (List<?>) call(built, "messages");
    assertThat(elements(messages)).containsExactly(first, second);
    assertThatThrownBy(() -> messages.add(null)).isInstanceOf(UnsupportedOperationException.class);

    call(builder, "addMessage", message("user", "again"));
    assertThat((List<?>) call(call(builder, "build"), "messages")).hasSize(3);
    assertThat(messages).as("a value already built").hasSize(2);
    assertThat(Json.newMapper().writeValueAsString(built))
        .isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"hello\"}]}");
  }

  @Test
  void addersAppendAfterASetListWithoutChangingIt() throws Exception {
    Object first = message("user", "hi");
    List<Object> given = new ArrayList<>(List.of(first));
    Object builder = call(builder("Input"), "messages", given);
    Object second = message("user", "more");
    call(builder, "addMessage", second);
    assertThat(elements(call(call(builder, "build"), "messages"))).containsExactly(first, second);
    assertThat(given).containsExactly(first);

    call(builder, "messages", given);
    Object built = call(builder, "build");
    given.add(second);
    assertThat(elements(call(built, "messages"))).as("a set list is copied, not shared").containsExactly(first);
  }

  @Test
  void adderNamesAreSingularElseFallBackToItem() throws Exception {
    Class<?> input = builder("Input").getClass();
    assertThat(input.getMethod("addMessage", type("Message")).getReturnType()).isEqualTo(input);
    assertThat(input.getMethod("addDataItem", Double.class).getReturnType()).isEqualTo(input);
    Object data = call(call(call(builder("Input"), "addDataItem", 0.5), "addDataItem", 1.5), "build");
    assertThat(elements(call(data, "data"))).containsExactly(0.5, 1.5);

    // "add_tag" is a property, so the setter addTag(String) exists and the adder of "tags" steps aside.
    Object filter = builder("Filter");
    assertThat(filter.getClass().getMethod("addTag", String.class)).isNotNull();
    Object built = call(call(call(filter, "addTagsItem", "a"), "addTag", "b"), "build");
    assertThat(elements(call(built, "tags"))).containsExactly("a");
    assertThat(call(built, "addTag")).isEqualTo("b");
  }

  @Test
  void unionsOfBareValuesHaveFactoriesForDistinctErasures() throws Exception {
    Class<?> text = type("Text");
    Object ofString = text.getMethod("of", String.class).invoke(null, "hi");
    assertThat(ofString.getClass()).isEqualTo(type("Text$OfString"));
    assertThat(call(ofString, "value")).isEqualTo("hi");
    Object ofList = text.getMethod("of", List.class).invoke(null, List.of("a", "b"));
    assertThat(ofList.getClass()).isEqualTo(type("Text$OfList"));
    assertThat(call(ofList, "value")).isEqualTo(List.of("a", "b"));
    assertThat(Modifier.isStatic(text.getMethod("of", String.class).getModifiers())).isTrue();

    // List<String> and List<Long> erase alike, so only the integer branch gets a factory.
    Class<?> ids = type("Ids");
    assertThat(Arrays.stream(ids.getMethods()).filter(m -> m.getName().equals("of")).map(Method::getParameterTypes))
        .containsExactly(new Class<?>[] {long.class});
    assertThat(call(ids.getMethod("of", long.class).invoke(null, 7L), "value")).isEqualTo(7L);
  }

  private static List<Object> elements(Object list) {
    return List.<Object>copyOf((List<?>) list);
  }

  private static Class<?> type(String nested) throws ClassNotFoundException {
    return classes.loadClass("dev.workersai.models.acme.Chat$" + nested);
  }

  private static Object builder(String record) throws Exception {
    return type(record).getMethod("builder").invoke(null);
  }

  private static Object message(String role, String content) throws Exception {
    return type("Message").getConstructor(String.class, String.class).newInstance(role, content);
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
      Class<?> p = m.getParameterTypes()[i];
      if (args[i] != null && !p.isInstance(args[i]) && !(p == long.class && args[i] instanceof Long)) {
        return false;
      }
    }
    return true;
  }
}
