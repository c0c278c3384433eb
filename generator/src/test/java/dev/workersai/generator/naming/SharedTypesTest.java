package dev.workersai.generator.naming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.Generator;
import dev.workersai.generator.Rendering;
import dev.workersai.generator.catalog.Catalog;
import dev.workersai.generator.catalog.CatalogReader;
import dev.workersai.generator.catalog.RateLimitTable;
import dev.workersai.generator.emit.Sources.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shape two models share becomes one type in the shared package; a shape one model uses stays nested. */
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

  private static void write(Path dir, String file, String id, String message, String extra) throws Exception {
    String json = "{\"name\":\"" + id + "\",\"task\":{\"name\":\"Text Generation\"},\"properties\":[],\"schema\":{"
        + "\"input\":{\"type\":\"object\",\"properties\":{\"messages\":{\"type\":\"array\",\"items\":" + message + "},"
        + "\"extra\":{\"type\":\"object\",\"properties\":{\"v\":" + extra + "}}}},"
        + "\"output\":{\"type\":\"object\",\"properties\":{\"response\":{\"type\":\"string\"}}}}}";
    Files.writeString(dir.resolve(file), json, StandardCharsets.UTF_8);
  }
}
