package dev.workersai.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workersai.emulator.answer.OpenAiAnswers;
import dev.workersai.emulator.catalog.EmulatedModel;
import dev.workersai.emulator.fault.Fault;
import dev.workersai.catalog.OpenAiEndpoints;
import dev.workersai.catalog.OpenAiEndpoints.Endpoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The OpenAI-compatible endpoints {@code POST .../ai/v1/chat/completions}, {@code /embeddings} and
 * {@code /responses}, for the models that have them ({@link OpenAiEndpoints}). The model comes from
 * the body's {@code model}; rate limits and faults apply as on {@code /ai/run} ({@link
 * RunEndpoint#admit}). Errors are thrown as {@link ApiError}s, which the router writes in OpenAI's
 * error shape for these paths ({@link OpenAiErrors}).
 */
final class V1Endpoint {
  private final RunEndpoint run;

  V1Endpoint(RunEndpoint run) {
    this.run = run;
  }

  /** The endpoint for the path below {@code v1} ({@code chat/completions}, ...), if there is one. */
  static Optional<Endpoint> endpoint(String path) {
    for (Endpoint endpoint : Endpoint.values()) {
      if (endpoint.path().equals(path)) {
        return Optional.of(endpoint);
      }
    }
    return Optional.empty();
  }

  RunEndpoint.Outcome handle(Endpoint endpoint, RequestData request) {
    JsonNode body = parse(request);
    String modelId = body.path("model").asText("");
    if (modelId.isEmpty()) {
      throw new ApiError(400, ErrorCodes.BAD_INPUT, "/model: a string naming the model (@cf/...) is required");
    }
    EmulatedModel model = run.find(modelId);
    Set<Endpoint> supported = OpenAiEndpoints.of(model.task(), model.inputSchema());
    if (!supported.contains(endpoint)) {
      throw new ApiError(400, ErrorCodes.BAD_INPUT, "AiError: model " + modelId + " does not support /ai/v1/"
          + endpoint.path() + (supported.isEmpty() ? "" : "; it answers on " + paths(supported)));
    }
    boolean stream = body.path("stream").asBoolean(false);
    if (stream && endpoint != Endpoint.CHAT_COMPLETIONS) {
      throw new ApiError(400, ErrorCodes.BAD_INPUT, "/stream: the emulator streams only /ai/v1/chat/completions");
    }
    Fault damage = run.admit(model, stream); // before the body checks, in the same order as /ai/run
    check(endpoint, model, body);
    Reply reply = switch (endpoint) {
      case CHAT_COMPLETIONS -> stream ? events(OpenAiAnswers.chatCompletionChunks(model, body))
          : json(OpenAiAnswers.chatCompletion(model, body));
      case EMBEDDINGS -> json(OpenAiAnswers.embeddings(model, body));
      case RESPONSES -> json(OpenAiAnswers.response(model, body));
    };
    return new RunEndpoint.Outcome(reply, damage);
  }

  private static void check(Endpoint endpoint, EmulatedModel model, JsonNode body) {
    switch (endpoint) {
      case CHAT_COMPLETIONS -> {
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
          throw badRequest(model, "/messages: a non-empty array of messages is required");
        }
        for (int i = 0; i < messages.size(); i++) {
          if (!messages.get(i).path("role").isTextual()) {
            throw badRequest(model, "/messages/" + i + "/role: required");
          }
        }
        JsonNode tools = body.path("tools");
        if (tools.isArray() && !tools.isEmpty() && !functionCalling(model)) {
          throw badRequest(model, "/tools: the model does not support function calling");
        }
      }
      case EMBEDDINGS -> {
        JsonNode input = body.path("input");
        if (!(input.isTextual() || input.isArray() && !input.isEmpty())) {
          throw badRequest(model, "/input: a text or a non-empty array of texts is required");
        }
      }
      case RESPONSES -> {
        JsonNode input = body.path("input");
        if (!(input.isTextual() || input.isArray())) {
          throw badRequest(model, "/input: a text or an array of input items is required");
        }
      }
    }
  }

  private static boolean functionCalling(EmulatedModel model) {
    for (JsonNode property : model.properties()) {
      if ("function_calling".equals(property.path("property_id").asText())) {
        return property.path("value").asText().equals("true");
      }
    }
    return false;
  }

  private static ApiError badRequest(EmulatedModel model, String problem) {
    return ApiError.badInput(model.id(), problem);
  }

  private static String paths(Set<Endpoint> endpoints) {
    return String.join(", ", endpoints.stream().map(e -> "/ai/v1/" + e.path()).toList());
  }

  private static JsonNode parse(RequestData request) {
    if (request.body().length == 0) {
      throw new ApiError(400, ErrorCodes.MISSING_BODY, "Request missing body: send the request as JSON");
    }
    try {
      JsonNode body = Envelopes.MAPPER.readTree(request.body());
      if (body == null || !body.isObject()) {
        throw new ApiError(400, ErrorCodes.BAD_INPUT, "the body must be a JSON object");
      }
      return body;
    } catch (IOException e) {
      throw new ApiError(400, ErrorCodes.BAD_INPUT, "the body is not valid JSON: " + e.getMessage());
    }
  }

  private static Reply json(JsonNode answer) {
    return new Reply.Whole(200, Envelopes.JSON, Envelopes.bytes(answer), Map.of());
  }

  private static Reply events(List<JsonNode> chunks) {
    List<String> data = new ArrayList<>();
    chunks.forEach(chunk -> data.add(chunk.toString()));
    return new Reply.Events(data, Map.of());
  }
}
