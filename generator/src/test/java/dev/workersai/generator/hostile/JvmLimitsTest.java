package dev.workersai.generator.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.generator.compile.GeneratedCode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schemas past the limits of a class file generate plainer code that compiles, or a clear error. */
class JvmLimitsTest {
  @Test
  void hugeObjectsLongNamesAndLongValuesGenerateCodeThatCompiles(@TempDir Path tmp) throws Exception {
    ObjectNode wide = HostileRun.model("@cf/x/wide");
    ObjectNode props = wide.withObjectProperty("schema").withObjectProperty("input").withObjectProperty("properties");
    ObjectNode many = props.putObject("many").put("type", "object");
    ObjectNode manyProps = many.putObject("properties");
    for (int i = 0; i < 255; i++) {
      manyProps.putObject("p" + i).put("type", "integer");
    }
    ObjectNode huge = props.putObject("huge").put("type", "object");
    ArrayNode hugeRequired = huge.putArray("required");
    for (int i = 0; i < 10_000; i++) {
      hugeRequired.add("r" + i);
    }
    ObjectNode longName = props.putObject("x".repeat(5_000)).put("type", "object");
    longName.putObject("properties").putObject("y".repeat(5_000)).put("type", "object")
        .putObject("properties").putObject("z").put("type", "string");
    props.putObject("choice").put("type", "string").putArray("enum").add("a").add("v".repeat(70_000));
    props.putObject("code").put("type", "string").put("pattern", "^" + "a".repeat(70_000) + "$");
    ArrayNode titled = props.putObject("titled").putArray("oneOf");
    titled.addObject().put("title", "T".repeat(5_000)).put("type", "object").putObject("properties").putObject("a").put("type", "string");
    titled.addObject().put("title", "T".repeat(5_001)).put("type", "object").putObject("properties").putObject("b").put("type", "integer");

    HostileRun run = HostileRun.generate(tmp, List.of(wide, HostileRun.model("@cf/x/" + "long-id-".repeat(600))));
    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.written()).allSatisfy(f -> assertThat(Path.of(f.relativePath()).getFileName().toString()).hasSizeLessThan(60));
    ClassLoader classes = GeneratedCode.compile(run.written(), tmp.resolve("compiled"));
    Class<?> input = classes.loadClass("dev.workersai.models.x.Wide$Input");
    assertThat(input.getRecordComponents()).extracting(c -> c.getName() + ":" + c.getType().getSimpleName()).contains(
        "many:Map", "huge:Map", "choice:String", "code:String", "titled:Titled");
  }

  @Test
  void aModelIdNoStringConstantHoldsIsRefusedAtItsPointer(@TempDir Path tmp) {
    HostileRun run = HostileRun.generate(tmp, List.of(HostileRun.model("@cf/x/" + "é".repeat(40_000))));
    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).startsWith("error: [too-long] ").contains("m0.json#/name: the model id has 40006 characters");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void aPatternThatIsNoJavaRegexIsLeftUncheckedWithANote(@TempDir Path tmp) throws Exception {
    ObjectNode model = HostileRun.model("@cf/x/m");
    model.withObjectProperty("schema").withObjectProperty("input").withObjectProperty("properties").putObject("code").put("type", "string").put("pattern", "[a");
    HostileRun run = HostileRun.generate(tmp, List.of(model));
    assertThat(run.status()).as(run.toString()).isZero();
    Class<?> input = GeneratedCode.compile(run.written(), tmp.resolve("compiled")).loadClass("dev.workersai.models.x.M$Input");
    input.getMethod("validate").invoke(input.getConstructors()[0].newInstance("p", null, "b"));
  }
}
