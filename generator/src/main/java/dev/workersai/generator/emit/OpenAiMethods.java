package dev.workersai.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.workersai.catalog.OpenAiEndpoints;
import dev.workersai.catalog.OpenAiEndpoints.Endpoint;
import dev.workersai.catalog.schema.ModelSpec;
import dev.workersai.runtime.openai.ChatCompletion;
import dev.workersai.runtime.openai.ChatCompletionChunk;
import dev.workersai.runtime.openai.ChatCompletionRequest;
import dev.workersai.runtime.openai.Embeddings;
import dev.workersai.runtime.openai.EmbeddingsRequest;
import dev.workersai.runtime.openai.ResponsesRequest;
import dev.workersai.runtime.openai.ResponsesResult;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The OpenAI-compatible calls of a model class ({@code chatCompletion}, {@code streamChatCompletion},
 * {@code embeddings}, {@code responses}), for the endpoints the model answers on, and {@code
 * TextGenerationModel} through chat completions where that is the model's better path ({@link
 * #textViaChatCompletions}). Which endpoints a model answers on is {@link OpenAiEndpoints}' rule,
 * applied once when the catalog is read ({@link ModelSpec#openAiEndpoints()}), so that a model class
 * and the emulator agree.
 */
final class OpenAiMethods {
  private static final ClassName CHAT_REQUEST = ClassName.get(ChatCompletionRequest.class);

  private OpenAiMethods() {}

  /** The endpoints of {@code spec}, as the catalog decides them for the emulator too. */
  static Set<Endpoint> endpoints(ModelSpec spec) {
    return spec.openAiEndpoints();
  }

  /**
   * Whether the model's {@code TextGenerationModel} goes wholly through chat completions: its {@code
   * /ai/run} answer lacks the task's common shape, but it answers chat completions.
   */
  static boolean textViaChatCompletions(ModelSpec spec) {
    return endpoints(spec).contains(Endpoint.CHAT_COMPLETIONS) && !TaskShapes.embedding(spec)
        && TaskShapes.textGeneration(spec).isEmpty();
  }

  /**
   * Whether {@code streamText} goes through chat completions while {@code generate} stays on {@code
   * /ai/run}: a Responses model (gpt-oss), which {@code /ai/run} does not stream (WIRE.md: it answers
   * a stream request with one JSON body).
   */
  static boolean streamsViaChatCompletions(ModelSpec spec) {
    Set<Endpoint> endpoints = endpoints(spec);
    return endpoints.contains(Endpoint.CHAT_COMPLETIONS) && endpoints.contains(Endpoint.RESPONSES);
  }

  /** Adds the calls of the endpoints {@code spec} answers on; the class has {@code ai} and {@code options}. */
  static void addTo(TypeSpec.Builder type, ModelSpec spec) {
    Set<Endpoint> endpoints = endpoints(spec);
    if (endpoints.contains(Endpoint.CHAT_COMPLETIONS)) {
      type.addMethod(call("chatCompletion", ClassName.get(ChatCompletion.class), CHAT_REQUEST,
          "{@code POST /ai/v1/chat/completions} (OpenAI-compatible) for this model.\n"));
      type.addMethod(call("streamChatCompletion",
          ParameterizedTypeName.get(Refs.CHUNK_STREAM, ClassName.get(ChatCompletionChunk.class)), CHAT_REQUEST,
          "{@link #chatCompletion} streamed, the last chunk with usage; close the stream to cancel the call.\n"));
    }
    if (textViaChatCompletions(spec)) {
      type.addSuperinterface(Refs.TEXT_GENERATION_MODEL)
          .addMethod(MethodSpec.methodBuilder("modelId").addAnnotation(Refs.OVERRIDE).addModifiers(Modifier.PUBLIC)
              .returns(String.class).addStatement("return MODEL_ID").build())
          .addMethod(MethodSpec.methodBuilder("generate").addAnnotation(Refs.OVERRIDE).addModifiers(Modifier.PUBLIC)
              .returns(String.class).addParameter(String.class, "prompt")
              .addJavadoc("Sends {@code prompt} as one user message to {@code /ai/v1/chat/completions} and returns the text.\n"
                  + "\n@param prompt the prompt\n@return the answer's text\n")
              .addStatement("return ai.openAi().textGeneration(DESCRIPTOR, options).generate(prompt)").build())
          .addMethod(MethodSpec.methodBuilder("streamText").addAnnotation(Refs.OVERRIDE).addModifiers(Modifier.PUBLIC)
              .returns(ParameterizedTypeName.get(Refs.CHUNK_STREAM, Refs.STREAM_CHUNK)).addParameter(String.class, "prompt")
              .addJavadoc("Streams the answer to {@code prompt} from {@code /ai/v1/chat/completions}.\n"
                  + "\n@param prompt the prompt\n@return the chunks; close the stream to cancel the call\n")
              .addStatement("return ai.openAi().textGeneration(DESCRIPTOR, options).streamText(prompt)").build());
    }
    if (endpoints.contains(Endpoint.EMBEDDINGS)) {
      type.addMethod(call("embeddings", ClassName.get(Embeddings.class), ClassName.get(EmbeddingsRequest.class),
          "{@code POST /ai/v1/embeddings} (OpenAI-compatible) for this model.\n"));
    }
    if (endpoints.contains(Endpoint.RESPONSES)) {
      type.addMethod(call("responses", ClassName.get(ResponsesResult.class), ClassName.get(ResponsesRequest.class),
          "{@code POST /ai/v1/responses} (OpenAI's Responses API, the documented way to call this model).\n"));
    }
  }

  private static MethodSpec call(String name, com.palantir.javapoet.TypeName returns, ClassName request,
      String doc) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(returns)
        .addJavadoc(doc)
        .addJavadoc("\n@param request the request; its {@code model} is set to this model's id\n@return the answer\n")
        .addParameter(request, "request")
        .addStatement("return ai.openAi().$L(DESCRIPTOR, request, options)", name)
        .build();
  }
}
