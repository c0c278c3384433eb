package dev.workersai.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.catalog.schema.ModelSchemas;
import dev.workersai.catalog.transport.JsonForms;
import dev.workersai.catalog.transport.Transport;
import dev.workersai.emulator.answer.Answer;
import dev.workersai.emulator.answer.AnswerFactory;
import dev.workersai.emulator.answer.RunInput;
import dev.workersai.emulator.batch.BatchStore;
import dev.workersai.emulator.catalog.EmulatedCatalog;
import dev.workersai.emulator.catalog.EmulatedModel;
import dev.workersai.emulator.fault.Fault;
import dev.workersai.emulator.fault.Faults;
import dev.workersai.emulator.validation.InputValidator;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@code POST .../ai/run/{model}}: checks, faults, validation, batches, and the answer. */
final class RunEndpoint {
  private final EmulatedCatalog catalog;
  private final Faults faults;
  private final boolean enforceRateLimits;
  private final RateLimiter rateLimiter = new RateLimiter();
  private final InputValidator validator = new InputValidator();
  private final AnswerFactory answers = new AnswerFactory();
  private final BatchStore batches;
  private final Map<String, JsonNode> runSchemas = new ConcurrentHashMap<>();

  RunEndpoint(EmulatedCatalog catalog, Faults faults, boolean enforceRateLimits, BatchStore batches) {
    this.catalog = catalog;
    this.faults = faults;
    this.enforceRateLimits = enforceRateLimits;
    this.batches = batches;
  }

  /**
   * What a run request gets.
   *
   * @param reply the response
   * @param damage a fault that cuts or garbles the response on its way out, or null
   */
  record Outcome(Reply reply, Fault damage) {}

  Outcome run(String modelId, RequestData request) {
    EmulatedModel model = find(modelId);
    Optional<JsonNode> json = request.isJson() ? Optional.of(parseJson(modelId, request)) : Optional.empty();
    Optional<Transport> transport = model.schemas().map(ModelSchemas::transport);
    boolean stream = json.map(body -> body.path("stream").asBoolean(false)).orElse(false)
        && transport.map(Transport::stream).orElse(true);
    Fault damage = admit(model, stream);
    if (transport.isEmpty()) {
      throw ApiError.badInput(modelId, "this snapshot has no schema for the model, so the emulator cannot run it");
    }
    if (json.isPresent()) {
      JsonNode body = json.get();
      if ("true".equals(request.query().get("queueRequest")) || isPoll(body)) {
        return new Outcome(batch(model, body), null);
      }
      if (!transport.get().jsonBody()) {
        throw ApiError.badInput(modelId, "the model takes " + bodies(transport.get()) + ", not JSON");
      }
      return new Outcome(reply(model, jsonInput(model, body)), damage);
    }
    return new Outcome(reply(model, nonJsonInput(model, transport.get(), request)), damage);
  }

  /** The model {@code modelId}, or the error Workers AI answers for an unknown one. */
  EmulatedModel find(String modelId) {
    return catalog.find(modelId).orElseThrow(() -> new ApiError(
        400, ErrorCodes.NO_SUCH_MODEL, "AiError: No such model " + modelId + " or task"));
  }

  /**
   * What every call of a model goes through, on {@code /ai/run} and {@code /ai/v1} alike: the
   * emulated per-model rate limit, then the installed faults. Returns the fault that damages the
   * answer on its way out, or null.
   */
  Fault admit(EmulatedModel model, boolean stream) {
    if (enforceRateLimits && model.requestsPerMinute() > 0
        && !rateLimiter.tryAcquire(model.id(), model.requestsPerMinute())) {
      throw new ApiError(429, ErrorCodes.RATE_LIMITED, "AiError: AiError: rate limiting: inference request per min rate reached ("
          + model.requestsPerMinute() + " per minute for " + model.id() + ")");
    }
    return applyFaults(model.id(), stream ? Faults.Endpoint.STREAM : Faults.Endpoint.RUN);
  }

  private Fault applyFaults(String modelId, Faults.Endpoint endpoint) {
    Fault damage = null;
    for (Fault fault : faults.take(modelId, endpoint)) {
      if (fault instanceof Fault.Latency latency) {
        sleep(latency.delay());
      } else if (fault instanceof Fault.RateLimited limited) {
        throw new ApiError(429, limited.code(), rateLimitMessage(limited.code()),
            limited.retryAfter().map(d -> Map.of("Retry-After", Long.toString(d.toSeconds()))).orElse(Map.of()),
            false);
      } else if (fault instanceof Fault.ServerError error) {
        throw new ApiError(error.status(), error.code(), "AiError: internal server error (emulated fault)");
      } else {
        damage = fault;
      }
    }
    return damage;
  }

  private static String rateLimitMessage(int code) {
    return switch (code) {
      case 3021 -> "AiError: AiError: rate limiting: inference request per min rate reached";
      case 3036 -> "AiError: you have used up your daily free allocation of 10,000 neurons, please upgrade to Cloudflare's Workers Paid plan";
      default -> "3040: Capacity temporarily exceeded, please try again.";
    };
  }

  private static JsonNode parseJson(String modelId, RequestData request) {
    if (request.body().length == 0) {
      throw new ApiError(400, ErrorCodes.MISSING_BODY, "Request missing headers or body: send the input of " + modelId + " as JSON");
    }
    try {
      return Envelopes.MAPPER.readTree(request.body());
    } catch (JsonProcessingException e) {
      throw ApiError.badInput(modelId, "the body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiError.badInput(modelId, "the body is not valid JSON: " + e.getMessage());
    }
  }

  private RunInput jsonInput(EmulatedModel model, JsonNode body) {
    JsonNode input = body;
    if (body instanceof ObjectNode object && object.has("options")) {
      // Per-request options such as rejectIfBusy sit next to the inputs, not in the schema.
      input = object.deepCopy();
      ((ObjectNode) input).remove("options");
    }
    validate(model, input, "");
    return new RunInput(Optional.of(input), new byte[0], "", Map.of());
  }

  private void validate(EmulatedModel model, JsonNode input, String pointerPrefix) {
    validator.problem(model.id(), runSchema(model), input, pointerPrefix)
        .ifPresent(problem -> {
          throw ApiError.badInput(model.id(), problem);
        });
  }

  /**
   * What a JSON run body is checked against: the JSON forms of the input ({@link JsonForms}), so that
   * neither the batch form nor a raw form is a way to pass, read leniently ({@link OverlappingUnions}).
   */
  private JsonNode runSchema(EmulatedModel model) {
    return runSchemas.computeIfAbsent(model.id(), id -> {
      ModelSchemas schemas = model.schemas().orElseThrow();
      // A model without a JSON form refuses a JSON run before this; only a batch item meets its whole input.
      return OverlappingUnions.readAsAnyOf(JsonForms.ofInput(schemas.input()).orElse(schemas.input()));
    });
  }

  private static RunInput nonJsonInput(EmulatedModel model, Transport transport, RequestData request) {
    if (request.isMultipart()) {
      if (!transport.multipart()) {
        throw ApiError.badInput(model.id(), "the model takes " + bodies(transport) + ", not multipart/form-data");
      }
      Map<String, String> fields = Multipart.fields(request.contentTypeHeader(), request.body())
          .orElseThrow(() -> ApiError.badInput(model.id(), "unreadable multipart/form-data body"));
      if (fields.getOrDefault("prompt", "").isBlank()) {
        throw ApiError.badInput(model.id(), "/multipart/prompt: required form field 'prompt' not found");
      }
      return new RunInput(Optional.empty(), new byte[0], "", fields);
    }
    if (!transport.acceptsBytes()) {
      throw ApiError.badInput(model.id(), "the model takes " + bodies(transport) + ", got Content-Type " + request.contentType());
    }
    if (request.body().length == 0) {
      throw new ApiError(400, ErrorCodes.MISSING_BODY, "Request missing headers or body: " + model.id() + " needs the raw bytes");
    }
    return new RunInput(Optional.empty(), request.body(), request.contentType(), request.query());
  }

  /** The bodies a run of the model may send, for error messages. */
  private static String bodies(Transport transport) {
    List<String> bodies = new ArrayList<>();
    if (transport.jsonBody()) {
      bodies.add("a JSON body");
    }
    if (transport.acceptsBytes()) {
      bodies.add("the raw bytes as the body");
    }
    if (transport.multipart()) {
      bodies.add("multipart/form-data");
    }
    return bodies.isEmpty() ? "no body the emulator knows" : String.join(" or ", bodies);
  }

  private Reply reply(EmulatedModel model, RunInput input) {
    Answer answer = answers.answer(model, input);
    if (answer instanceof Answer.Json json) {
      return Envelopes.success(json.result(), Map.of());
    }
    if (answer instanceof Answer.Binary binary) {
      return new Reply.Whole(200, binary.contentType(), binary.bytes(), Map.of());
    }
    List<String> data = new ArrayList<>();
    ((Answer.Stream) answer).events().forEach(event -> data.add(event.toString()));
    return new Reply.Events(data, Map.of());
  }

  private static boolean isPoll(JsonNode body) {
    return body.size() == 1 && body.path("request_id").isTextual();
  }

  private Reply batch(EmulatedModel model, JsonNode body) {
    if (isPoll(body)) {
      String requestId = body.get("request_id").asText();
      return Envelopes.success(batches.poll(model.id(), requestId).orElseThrow(() -> ApiError.badInput(
          model.id(), "/request_id: no queued batch " + requestId + " for this model")), Map.of());
    }
    if (!model.schemas().orElseThrow().transport().batches()) {
      throw ApiError.badInput(model.id(), "the model does not accept queueRequest batches"
          + " (async_queue is not true and its input lists no batch form)");
    }
    JsonNode requests = body.path("requests");
    if (!requests.isArray() || requests.isEmpty()) {
      throw ApiError.badInput(model.id(), "/requests: a batch needs a non-empty 'requests' array");
    }
    List<ObjectNode> responses = new ArrayList<>();
    int promptTokens = 0;
    int completionTokens = 0;
    for (int i = 0; i < requests.size(); i++) {
      JsonNode item = requests.get(i);
      JsonNode input = item.deepCopy();
      if (input instanceof ObjectNode object) {
        object.remove("external_reference");
      }
      validate(model, input, "/requests/" + i);
      RunInput run = new RunInput(Optional.of(input), new byte[0], "", Map.of());
      JsonNode result = batchResult(model, i, answers.answer(model, run));
      ObjectNode response = Envelopes.MAPPER.createObjectNode().put("id", i);
      response.set("result", result);
      response.put("success", true);
      if (item.has("external_reference")) {
        response.set("external_reference", item.get("external_reference"));
      }
      responses.add(response);
      JsonNode usage = result.path("usage");
      promptTokens += usage.path("prompt_tokens").asInt(0);
      completionTokens += usage.path("completion_tokens").asInt(0);
    }
    ObjectNode usage = Envelopes.MAPPER.createObjectNode()
        .put("prompt_tokens", promptTokens)
        .put("completion_tokens", completionTokens)
        .put("total_tokens", promptTokens + completionTokens);
    return Envelopes.success(batches.submit(model.id(), responses, usage), Map.of());
  }

  /**
   * One batch item's result, which is JSON: a binary answer (aura-1 takes batches) travels as base64
   * under {@code audio} or {@code image}, the catalog's own convention for media inside JSON (WIRE.md
   * does not say what Workers AI sends there).
   */
  private static JsonNode batchResult(EmulatedModel model, int index, Answer answer) {
    if (answer instanceof Answer.Json json) {
      return json.result();
    }
    if (answer instanceof Answer.Binary binary) {
      String field = binary.contentType().startsWith("image/") ? "image" : "audio";
      return Envelopes.MAPPER.createObjectNode()
          .put(field, Base64.getEncoder().encodeToString(binary.bytes()))
          .put("contentType", binary.contentType());
    }
    throw ApiError.badInput(model.id(), "/requests/" + index + ": a batch item cannot stream");
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
