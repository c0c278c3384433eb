package dev.workersai.generator.emit;

import com.palantir.javapoet.ClassName;
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
 * {@link TaskShapes} finds its schema fits. The methods read the task's common request into the
 * model's own {@code Input} (so it is checked like any input), call the model through the class's
 * binding, and read the value out of the answer with the runtime's {@code TaskCalls}, which throws
 * a {@code WorkersAiException} naming the model when the answer lacks it.
 */
final class TaskInterfaces {
  private static final TypeName VECTORS = ParameterizedTypeName.get(ClassName.get(List.class),
      ParameterizedTypeName.get(List.class, Double.class));

  private final ClassName input;

  TaskInterfaces(ClassName model) {
    this.input = model.nestedClass("Input");
  }

  /** Adds the interfaces the schema of {@code spec} fits, and their methods, to {@code type}. */
  void addTo(TypeSpec.Builder type, ModelSpec spec) {
    Optional<TaskShapes.TextGeneration> text = TaskShapes.textGeneration(spec);
    boolean embedding = TaskShapes.embedding(spec);
    if (text.isEmpty() && !embedding) {
      return;
    }
    type.addMethod(MethodSpec.methodBuilder("modelId").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(String.class).addStatement("return MODEL_ID").build());
    text.ifPresent(t -> addTextGeneration(type, t, OpenAiMethods.streamsViaChatCompletions(spec)));
    if (embedding) {
      addEmbedding(type, spec);
    }
    type.addMethod(MethodSpec.methodBuilder("taskInput").addModifiers(Modifier.PRIVATE).returns(input)
        .addParameter(Refs.JSON_NODE, "json")
        .addJavadoc("A task's common request as this model's input, checked against the schema.\n")
        .addStatement("$T value = ai.objectMapper().convertValue(json, $T.class)", input, input)
        .addStatement("value.validate()")
        .addStatement("return value").build());
  }

  private void addTextGeneration(TypeSpec.Builder type, TaskShapes.TextGeneration t, boolean streamViaChat) {
    String form = t.input() == TaskShapes.TextInput.PROMPT ? "{@code {\"prompt\": prompt}}"
        : "{@code {\"messages\": [{\"role\": \"user\", \"content\": prompt}]}}";
    type.addSuperinterface(Refs.TEXT_GENERATION_MODEL)
        .addMethod(MethodSpec.methodBuilder("generate").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(String.class).addParameter(String.class, "prompt")
            .addJavadoc("Runs the model with $L and returns the answer's text.\n", form)
            .addStatement("return $T.text(MODEL_ID, ai.run(DESCRIPTOR, taskInput($T.$L(prompt)).toPayload(), options))",
                Refs.TASK_CALLS, Refs.TASK_CALLS, t.input().factory())
            .build());
    MethodSpec.Builder stream = MethodSpec.methodBuilder("streamText").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(ParameterizedTypeName.get(Refs.CHUNK_STREAM, Refs.STREAM_CHUNK))
        .addParameter(String.class, "prompt");
    if (streamViaChat) {
      // /ai/run answers this model's stream requests with one JSON body; chat completions streams.
      stream.addJavadoc("Streams the answer to {@code prompt} from {@code /ai/v1/chat/completions}.\n")
          .addStatement("return ai.openAi().textGeneration(DESCRIPTOR, options).streamText(prompt)");
    } else if (t.stream()) {
      stream.addJavadoc("Streams the answer to $L.\n", form)
          .addStatement("return ai.stream(DESCRIPTOR, taskInput($T.$L(prompt)).toPayload(), options)",
              Refs.TASK_CALLS, t.input().factory());
    } else {
      stream.addJavadoc("Always throws: the catalog lists no streamed answer for this model.\n")
          .addStatement("throw new $T(MODEL_ID + $S)", UnsupportedOperationException.class, " does not stream its answers");
    }
    type.addMethod(stream.build());
  }

  private void addEmbedding(TypeSpec.Builder type, ModelSpec spec) {
    type.addSuperinterface(Refs.EMBEDDING_MODEL)
        .addMethod(MethodSpec.methodBuilder("embed").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(VECTORS).addParameter(ParameterizedTypeName.get(List.class, String.class), "texts")
            .addJavadoc("Runs the model with {@code {\"text\": texts}} and returns the answer's {@code data}.\n")
            .addStatement("return $T.vectors(MODEL_ID, ai.run(DESCRIPTOR, taskInput($T.texts(texts)).toPayload(), options))",
                Refs.TASK_CALLS, Refs.TASK_CALLS)
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
}
