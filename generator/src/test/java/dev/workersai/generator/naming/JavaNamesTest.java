package dev.workersai.generator.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JavaNamesTest {
  @Test
  void modelClassNamesKeepVersionNumbersReadable() {
    assertThat(JavaNames.modelClassName("llama-3.1-8b-instruct")).isEqualTo("Llama3_1_8bInstruct");
    assertThat(JavaNames.modelClassName("bge-base-en-v1.5")).isEqualTo("BgeBaseEnV1_5");
    assertThat(JavaNames.modelClassName("stable-diffusion-xl-base-1.0")).isEqualTo("StableDiffusionXlBase1_0");
    assertThat(JavaNames.modelClassName("2-fast")).isEqualTo("_2Fast");
    assertThat(JavaNames.modelClassName("*/")).isEqualTo("Model");
  }

  @Test
  void memberNamesAreCamelCaseLegalIdentifiers() {
    assertThat(JavaNames.memberName("max_tokens")).isEqualTo("maxTokens");
    assertThat(JavaNames.memberName("top-k")).isEqualTo("topK");
    assertThat(JavaNames.memberName("2x")).isEqualTo("_2x");
    assertThat(JavaNames.memberName("class")).isEqualTo("class_");
    assertThat(JavaNames.memberName("URL")).isEqualTo("url");
    assertThat(JavaNames.memberName("naïve_名前")).isEqualTo("naïve名前");
    assertThat(JavaNames.memberName("*/")).isEqualTo("value");
    assertThat(JavaNames.memberName("a\u202Eb")).isEqualTo("aB");
  }

  /** ASCII text takes a one-pass path (no list of words); it must case words as the general path does. */
  @Test
  void asciiNamesCaseTheFirstWordByWhetherItHasLowerCase() {
    assertThat(JavaNames.memberName("URL_path")).isEqualTo("urlPath");
    assertThat(JavaNames.memberName("XMLHttp")).isEqualTo("xMLHttp");
    assertThat(JavaNames.memberName("image-URL")).isEqualTo("imageURL");
    assertThat(JavaNames.memberName("top_p2")).isEqualTo("topP2");
    assertThat(JavaNames.memberName("--")).isEqualTo("value");
    assertThat(JavaNames.typeName("URL_path")).isEqualTo("URLPath");
    assertThat(JavaNames.typeName("--")).isEqualTo("Value");
    assertThat(JavaNames.typeName("x".repeat(60))).isEqualTo("X" + "x".repeat(47));
    // the same words with a non-ASCII character, which takes the general path
    assertThat(JavaNames.memberName("URL_path_é")).isEqualTo("urlPathÉ");
  }

  @Test
  void packageSegmentsAndTypeNames() {
    assertThat(JavaNames.packageSegment("black-forest-labs")).isEqualTo("black_forest_labs");
    assertThat(JavaNames.packageSegment("int")).isEqualTo("int_");
    assertThat(JavaNames.typeName("response_format")).isEqualTo("ResponseFormat");
    assertThat(JavaNames.singular("messages")).isEqualTo("message");
    assertThat(JavaNames.singular("entries")).isEqualTo("entry");
  }

  @Test
  void modelNamesPutTheAuthorInASubpackageAndResolveCollisionsInIdOrder() {
    ModelNames names = ModelNames.assign(
        List.of("@hf/acme/model-1.0", "@cf/acme/model-1.0", "@cf/meta/llama-3.1-8b-instruct", "x"), "com.example");
    assertThat(names.classOf("@cf/meta/llama-3.1-8b-instruct").canonicalName())
        .isEqualTo("com.example.meta.Llama3_1_8bInstruct");
    assertThat(names.classOf("@cf/acme/model-1.0").canonicalName()).isEqualTo("com.example.acme.Model1_0");
    assertThat(names.classOf("@hf/acme/model-1.0").canonicalName()).isEqualTo("com.example.acme.Model1_0_2");
    assertThat(names.classOf("x").canonicalName()).isEqualTo("com.example.other.X");
  }

  @Test
  void anInvalidBasePackageIsRefused() {
    assertThatThrownBy(() -> ModelNames.assign(List.of("@cf/a/b"), "com.class.x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("not a valid Java package name: com.class.x");
  }
}
