package dev.workersai.generator.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.generator.compile.GeneratedCode;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers the generated checks cannot hold are refused at their pointer, or clamped where the clamp
 * means the same; never wrapped, never expanded digit by digit.
 */
class NumberBoundsTest {
  @Test
  void aMinimumBeyondTheRangeOfADoubleIsRefusedAtItsPointer(@TempDir Path tmp) throws Exception {
    for (String huge : List.of("1e400", "-1e400", "1e-400", "1e999999999")) {
      Path dir = tmp.resolve(Integer.toString(huge.hashCode()));
      HostileRun run = HostileRun.generate(dir, List.of(withMaxTokens("{\"type\":\"integer\",\"minimum\":" + huge + "}")));
      assertThat(run.status()).as(huge + ": " + run).isEqualTo(1);
      assertThat(run.err()).as(huge).startsWith("error: [bad-schema] ")
          .contains("m0.json#/schema/input/properties/max_tokens/minimum: \"minimum\" is");
      assertThat(dir.resolve("out")).doesNotExist();
    }
  }

  @Test
  void moreDigitsThanADoubleHoldsCompileToTheDoubleTheyRoundTo(@TempDir Path tmp) throws Exception {
    HostileRun run = HostileRun.generate(tmp, List.of(withMaxTokens(
        "{\"type\":\"number\",\"maximum\":0.1000000000000000000000000000000000001,\"minimum\":1e-320}")));
    assertThat(run.status()).as(run.toString()).isZero();
    Class<?> input = GeneratedCode.compile(run.written(), tmp.resolve("compiled")).loadClass("dev.workersai.models.x.M$Input");
    input.getMethod("validate").invoke(input.getConstructors()[0].newInstance("p", 0.1d));
    assertThatThrownBy(() -> input.getMethod("validate").invoke(input.getConstructors()[0].newInstance("p", 0.0d)))
        .isInstanceOf(InvocationTargetException.class);
  }

  @Test
  void lengthAndSizeBoundsBeyondAnIntAreClampedNotWrapped(@TempDir Path tmp) throws Exception {
    ObjectNode model = HostileRun.model("@cf/x/m");
    ObjectNode props = model.withObjectProperty("schema").withObjectProperty("input").withObjectProperty("properties");
    props.set("max_tokens", HostileRun.MAPPER.readTree("{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"maxItems\":1e308}"));
    props.set("short", HostileRun.MAPPER.readTree("{\"type\":\"string\",\"maxLength\":18446744073709551611}"));
    props.set("long", HostileRun.MAPPER.readTree("{\"type\":\"string\",\"minLength\":9223372036854775808}"));
    HostileRun run = HostileRun.generate(tmp, List.of(model));
    assertThat(run.status()).as(run.toString()).isZero();
    Class<?> input = GeneratedCode.compile(run.written(), tmp.resolve("compiled")).loadClass("dev.workersai.models.x.M$Input");
    Object fits = input.getConstructors()[0].newInstance("p", List.of("a", "b", "c"), "abcdef", null);
    input.getMethod("validate").invoke(fits);
    Object tooShort = input.getConstructors()[0].newInstance("p", null, null, "abc");
    assertThatThrownBy(() -> input.getMethod("validate").invoke(tooShort))
        .cause().hasMessage("long: must have at least 2147483647 characters, had 3");
  }

  @Test
  void aNonIntegralOrNegativeCountIsRefusedAtItsPointer(@TempDir Path tmp) {
    for (String bad : List.of("2.5", "-1", "-1e400")) {
      Path dir = tmp.resolve(Integer.toString(bad.hashCode()));
      HostileRun run = HostileRun.generate(dir, List.of(withMaxTokens("{\"type\":\"string\",\"maxLength\":" + bad + "}")));
      assertThat(run.status()).as(bad + ": " + run).isEqualTo(1);
      assertThat(run.err()).contains("m0.json#/schema/input/properties/max_tokens/maxLength: \"maxLength\" must be a non-negative integer");
    }
  }

  @Test
  void aPriceTooLongToWriteOutIsLeftUninterpreted(@TempDir Path tmp) throws Exception {
    ObjectNode model = HostileRun.model("@cf/x/m");
    model.withArray("properties").add(HostileRun.MAPPER.readTree("{\"property_id\":\"price\",\"value\":["
        + "{\"unit\":\"per M tokens\",\"price\":1e999999999,\"currency\":\"USD\"},"
        + "{\"unit\":\"per image\",\"price\":\"1e-999999999\",\"currency\":\"USD\"},"
        + "{\"unit\":\"per step\",\"price\":0.0005,\"currency\":\"USD\"}]}"));
    HostileRun run = HostileRun.generate(tmp, List.of(model));
    assertThat(run.status()).as(run.toString()).isZero();
    Class<?> cls = GeneratedCode.compile(run.written(), tmp.resolve("compiled")).loadClass("dev.workersai.models.x.M");
    assertThat(cls.getField("PRICES").get(null)).isEqualTo(List.of("0.0005 USD per step"));
  }

  private static ObjectNode withMaxTokens(String schema) {
    ObjectNode model = HostileRun.model("@cf/x/m");
    try {
      model.withObjectProperty("schema").withObjectProperty("input").withObjectProperty("properties").set("max_tokens", HostileRun.MAPPER.readTree(schema));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return model;
  }
}
