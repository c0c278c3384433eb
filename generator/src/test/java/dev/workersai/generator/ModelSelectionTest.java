package dev.workersai.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSelectionTest {
  @Test
  void starStaysInASegmentDoubleStarCrossesAndExcludesWin() {
    ModelSelection selection = ModelSelection.of(List.of("@cf/meta/*", "@hf/**"), List.of("**-fp8"));

    assertThat(selection.test("@cf/meta/llama-3.1-8b-instruct")).isTrue();
    assertThat(selection.test("@hf/thebloke/x")).isTrue();
    assertThat(selection.test("@cf/meta/llama-3.1-8b-instruct-fp8")).isFalse();
    assertThat(selection.test("@cf/baai/bge-base-en-v1.5")).isFalse();
    assertThat(ModelSelection.of(List.of("@cf/*"), List.of()).test("@cf/meta/llama")).isFalse();
  }

  @Test
  void globCharactersOtherThanStarAndQuestionMarkAreLiteral() {
    ModelSelection selection = ModelSelection.of(List.of("@cf/x/v1.5?"), List.of());
    assertThat(ModelSelection.of(List.of("@cf/x?y"), List.of()).test("@cf/x/y")).isFalse();

    assertThat(selection.test("@cf/x/v1.5a")).isTrue();
    assertThat(selection.test("@cf/x/v1x5a")).isFalse();
  }

  @Test
  void noIncludesMeansEveryModelAndNoneMeansNothing() {
    assertThat(ModelSelection.all().test("@cf/any/model")).isTrue();
    assertThat(ModelSelection.of(null, null).test("@cf/any/model")).isTrue();
    assertThat(ModelSelection.none().test("@cf/any/model")).isFalse();
  }
}
