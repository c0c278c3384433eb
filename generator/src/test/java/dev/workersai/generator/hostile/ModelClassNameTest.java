package dev.workersai.generator.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.generator.compile.GeneratedCode;
import dev.workersai.generator.write.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model class never takes the name of a type the generator nests inside model classes. */
class ModelClassNameTest {
  @Test
  void idsEndingInNestedTypeNamesGetDistinctClassesThatCompile(@TempDir Path tmp) throws Exception {
    ObjectNode binaryAnswer = HostileRun.model("@cf/x/binary");
    binaryAnswer.withObjectProperty("schema").set("output", HostileRun.MAPPER.readTree(
        "{\"oneOf\":[{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}},"
            + "{\"type\":\"string\",\"format\":\"binary\",\"contentType\":\"image/png\"}]}"));
    List<ObjectNode> models = List.of(HostileRun.model("@cf/x/result"), HostileRun.model("@cf/x/raw-body"),
        HostileRun.model("@cf/x/json"), binaryAnswer);
    HostileRun run = HostileRun.generate(tmp, models);
    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.written()).extracting(SourceFile::relativePath).containsExactly(
        "dev/workersai/models/x/BinaryModel.java", "dev/workersai/models/x/JsonModel.java",
        "dev/workersai/models/x/RawBodyModel.java", "dev/workersai/models/x/ResultModel.java");
    ClassLoader classes = GeneratedCode.compile(run.written(), tmp.resolve("compiled"));
    assertThat(classes.loadClass("dev.workersai.models.x.ResultModel").getField("MODEL_ID").get(null)).isEqualTo("@cf/x/result");
  }
}
