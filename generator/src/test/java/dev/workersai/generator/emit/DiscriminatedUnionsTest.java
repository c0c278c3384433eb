package dev.workersai.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.Generator;
import dev.workersai.generator.Rendering;
import dev.workersai.generator.compile.GeneratedCode;
import dev.workersai.runtime.ModelInput;
import dev.workersai.runtime.RequestPayload;
import dev.workersai.runtime.internal.Json;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A union whose branches each hold one fixed {@code role} (or {@code type}) value, generated from
 * {@code src/test/resources/discriminated/}: branches named for their value, the value implied and
 * written, reading by value, an unseen value kept raw.
 */
class DiscriminatedUnionsTest {
  private static final ObjectMapper JSON = Json.newMapper();
  private static final String MODEL = "dev.workersai.models.test.Chat";

  @TempDir
  static Path tmp;
  private static ClassLoader classes;
  private static String source;

  @BeforeAll
  static void generate() {
    Rendering rendering = Generator.render(GenerationRequest.of(Paths.get("src", "test", "resources", "discriminated"), tmp));
    source = rendering.files().stream().filter(f -> f.relativePath().endsWith("test/Chat.java")).findFirst().orElseThrow().content();
    classes = GeneratedCode.compile(rendering.files(), tmp);
  }

  @Test
  void branchesAreNamedForTheirValueAndASecondBranchOfOneValueForWhatItAdds() throws Exception {
    Class<?> message = classes.loadClass(MODEL + "$Message");
    assertThat(Arrays.stream(message.getPermittedSubclasses()).map(Class::getSimpleName))
        .containsExactly("System", "User", "UserWithName", "Assistant", "Tool", "Unknown");
    assertThat(Arrays.stream(classes.loadClass(MODEL + "$ToolCall").getPermittedSubclasses()).map(Class::getSimpleName))
        .containsExactly("Function", "Custom", "Unknown");
    // The held types do not take the names of the branches holding them.
    assertThat(source.lines().filter(l -> !l.startsWith("package ") && !l.startsWith("import ")))
        .noneMatch(l -> l.contains("dev.workersai.models."));
    assertThat(source).contains("record ToolCallFunction(").contains("record ToolCallCustom(");
  }

  @Test
  void theValueIsImpliedNotAComponentAndWrittenFirst() throws Exception {
    Class<?> user = classes.loadClass(MODEL + "$Message$User");
    assertThat(Arrays.stream(user.getRecordComponents()).map(RecordComponent::getName)).containsExactly("content");
    Object hello = user.getDeclaredConstructor(String.class).newInstance("hello");

    assertThat(JSON.writeValueAsString(hello)).isEqualTo("{\"role\":\"user\",\"content\":\"hello\"}");
    assertThat(user.getMethod("role").invoke(hello)).isEqualTo("user");
  }

  @Test
  void eachFormHasAFactoryOfItsRequiredPropertiesAndOneTakingTextWhereAUnionReadsText() throws Exception {
    Class<?> message = classes.loadClass(MODEL + "$Message");
    Object system = message.getMethod("system", String.class).invoke(null, "be brief");
    assertThat(JSON.writeValueAsString(system)).isEqualTo("{\"role\":\"system\",\"content\":\"be brief\"}");

    Object tool = message.getMethod("tool", String.class, String.class).invoke(null, "42", "call_1");
    assertThat(JSON.writeValueAsString(tool)).isEqualTo("{\"role\":\"tool\",\"content\":\"42\",\"tool_call_id\":\"call_1\"}");
    Class<?> content = classes.loadClass(MODEL + "$Message$Tool").getRecordComponents()[0].getType();
    Object typed = message.getMethod("tool", content, String.class)
        .invoke(null, content.getMethod("of", String.class).invoke(null, "42"), "call_1");
    assertThat(typed).isEqualTo(tool);

    // Two forms share "user", so a factory of that name would have to pick one; "assistant" requires nothing.
    assertThat(Arrays.stream(message.getMethods()).map(Method::getName)).doesNotContain("user", "assistant");
  }

  @Test
  void aRecordHasAnOfTakingItsRequiredPropertiesButAFormIsMadeThroughItsUnion() throws Exception {
    Class<?> message = classes.loadClass(MODEL + "$Message");
    Object system = message.getMethod("system", String.class).invoke(null, "be brief");
    Object input = classes.loadClass(MODEL + "$Input").getMethod("of", List.class).invoke(null, List.of(system));

    assertThat(JSON.writeValueAsString(((RequestPayload.Json) ((ModelInput) input).toPayload()).value()))
        .isEqualTo("{\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"}]}");
    assertThat(Arrays.stream(classes.loadClass(MODEL + "$Message$Tool").getDeclaredMethods()).map(Method::getName))
        .doesNotContain("of");
  }

  @Test
  void aConversationReadsEachMessageIntoItsRolesBranchAndWritesBackUnchanged() throws Exception {
    JsonNode conversation = JSON.readTree("{\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},"
        + "{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"hello\",\"tool_calls\":"
        + "[{\"type\":\"custom\",\"custom\":{\"input\":\"x\"}}]},{\"role\":\"user\",\"content\":\"bye\",\"name\":\"ann\"}]}");
    ModelInput input = (ModelInput) JSON.treeToValue(conversation, classes.loadClass(MODEL + "$Input"));
    input.validate();

    List<?> messages = (List<?>) input.getClass().getMethod("messages").invoke(input);
    assertThat(messages).extracting(m -> m.getClass().getSimpleName())
        .containsExactly("System", "User", "Assistant", "UserWithName");
    JsonNode written = JSON.valueToTree(((RequestPayload.Json) input.toPayload()).value());
    assertThat(written).isEqualTo(conversation);
  }

  @Test
  void anUnseenValueReadsAsUnknownKeepingItsJsonEvenWhenItsShapeFitsABranch() throws Exception {
    JsonNode critic = JSON.readTree("{\"role\":\"critic\",\"content\":\"meh\"}");
    Object read = JSON.treeToValue(critic, classes.loadClass(MODEL + "$Message"));

    assertThat(read.getClass().getSimpleName()).isEqualTo("Unknown");
    JsonNode written = JSON.valueToTree(read);
    assertThat(written).isEqualTo(critic);
  }
}
