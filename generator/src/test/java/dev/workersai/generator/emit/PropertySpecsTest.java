package dev.workersai.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.junit.jupiter.api.Test;

/** A spec is shared only where a fresh one would print the same. */
class PropertySpecsTest {
  private static TypeName listOf(String simpleName) {
    // A new instance each time, as Types.of makes them.
    return ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get("com.example", simpleName));
  }

  @Test
  void sharesAFieldOrParameterOfTheSameTypeAndNameOnly() {
    PropertySpecs specs = new PropertySpecs();
    FieldSpec messages = specs.privateField(listOf("Message"), "messages");

    assertThat(specs.privateField(listOf("Message"), "messages")).isSameAs(messages);
    assertThat(specs.privateField(listOf("Tool"), "messages")).isNotSameAs(messages)
        .hasToString("private java.util.List<com.example.Tool> messages;\n");
    assertThat(specs.privateField(listOf("Message"), "history")).isNotSameAs(messages);
    assertThat(messages).isEqualTo(FieldSpec.builder(listOf("Message"), "messages", Modifier.PRIVATE).build());

    ParameterSpec prompt = specs.parameter(TypeName.get(String.class), "prompt");
    assertThat(specs.parameter(ClassName.get(String.class), "prompt")).isSameAs(prompt);
    assertThat(specs.parameter(TypeName.INT, "prompt")).isNotSameAs(prompt).hasToString("int prompt");
    assertThat(prompt).isEqualTo(ParameterSpec.builder(String.class, "prompt").build());
  }

  @Test
  void eachGenerationStartsWithoutTheSpecsOfTheOneBefore() {
    FieldSpec first = new PropertySpecs().privateField(TypeName.INT, "n");
    assertThat(new PropertySpecs().privateField(TypeName.INT, "n")).isNotSameAs(first).isEqualTo(first);
  }
}
