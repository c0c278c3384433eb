package dev.workersai.emulator;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The emulator reads the catalog through the catalog module, never through code generation: neither
 * JavaPoet nor the generator is on its classpath. The test classpath holds the runtime one, so what is
 * missing here is missing for users too (checked with {@code mvn -pl emulator -am test-compile
 * dependency:tree}).
 */
class ClasspathTest {
  @ParameterizedTest
  @ValueSource(strings = {"com.palantir.javapoet.JavaFile", "com.squareup.javapoet.JavaFile",
      "dev.workersai.generator.Generator", "dev.workersai.generator.emit.ModelClassEmitter"})
  void codeGenerationIsNotOnTheClasspath(String className) {
    assertThatThrownBy(() -> Class.forName(className, false, ClasspathTest.class.getClassLoader()))
        .isInstanceOf(ClassNotFoundException.class);
  }
}
