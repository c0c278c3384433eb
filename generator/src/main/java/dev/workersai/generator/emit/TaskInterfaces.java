package dev.workersai.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.workersai.generator.schema.ModelSpec;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Makes a model's class implement {@code TextGenerationModel} or {@code EmbeddingModel} when
 * {@link TaskShapes} finds its schema fits: the methods build the matching input form, call the
 * class's own {@code run}/{@code stream}, and read the value out of the answer, throwing a
 * {@code WorkersAiException} naming the model when the answer is another form (a queued request,
 * unknown JSON) or lacks the value.
 */
final class TaskInterfaces {
  private static final TypeName VECTORS = ParameterizedTypeName.get(ClassName.get(List.class),
      ParameterizedTypeName.get(List.class, Double.class));

  private final TaskShapes shapes;
  private final ClassName output;

  TaskInterfaces(ClassName model, Types types) {
    this.shapes = new TaskShapes(model, types);
    this.output = model.nestedClass("Output");
  }

  /** Adds the interfaces the schema of {@code spec} fits, and their methods, to {@code type}. */
  void addTo(TypeSpec.Builder type, ModelSpec spec) {
    Optional<TaskShapes.TextGeneration> text = shapes.textGeneration(spec);
    Optional<TaskShapes.Embedding> embedding = shapes.embedding(spec);
    if (text.isEmpty() && embedding.isEmpty()) {
      return;
    }
    type.addMethod(MethodSpec.methodBuilder("modelId").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(String.class).addStatement("return MODEL_ID").build());
    text.ifPresent(t -> addTextGeneration(type, t));
    embedding.ifPresent(e -> addEmbedding(type, e, spec));
  }

  private void addTextGeneration(TypeSpec.Builder type, TaskShapes.TextGeneration t) {
    CodeBlock input = t.input().build("prompt", CodeBlock.of("prompt"));
    type.addSuperinterface(Refs.TEXT_GENERATION_MODEL)
        .addMethod(MethodSpec.methodBuilder("generate").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(String.class).addParameter(String.class, "prompt")
            .addJavadoc("Runs the model with the {@code $L} form holding only {@code prompt}; returns the answer's {@code response}.\n",
                t.input().cls().simpleName())
            .addStatement("$T answer = run($L)", output, input)
            .addCode(extract(t.output(), "response", "\"response\" text"))
            .build());
    MethodSpec.Builder stream = MethodSpec.methodBuilder("streamText").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(ParameterizedTypeName.get(Refs.CHUNK_STREAM, Refs.STREAM_CHUNK))
        .addParameter(String.class, "prompt");
    if (t.stream()) {
      stream.addJavadoc("Streams the answer to the {@code $L} form holding only {@code prompt}.\n", t.input().cls().simpleName())
          .addStatement("return stream($L)", input);
    } else {
      stream.addJavadoc("Always throws: the catalog lists no streamed answer for this model.\n")
          .addStatement("throw new $T(MODEL_ID + $S)", UnsupportedOperationException.class, " does not stream its answers");
    }
    type.addMethod(stream.build());
  }

  private void addEmbedding(TypeSpec.Builder type, TaskShapes.Embedding e, ModelSpec spec) {
    type.addSuperinterface(Refs.EMBEDDING_MODEL)
        .addMethod(MethodSpec.methodBuilder("embed").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(VECTORS).addParameter(ParameterizedTypeName.get(List.class, String.class), "texts")
            .addJavadoc("Runs the model with the {@code $L} form holding only {@code text}; returns the answer's {@code data}.\n",
                e.input().cls().simpleName())
            .addStatement("$T answer = run($L)", output, e.input().build("text", e.textValue()))
            .addCode(extract(e.output(), "data", "\"data\""))
            .build());
    MethodSpec.Builder dimensions = MethodSpec.methodBuilder("dimensions").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(int.class);
    if (spec.facts().outputDimensions().isPresent()) {
      dimensions.addStatement("return OUTPUT_DIMENSIONS");
    } else {
      dimensions.addJavadoc("{@code -1}: the catalog does not state the size.\n").addStatement("return -1");
    }
    type.addMethod(dimensions.build());
  }

  /** Returns {@code answer}'s {@code property}, or throws naming the model when the answer has none. */
  private CodeBlock extract(TaskShapes.Form form, String property, String what) {
    String field = form.field(property);
    CodeBlock.Builder b = CodeBlock.builder();
    if (form.isRoot()) {
      b.beginControlFlow("if (answer.$L() != null)", field)
          .addStatement("return answer.$L()", field)
          .endControlFlow()
          .addStatement("throw new $T(MODEL_ID + $S)", Refs.WORKERS_AI_EXCEPTION, " answered without " + what);
    } else {
      b.beginControlFlow("if (answer instanceof $T form && form.$L() != null)", form.cls(), field)
          .addStatement("return form.$L()", field)
          .endControlFlow()
          .addStatement("throw new $T(MODEL_ID + $S + answer.getClass().getSimpleName() + $S)", Refs.WORKERS_AI_EXCEPTION,
              " answered without " + what + " (the ", " form)");
    }
    return b.build();
  }
}
