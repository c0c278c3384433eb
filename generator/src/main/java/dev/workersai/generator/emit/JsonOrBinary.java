package dev.workersai.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/**
 * The output of a model that answers either JSON or bytes (its schema lists both): a sealed
 * {@code Output} with a {@code Json} and a {@code Binary} record, chosen by the response's content
 * type.
 */
final class JsonOrBinary {
  private JsonOrBinary() {}

  static TypeSpec type(ClassName output, TypeName json, String doc) {
    ClassName jsonRecord = output.nestedClass("Json");
    ClassName binaryRecord = output.nestedClass("Binary");
    return TypeSpec.interfaceBuilder(output).addModifiers(Modifier.PUBLIC, Modifier.SEALED)
        .addJavadoc("$L\n\n<p>{@link Json} when the server answers JSON, {@link Binary} when it answers bytes.\n", doc)
        .addPermittedSubclass(jsonRecord)
        .addPermittedSubclass(binaryRecord)
        .addType(TypeSpec.recordBuilder(jsonRecord).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addSuperinterface(output)
            .addJavadoc("A JSON answer.\n\n@param value the result\n")
            .recordConstructor(MethodSpec.constructorBuilder().addParameter(json, "value").build()).build())
        .addType(TypeSpec.recordBuilder(binaryRecord).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addSuperinterface(output)
            .addJavadoc("A binary answer.\n\n@param value the bytes and their content type\n")
            .recordConstructor(MethodSpec.constructorBuilder().addParameter(Refs.BINARY_OUTPUT, "value").build()).build())
        .build();
  }

  /** Reads {@code response} into the output; {@code json} reads the JSON form. */
  static CodeBlock read(ClassName output, CodeBlock json) {
    return CodeBlock.of("response.isJson() ? new $T($L) : new $T(response.binary())",
        output.nestedClass("Json"), json, output.nestedClass("Binary"));
  }
}
