package dev.workersai.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.workersai.catalog.schema.InputSpec;
import dev.workersai.catalog.schema.ObjectType;
import dev.workersai.catalog.schema.OutputSpec;
import dev.workersai.catalog.schema.SchemaType;
import dev.workersai.catalog.schema.UnionType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * The {@code Input} and {@code Output} types nested in a model's class, and how a response becomes
 * the output. The input is a record when the schema is one object sent as JSON, otherwise a sealed
 * interface (JSON forms, raw bytes, unknown JSON); a multipart input is a record of form fields.
 */
final class RootTypes {
  private final ClassName model;
  private final Types types;
  private final RecordEmitter records;
  private final UnionEmitter unions;

  RootTypes(ClassName model, Types types, WireNames wireNames, PropertySpecs specs) {
    this.model = model;
    this.types = types;
    this.records = new RecordEmitter(types, wireNames, specs);
    this.unions = new UnionEmitter(types, records);
  }

  /** The input type, nested in the model class as {@code Input}. */
  TypeSpec input(InputSpec input, String modelId) {
    ClassName name = model.nestedClass("Input");
    String doc = "What {@link " + model.simpleName() + "} takes: an input of " + Docs.code(modelId) + ".";
    if (input.multipart()) {
      return multipart(name, doc);
    }
    if (inputIsRecord(input)) {
      return records.emit((ObjectType) input.json().get(), name, RecordEmitter.Role.ROOT_INPUT, null, doc);
    }
    return unions.emit(inputUnion(input), name, true, input.rawBody(), doc);
  }

  /** Whether the input is one record (a single JSON object), rather than a union of forms or a multipart form. */
  static boolean inputIsRecord(InputSpec input) {
    return !input.multipart() && !input.rawBody() && input.json().isPresent() && input.json().get() instanceof ObjectType;
  }

  /** The union an input that is neither one record nor multipart is emitted as. */
  static UnionType inputUnion(InputSpec input) {
    return input.json().map(t -> t instanceof UnionType u ? u : new UnionType(List.of(new UnionType.Branch(t, ""))))
        .orElse(new UnionType(List.of()));
  }

  /** The output types nested in the model class: {@code Output}, plus {@code Result} for a JSON-or-binary answer. */
  List<TypeSpec> outputTypes(OutputSpec output, String modelId) {
    String doc = "What {@link " + model.simpleName() + "} answers: the result of " + Docs.code(modelId) + ".";
    if (output.json().isEmpty()) {
      return List.of();
    }
    SchemaType json = output.json().get();
    if (output.binaryContentType().isEmpty()) {
      return named(json) ? List.of(jsonRoot(json, model.nestedClass("Output"), doc)) : List.of();
    }
    ClassName result = model.nestedClass("Result");
    TypeSpec mixed = JsonOrBinary.type(model.nestedClass("Output"), named(json) ? result : types.of(json), doc);
    return named(json) ? List.of(mixed, jsonRoot(json, result, "The JSON form of the result of " + Docs.code(modelId) + "."))
        : List.of(mixed);
  }

  /** The Java type {@code run} returns. */
  TypeName outputType(OutputSpec output) {
    if (output.json().isEmpty()) {
      return output.binaryContentType().isPresent() ? Refs.BINARY_OUTPUT : Refs.JSON_NODE;
    }
    if (output.binaryContentType().isPresent() || named(output.json().get())) {
      return model.nestedClass("Output");
    }
    return types.of(output.json().get());
  }

  /**
   * What one request of a batch answers: the JSON answer type ({@code Output}, or {@code Result} when
   * the model may also answer bytes), or {@code JsonNode} when the schema lists no JSON answer.
   */
  TypeName batchResultType(OutputSpec output) {
    if (output.json().isEmpty()) {
      return Refs.JSON_NODE;
    }
    SchemaType json = output.json().get();
    if (!named(json)) {
      return types.of(json);
    }
    return model.nestedClass(output.binaryContentType().isPresent() ? "Result" : "Output");
  }

  /** {@code T.class}, or {@code new TypeReference<T>() {}} for a generic type. */
  static CodeBlock typeToken(TypeName type) {
    return type instanceof ClassName ? CodeBlock.of("$T.class", type) : CodeBlock.of("new $T<$T>() {}", Refs.TYPE_REFERENCE, type);
  }

  /** The expression turning {@code response} (a {@code ModelResponse}) into the output. */
  CodeBlock read(OutputSpec output) {
    if (output.json().isEmpty()) {
      return output.binaryContentType().isPresent() ? CodeBlock.of("response.binary()") : CodeBlock.of("response.result()");
    }
    SchemaType json = output.json().get();
    if (output.binaryContentType().isPresent()) {
      return JsonOrBinary.read(model.nestedClass("Output"), as(json, model.nestedClass("Result")));
    }
    return as(json, model.nestedClass("Output"));
  }

  private CodeBlock as(SchemaType json, ClassName rootName) {
    if (named(json)) {
      return CodeBlock.of("response.as($T.class)", rootName);
    }
    return CodeBlock.of("response.as(new $T<$T>() {})", Refs.TYPE_REFERENCE, types.of(json));
  }

  private TypeSpec jsonRoot(SchemaType json, ClassName name, String doc) {
    if (json instanceof ObjectType o) {
      return records.emit(o, name, RecordEmitter.Role.NESTED, null, doc);
    }
    return unions.emit((UnionType) json, name, false, false, doc);
  }

  private static boolean named(SchemaType json) {
    return json instanceof ObjectType || json instanceof UnionType;
  }

  private static TypeSpec multipart(ClassName name, String doc) {
    TypeName fieldsType = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), ClassName.get(Object.class));
    ClassName builder = name.nestedClass("Builder");
    TypeSpec builderType = TypeSpec.classBuilder(builder).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Collects form fields in the order they are added.\n")
        .addField(FieldSpec.builder(fieldsType, "fields", Modifier.PRIVATE, Modifier.FINAL)
            .initializer("new $T<>()", LinkedHashMap.class).build())
        .addMethod(Members.PRIVATE_CONSTRUCTOR)
        .addMethod(MethodSpec.methodBuilder("field").addModifiers(Modifier.PUBLIC).returns(builder)
            .addJavadoc("Adds a form field sent as text ({@code String.valueOf(value)}); a null value is left out.\n\n"
                + "@param name the field name\n@param value the value\n@return this builder\n")
            .addParameter(String.class, "name").addParameter(Object.class, "value")
            .addStatement("fields.put($T.requireNonNull(name, $S), value)", Objects.class, "name")
            .addStatement("return this").build())
        .addMethod(MethodSpec.methodBuilder("file").addModifiers(Modifier.PUBLIC).returns(builder)
            .addJavadoc("Adds a file part; a null file is left out.\n\n@param name the field name\n@param file the file\n"
                + "@return this builder\n")
            .addParameter(String.class, "name").addParameter(Refs.BINARY_BODY, "file")
            .addStatement("fields.put($T.requireNonNull(name, $S), file)", Objects.class, "name")
            .addStatement("return this").build())
        .addMethod(MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(name)
            .addJavadoc("The input.\n\n@return the input\n")
            .addStatement("return new $T(fields)", name).build())
        .build();
    return TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addSuperinterface(Refs.MODEL_INPUT)
        .addJavadoc("$L\n\n<p>Sent as {@code multipart/form-data}; the schema does not list the form fields.\n\n"
            + "@param fields form field name to value, sent in this order: a {@link $T} for a file, anything else\n"
            + "    is sent as text; fields whose value is null are left out\n",
            doc, Refs.BINARY_BODY)
        .recordConstructor(MethodSpec.constructorBuilder().addParameter(fieldsType, "fields").build())
        .addMethod(MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("Keeps the non-null fields, in order, unmodifiable.\n\n@param fields form field name to value\n")
            .addStatement("$T<$T, $T> kept = new $T<>()", Map.class, String.class, Object.class, LinkedHashMap.class)
            .addStatement("$T.requireNonNull(fields, $S).forEach((name, value) -> {\n"
                + "$>if (value != null) {\n$>kept.put(name, value);\n$<}\n$<})", Objects.class, "fields")
            .addStatement("fields = $T.unmodifiableMap(kept)", Collections.class).build())
        .addMethod(MethodSpec.methodBuilder("builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(builder).addJavadoc("A builder with no fields.\n\n@return a new builder\n").addStatement("return new Builder()").build())
        .addMethod(MethodSpec.methodBuilder("validate").addAnnotation(Refs.OVERRIDE).addModifiers(Modifier.PUBLIC)
            .addStatement("$T.size($S, fields, 1, -1)", Refs.CHECKS, "fields").build())
        .addMethod(Payloads.multipartPayload("fields"))
        .addType(builderType)
        .build();
  }
}
