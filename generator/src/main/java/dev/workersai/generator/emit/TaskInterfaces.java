package dev.workersai.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.catalog.schema.ModelSpec;
import dev.workersai.runtime.task.ChatAnswer;
import dev.workersai.runtime.task.ChatCompletionModel;
import dev.workersai.runtime.task.RerankingModel;
import dev.workersai.runtime.task.SpeechToTextModel;
import dev.workersai.runtime.task.TextToImageModel;
import dev.workersai.runtime.task.TextToSpeechModel;
import dev.workersai.runtime.task.TranslationModel;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Makes a model's class implement the runtime's task interfaces ({@code TextGenerationModel},
 * {@code ChatCompletionModel}, {@code EmbeddingModel}, {@code RerankingModel},
 * {@code TextToImageModel}, {@code SpeechToTextModel}, {@code TextToSpeechModel},
 * {@code TranslationModel}) whose shape {@link TaskShapes} finds its schema fits. The methods read the task's common request into the
 * model's own {@code Input} (so it is checked like any input), call the model through the class's
 * binding, and read the value out of the answer with the runtime's {@code TaskCalls}, which throws
 * a {@code WorkersAiException} naming the model when the answer lacks it.
 */
final class TaskInterfaces {
  private static final ClassName CHAT_COMPLETION_MODEL = ClassName.get(ChatCompletionModel.class);
  private static final ClassName CHAT_ANSWER = ClassName.get(ChatAnswer.class);
  private static final ClassName RERANKING_MODEL = ClassName.get(RerankingModel.class);
  private static final ClassName TEXT_TO_IMAGE_MODEL = ClassName.get(TextToImageModel.class);
  private static final ClassName SPEECH_TO_TEXT_MODEL = ClassName.get(SpeechToTextModel.class);
  private static final ClassName TEXT_TO_SPEECH_MODEL = ClassName.get(TextToSpeechModel.class);
  private static final ClassName TRANSLATION_MODEL = ClassName.get(TranslationModel.class);
  private static final ClassName JSON_PROCESSING_EXCEPTION = ClassName.get(JsonProcessingException.class);
  private static final ClassName OBJECT_NODE = ClassName.get(ObjectNode.class);
  private static final TypeName VECTORS = ParameterizedTypeName.get(ClassName.get(List.class),
      ParameterizedTypeName.get(List.class, Double.class));

  private final ClassName input;

  TaskInterfaces(ClassName model) {
    this.input = model.nestedClass("Input");
  }

  /** Adds the interfaces the schema of {@code spec} fits, and their methods, to {@code type}. */
  void addTo(TypeSpec.Builder type, ModelSpec spec) {
    Optional<TaskShapes.TextGeneration> text = TaskShapes.textGeneration(spec);
    Optional<TaskShapes.Chat> chat = TaskShapes.chat(spec);
    boolean embedding = TaskShapes.embedding(spec);
    boolean reranking = TaskShapes.reranking(spec);
    boolean image = TaskShapes.textToImage(spec);
    Optional<TaskShapes.AudioInput> speechToText = TaskShapes.speechToText(spec);
    Optional<String> textToSpeech = TaskShapes.textToSpeech(spec);
    boolean translation = TaskShapes.translation(spec);
    if (text.isEmpty() && chat.isEmpty() && !embedding && !reranking && !image && speechToText.isEmpty()
        && textToSpeech.isEmpty() && !translation) {
      return;
    }
    type.addMethod(MethodSpec.methodBuilder("modelId").addAnnotation(Refs.OVERRIDE).addModifiers(Modifier.PUBLIC)
        .returns(String.class).addStatement("return MODEL_ID").build());
    text.ifPresent(t -> addTextGeneration(type, t, OpenAiMethods.streamsViaChatCompletions(spec)));
    chat.ifPresent(c -> addChat(type, c));
    if (embedding) {
      addEmbedding(type, spec);
    }
    if (reranking) {
      addReranking(type);
    }
    if (image) {
      addTextToImage(type);
    }
    speechToText.ifPresent(a -> addSpeechToText(type, a));
    textToSpeech.ifPresent(p -> addTextToSpeech(type, p));
    if (translation) {
      addTranslation(type);
    }
    type.addMethod(MethodSpec.methodBuilder("taskInput").addModifiers(Modifier.PRIVATE).returns(input)
        .addParameter(Refs.JSON_NODE, "json")
        .addJavadoc("A task's common request as this model's input, checked against the schema. Read from the tree\n"
            + "(not converted), so a request body held as an embedded {@code BinaryBody} reaches its property as it is.\n")
        .beginControlFlow("try")
        .addStatement("$T value = ai.objectMapper().treeToValue(json, $T.class)", input, input)
        .addStatement("value.validate()")
        .addStatement("return value")
        .nextControlFlow("catch ($T e)", JSON_PROCESSING_EXCEPTION)
        .addStatement("throw new $T(MODEL_ID + $S + e.getOriginalMessage(), e)", IllegalArgumentException.class,
            ": the task's request does not fit this model's input: ")
        .endControlFlow().build());
  }

  private void addChat(TypeSpec.Builder type, TaskShapes.Chat c) {
    type.addSuperinterface(CHAT_COMPLETION_MODEL)
        .addMethod(MethodSpec.methodBuilder("chat").addAnnotation(Refs.OVERRIDE).addModifiers(Modifier.PUBLIC)
            .returns(CHAT_ANSWER).addParameter(OBJECT_NODE, "request")
            .addJavadoc("Runs the model with {@code request}, read into its {@code messages} form, and reads the whole answer.\n")
            .addStatement("return $T.answer(MODEL_ID, ai.run(DESCRIPTOR, taskInput(request).toPayload(), options))",
                Refs.TASK_CALLS)
            .build());
    MethodSpec.Builder stream = MethodSpec.methodBuilder("streamChat").addAnnotation(Refs.OVERRIDE)
        .addModifiers(Modifier.PUBLIC).returns(ParameterizedTypeName.get(Refs.CHUNK_STREAM, Refs.STREAM_CHUNK))
        .addParameter(OBJECT_NODE, "request");
    if (c.stream()) {
      stream.addJavadoc("Streams the answer to {@code request}, read into its {@code messages} form.\n")
          .addStatement("return ai.stream(DESCRIPTOR, taskInput(request).toPayload(), options)");
    } else {
      stream.addJavadoc("Always throws: the catalog lists no streamed answer for this model.\n")
          .addStatement("throw new $T(MODEL_ID + $S)", UnsupportedOperationException.class, " does not stream its answers");
    }
    type.addMethod(stream.build())
        .addMethod(flag("supportsStreaming", c.stream()))
        .addMethod(flag("supportsTools", c.tools()))
        .addMethod(flag("supportsResponseFormat", c.responseFormat()));
  }

  private static MethodSpec flag(String name, boolean value) {
    return MethodSpec.methodBuilder(name).addAnnotation(Refs.OVERRIDE).addModifiers(Modifier.PUBLIC)
        .returns(boolean.class).addStatement("return $L", value).build();
  }

  private void addReranking(TypeSpec.Builder type) {
    type.addSuperinterface(RERANKING_MODEL)
        .addMethod(MethodSpec.methodBuilder("scores").addAnnotation(Refs.OVERRIDE).addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(List.class, Double.class))
            .addParameter(String.class, "query").addParameter(ParameterizedTypeName.get(List.class, String.class), "texts")
            .addJavadoc("Runs the model with {@code {\"query\": query, \"contexts\": [{\"text\": t}, ...]}} and returns the scores in the order of {@code texts}.\n")
            .addStatement("return $T.scores(MODEL_ID, ai.run(DESCRIPTOR, taskInput($T.contexts(query, texts)).toPayload(), options), texts.size())",
                Refs.TASK_CALLS, Refs.TASK_CALLS)
            .build());
  }

  private void addTextToImage(TypeSpec.Builder type) {
    type.addSuperinterface(TEXT_TO_IMAGE_MODEL)
        .addMethod(MethodSpec.methodBuilder("generateImage").addAnnotation(Refs.OVERRIDE).addModifiers(Modifier.PUBLIC)
            .returns(Refs.BINARY_OUTPUT).addParameter(String.class, "prompt")
            .addJavadoc("Runs the model with {@code {\"prompt\": prompt}} and returns the image, binary or decoded from base64.\n")
            .addStatement("return $T.media(MODEL_ID, ai.run(DESCRIPTOR, taskInput($T.prompt(prompt)).toPayload(), options), $S)",
                Refs.TASK_CALLS, Refs.TASK_CALLS, "image")
            .build());
  }

  private void addSpeechToText(TypeSpec.Builder type, TaskShapes.AudioInput audio) {
    type.addSuperinterface(SPEECH_TO_TEXT_MODEL)
        .addMethod(MethodSpec.methodBuilder("transcribe").addAnnotation(Refs.OVERRIDE).addModifiers(Modifier.PUBLIC)
            .returns(String.class).addParameter(byte[].class, "audio").addParameter(String.class, "contentType")
            .addJavadoc(audio == TaskShapes.AudioInput.BODY
                ? "Runs the model with {@code audio} as the request body and returns the transcript.\n"
                : "Runs the model with {@code audio} inside its JSON input and returns the transcript; {@code contentType} is not sent.\n")
            .addStatement("return $T.transcript(MODEL_ID, ai.run(DESCRIPTOR, taskInput($T.$L).toPayload(), options))",
                Refs.TASK_CALLS, Refs.TASK_CALLS, audio.call())
            .build());
  }

  private void addTextToSpeech(TypeSpec.Builder type, String property) {
    type.addSuperinterface(TEXT_TO_SPEECH_MODEL)
        .addMethod(MethodSpec.methodBuilder("speak").addAnnotation(Refs.OVERRIDE).addModifiers(Modifier.PUBLIC)
            .returns(Refs.BINARY_OUTPUT).addParameter(String.class, "text")
            .addJavadoc("Runs the model with {@code {\"$L\": text}} and returns the audio, binary or decoded from base64.\n", property)
            .addStatement("return $T.media(MODEL_ID, ai.run(DESCRIPTOR, taskInput($T.field($S, text)).toPayload(), options), $S)",
                Refs.TASK_CALLS, Refs.TASK_CALLS, property, "audio")
            .build());
  }

  private void addTranslation(TypeSpec.Builder type) {
    type.addSuperinterface(TRANSLATION_MODEL)
        .addMethod(MethodSpec.methodBuilder("translate").addAnnotation(Refs.OVERRIDE).addModifiers(Modifier.PUBLIC)
            .returns(String.class).addParameter(String.class, "text").addParameter(String.class, "sourceLanguage")
            .addParameter(String.class, "targetLanguage")
            .addJavadoc("Runs the model with {@code text}, {@code source_lang} (left out when null) and {@code target_lang}, and returns the answer's {@code translated_text}.\n")
            .addStatement("return $T.translated(MODEL_ID, ai.run(DESCRIPTOR, taskInput($T.translation(text, sourceLanguage, targetLanguage)).toPayload(), options))",
                Refs.TASK_CALLS, Refs.TASK_CALLS)
            .build());
  }

  private void addTextGeneration(TypeSpec.Builder type, TaskShapes.TextGeneration t, boolean streamViaChat) {
    String form = t.input() == TaskShapes.TextInput.PROMPT ? "{@code {\"prompt\": prompt}}"
        : "{@code {\"messages\": [{\"role\": \"user\", \"content\": prompt}]}}";
    type.addSuperinterface(Refs.TEXT_GENERATION_MODEL)
        .addMethod(MethodSpec.methodBuilder("generate").addAnnotation(Refs.OVERRIDE).addModifiers(Modifier.PUBLIC)
            .returns(String.class).addParameter(String.class, "prompt")
            .addJavadoc("Runs the model with $L and returns the answer's text.\n", form)
            .addStatement("return $T.text(MODEL_ID, ai.run(DESCRIPTOR, taskInput($T.$L(prompt)).toPayload(), options))",
                Refs.TASK_CALLS, Refs.TASK_CALLS, t.input().factory())
            .build());
    MethodSpec.Builder stream = MethodSpec.methodBuilder("streamText").addAnnotation(Refs.OVERRIDE)
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
        .addMethod(MethodSpec.methodBuilder("embed").addAnnotation(Refs.OVERRIDE).addModifiers(Modifier.PUBLIC)
            .returns(VECTORS).addParameter(ParameterizedTypeName.get(List.class, String.class), "texts")
            .addJavadoc("Runs the model with {@code {\"text\": texts}} and returns the answer's {@code data}.\n")
            .addStatement("return $T.vectors(MODEL_ID, ai.run(DESCRIPTOR, taskInput($T.texts(texts)).toPayload(), options))",
                Refs.TASK_CALLS, Refs.TASK_CALLS)
            .build());
    MethodSpec.Builder dimensions = MethodSpec.methodBuilder("dimensions").addAnnotation(Refs.OVERRIDE)
        .addModifiers(Modifier.PUBLIC).returns(int.class);
    if (spec.facts().outputDimensions().isPresent()) {
      dimensions.addStatement("return OUTPUT_DIMENSIONS");
    } else {
      dimensions.addJavadoc("{@code -1}: the catalog does not state the size.\n").addStatement("return -1");
    }
    type.addMethod(dimensions.build());
  }
}
