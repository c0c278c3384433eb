package dev.workersai.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The glob rules, and matching that does not backtrack. */
class GlobTest {
  @Test
  void starsQuestionMarksAndLiterals() {
    assertThat(Glob.of("@cf/meta/*").matches("@cf/meta/llama-3")).isTrue();
    assertThat(Glob.of("@cf/meta/*").matches("@cf/meta/a/b")).isFalse();
    assertThat(Glob.of("@cf/**").matches("@cf/meta/a/b")).isTrue();
    assertThat(Glob.of("**").matches("")).isTrue();
    assertThat(Glob.of("*").matches("")).isTrue();
    assertThat(Glob.of("?").matches("")).isFalse();
    assertThat(Glob.of("a?c").matches("abc")).isTrue();
    assertThat(Glob.of("a?c").matches("a/c")).isFalse();
    assertThat(Glob.of("**-fp8").matches("@cf/meta/llama-3-fp8")).isTrue();
    assertThat(Glob.of("**-fp8").matches("@cf/meta/llama-3-fp8x")).isFalse();
    assertThat(Glob.of("*.*").matches("a.b")).isTrue();
    assertThat(Glob.of("a.b").matches("axb")).isFalse();
    assertThat(Glob.of("[a]+").matches("[a]+")).isTrue();
    assertThat(Glob.of("***").matches("a/b")).isTrue();
    assertThat(Glob.of("@cf/*/x").matches("@cf//x")).isTrue();
  }

  /**
   * A backtracking matcher needs minutes (and more, exponentially, per extra {@code **a}) to say no
   * here; this one needs id length × glob length steps. The timeout asserts nothing about speed: it
   * only keeps a regression from hanging the build.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void manyDoubleStarsDoNotBacktrack() {
    String glob = "**a".repeat(40) + "b";
    ModelSelection selection = ModelSelection.of(List.of(glob), List.of());
    assertThat(selection.test("a".repeat(5_000))).isFalse();
    assertThat(selection.test("a".repeat(5_000) + "b")).isTrue();
    assertThat(ModelSelection.of(List.of("**a**a**a**a**a**a**a**a**a**a**a**ab"), List.of()).test("@cf/" + "a".repeat(62)))
        .isFalse();
  }
}
