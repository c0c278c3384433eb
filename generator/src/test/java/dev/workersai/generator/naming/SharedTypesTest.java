package dev.workersai.generator.naming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.Generator;
import dev.workersai.generator.Rendering;
import dev.workersai.catalog.Catalog;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.CatalogReader;
import dev.workersai.catalog.RateLimitTable;
import dev.workersai.generator.write.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shape two models share becomes one type in the shared package; a shape one model uses stays nested;
 * among shared shapes that want one name, the most used gets it plainly.
 */
class SharedTypesTest {
  private static final String MESSAGE = "{\"type\":\"object\",\"description\":\"%s\",\"properties\":{"
      + "\"role\":{\"type\":\"string\"},\"content\":{\"type\":\"string\"}},\"required\":[\"role\",\"content\"]}";

  @Test
  void structurallyEqualShapesAreSharedWhateverTheirDescriptions(@TempDir Path tmp) throws Exception {
    write(tmp, "a.json", "@cf/x/a", String.format(MESSAGE, "first prose"), "{\"type\":\"integer\"}");
    write(tmp, "b.json", "@cf/x/b", String.format(MESSAGE, "other prose"), "{\"type\":\"boolean\"}");
    Rendering rendering = Generator.render(new Catalog(
        List.of(CatalogReader.readModel(tmp.resolve("a.json")), CatalogReader.readModel(tmp.resolve("b.json"))),
        RateLimitTable.empty()), GenerationRequest.of(tmp, tmp));
    assertThat(rendering.files()).extracting(SourceFile::relativePath).containsExactly(
        "dev/workersai/models/shared/Message.java", "dev/workersai/models/x/A.java", "dev/workersai/models/x/B.java");
    String a = rendering.files().get(1).content();
    assertThat(a).contains("List<Message> messages").contains("import dev.workersai.models.shared.Message;")
        .contains("record Extra(");
    assertThat(rendering.files().get(0).content()).doesNotContain("prose");
  }

  @Test
  void theShapeMostModelsUseGetsThePlainNameAndRunnersUpAreNamedByWhatTheyAdd(@TempDir Path tmp) throws Exception {
    String plain = shape("\"content\":{\"type\":\"string\"}");
    String withToolCalls = shape("\"content\":{\"type\":\"string\"},\"tool_calls\":{\"type\":\"string\"}");
    // Met first (models a, b) but used by fewer models than the plain shape (c, d, e).
    Rendering rendering = render(tmp, withToolCalls, withToolCalls, plain, plain, plain);
    assertThat(sharedFiles(rendering)).containsExactly("Message", "MessageWithToolCalls");
    assertThat(shared(rendering, "Message")).doesNotContain("tool_calls");
    assertThat(shared(rendering, "MessageWithToolCalls")).contains("@JsonProperty(\"tool_calls\")");
    assertThat(model(rendering, "C")).contains("List<Message> messages");
    assertThat(model(rendering, "A")).contains("List<MessageWithToolCalls> messages");
  }

  @Test
  void runnersUpAreToldApartByWhatDiffersNeverByCounterOrModelOrder(@TempDir Path tmp) throws Exception {
    String plain = shape("\"content\":{\"type\":\"string\"}");
    String integerContent = shape("\"content\":{\"type\":\"integer\"}");
    String stringName = shape("\"content\":{\"type\":\"string\"},\"name\":{\"type\":\"string\"}");
    String integerName = shape("\"content\":{\"type\":\"string\"},\"name\":{\"type\":\"integer\"}");
    Rendering first = render(tmp.resolve("one"), integerContent, integerContent, stringName, stringName,
        integerName, integerName, plain, plain, plain);
    Rendering swapped = render(tmp.resolve("two"), integerName, integerName, stringName, stringName,
        integerContent, integerContent, plain, plain, plain);
    assertThat(sharedFiles(first)).contains("Message", "MessageWithName")
        .allSatisfy(name -> assertThat(name).doesNotMatch(".*\\d$"))
        .isEqualTo(sharedFiles(swapped));
    assertThat(shared(first, "Message")).contains("String content").doesNotContain("@JsonProperty(\"name\")");
    for (String name : sharedFiles(first)) {
      assertThat(shared(swapped, name)).isEqualTo(shared(first, name));
    }
    // Four shapes of one concept: three are told apart (plain, by what it adds, by where it is); the
    // fourth cannot be without a counter, so the two models using it each nest their own.
    assertThat(sharedFiles(first)).hasSize(3);
    assertThat(first.files().stream().filter(f -> f.relativePath().startsWith("dev/workersai/models/x/"))
        .filter(f -> f.content().contains("public static record Message(")).count()).isEqualTo(2);
    assertThat(String.join("\n", first.files().stream().map(SourceFile::content).toList()))
        .doesNotContainPattern("(record|interface) Message\\d");
  }

  private static String shape(String contentAndMore) {
    return "{\"type\":\"object\",\"properties\":{\"role\":{\"type\":\"string\"}," + contentAndMore
        + "},\"required\":[\"role\"]}";
  }

  /** One model per message shape, with ids a, b, c, ... in that order. */
  private static Rendering render(Path dir, String... messageShapes) throws Exception {
    Files.createDirectories(dir);
    List<CatalogModel> models = new ArrayList<>();
    for (int i = 0; i < messageShapes.length; i++) {
      String id = String.valueOf((char) ('a' + i));
      String json = "{\"name\":\"@cf/x/" + id + "\",\"task\":{\"name\":\"Text Generation\"},\"properties\":[],"
          + "\"schema\":{\"input\":{\"type\":\"object\",\"properties\":{\"messages\":{\"type\":\"array\","
          + "\"items\":" + messageShapes[i] + "}}},\"output\":{\"type\":\"string\"}}}";
      Path file = dir.resolve(id + ".json");
      Files.writeString(file, json, StandardCharsets.UTF_8);
      models.add(CatalogReader.readModel(file));
    }
    return Generator.render(new Catalog(models, RateLimitTable.empty()), GenerationRequest.of(dir, dir));
  }

  private static List<String> sharedFiles(Rendering rendering) {
    return rendering.files().stream().map(SourceFile::relativePath)
        .filter(p -> p.startsWith("dev/workersai/models/shared/"))
        .map(p -> p.substring("dev/workersai/models/shared/".length(), p.length() - ".java".length()))
        .toList();
  }

  private static String shared(Rendering rendering, String simpleName) {
    return file(rendering, "dev/workersai/models/shared/" + simpleName + ".java")
        .replace(simpleName, "<name>");
  }

  private static String model(Rendering rendering, String simpleName) {
    return file(rendering, "dev/workersai/models/x/" + simpleName + ".java");
  }

  private static String file(Rendering rendering, String path) {
    return rendering.files().stream().filter(f -> f.relativePath().equals(path)).findFirst()
        .map(SourceFile::content).orElseThrow(() -> new AssertionError("no " + path));
  }

  private static void write(Path dir, String file, String id, String message, String extra) throws Exception {
    String json = "{\"name\":\"" + id + "\",\"task\":{\"name\":\"Text Generation\"},\"properties\":[],\"schema\":{"
        + "\"input\":{\"type\":\"object\",\"properties\":{\"messages\":{\"type\":\"array\",\"items\":" + message + "},"
        + "\"extra\":{\"type\":\"object\",\"properties\":{\"v\":" + extra + "}}}},"
        + "\"output\":{\"type\":\"object\",\"properties\":{\"response\":{\"type\":\"string\"}}}}}";
    Files.writeString(dir.resolve(file), json, StandardCharsets.UTF_8);
  }
}
