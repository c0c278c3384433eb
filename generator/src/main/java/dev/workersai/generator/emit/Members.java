package dev.workersai.generator.emit;

import com.palantir.javapoet.MethodSpec;
import javax.lang.model.element.Modifier;

/**
 * Members that read the same in every type that has them, built once: JavaPoet specs are immutable,
 * so one instance can be added to any number of types.
 */
final class Members {
  /** The Javadoc of every {@code validate(String path)} that does not override one. */
  static final String VALIDATE_PATH_DOC = "Checks the schema's constraints; {@code path} is this value's place in the input, "
      + "for messages.\n\n@param path where this value is, such as {@code messages[0]}; the empty string for the whole input\n";

  /** {@code private} no-argument constructor. */
  static final MethodSpec PRIVATE_CONSTRUCTOR = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build();

  /** A model input's {@code validate()}: the whole input, at the empty path. */
  static final MethodSpec VALIDATE_INPUT = MethodSpec.methodBuilder("validate").addAnnotation(Refs.OVERRIDE)
      .addModifiers(Modifier.PUBLIC).addStatement("validate($S)", "").build();

  private Members() {}
}
