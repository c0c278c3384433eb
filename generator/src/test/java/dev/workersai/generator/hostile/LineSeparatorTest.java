package dev.workersai.generator.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.generator.compile.GeneratedCode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * U+2028 and U+2029 are line breaks to JavaPoet (it splits emitted text on {@code \R}) but not to
 * javac: catalog text holding them must reach string literals escaped, keep its exact value, and
 * never break a literal or a comment.
 */
class LineSeparatorTest {
  private static final String LS = "\u2028";
  private static final String PS = "\u2029";

  @Test
  void inAModelIdTaskAndPriceUnitTheValuesSurviveExactly(@TempDir Path tmp) throws Exception {
    ObjectNode model = HostileRun.model("@cf/acme/line" + LS + "break" + PS + "x");
    model.putObject("task").put("name", "Text" + LS + "Generation");
    ObjectNode price = model.withArray("properties").addObject().put("property_id", "price").putArray("value").addObject();
    price.put("unit", "per M" + PS + "tokens").put("price", 0.5).put("currency", "USD");
    HostileRun run = HostileRun.generate(tmp, List.of(model));
    assertThat(run.status()).as(run.toString()).isZero();

    ClassLoader classes = GeneratedCode.compile(run.written(), tmp.resolve("compiled"));
    Class<?> cls = classes.loadClass("dev.workersai.models.acme.LineBreakX");
    assertThat(cls.getField("MODEL_ID").get(null)).isEqualTo("@cf/acme/line" + LS + "break" + PS + "x");
    assertThat(cls.getField("PRICES").get(null)).isEqualTo(List.of("0.5 USD per M" + PS + "tokens"));
  }

  @Test
  void inAnEnumValueAndAPatternTheChecksUseTheExactText(@TempDir Path tmp) throws Exception {
    ObjectNode model = HostileRun.model("@cf/acme/sep");
    ObjectNode props = model.withObjectProperty("schema").withObjectProperty("input").withObjectProperty("properties");
    props.putObject("mode").put("type", "string").putArray("enum").add("a" + LS + "b").add("c" + PS);
    props.putObject("code").put("type", "string").put("pattern", "^[" + LS + PS + "x]+$");
    HostileRun run = HostileRun.generate(tmp, List.of(model));
    assertThat(run.status()).as(run.toString()).isZero();

    ClassLoader classes = GeneratedCode.compile(run.written(), tmp.resolve("compiled"));
    Class<?> input = classes.loadClass("dev.workersai.models.acme.Sep$Input");
    Object ok = input.getConstructors()[0].newInstance("p", null, "a" + LS + "b", "x" + PS + LS);
    input.getMethod("validate").invoke(ok);
  }

  @Test
  void inAPropertyNameTheWireNameSurvivesExactly(@TempDir Path tmp) throws Exception {
    ObjectNode model = HostileRun.model("@cf/acme/prop");
    model.withObjectProperty("schema").withObjectProperty("input").withObjectProperty("properties").putObject("a" + LS + "b" + PS).put("type", "string").put("maxLength", 4);
    HostileRun run = HostileRun.generate(tmp, List.of(model));
    assertThat(run.status()).as(run.toString()).isZero();
    ClassLoader classes = GeneratedCode.compile(run.written(), tmp.resolve("compiled"));
    Class<?> input = classes.loadClass("dev.workersai.models.acme.Prop$Input");
    Object value = input.getConstructors()[0].newInstance("p", null, "v");
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value))
        .isEqualTo("{\"prompt\":\"p\",\"a" + LS + "b" + PS + "\":\"v\"}");
  }
}
