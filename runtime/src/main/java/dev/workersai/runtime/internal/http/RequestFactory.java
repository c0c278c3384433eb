package dev.workersai.runtime.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.runtime.ModelInput;
import dev.workersai.runtime.RequestPayload;
import dev.workersai.runtime.WorkersAiException;
import dev.workersai.runtime.internal.CallContext;
import dev.workersai.runtime.model.ModelDescriptor;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Builds the HTTP request for one call: {@code POST {base}/accounts/{account}/ai/run/{model}} with the
 * payload as JSON, raw bytes (other inputs in the query) or multipart, and the call's
 * {@link CallContext} as tag for the interceptors. Authentication and gateway routing are added later
 * by their interceptors.
 */
public final class RequestFactory {
  private final HttpUrl baseUrl;
  private final String accountId;
  private final ObjectMapper mapper;

  public RequestFactory(HttpUrl baseUrl, String accountId, ObjectMapper mapper) {
    this.baseUrl = baseUrl;
    this.accountId = accountId;
    this.mapper = mapper;
  }

  /** What a call adds to its payload and headers. */
  public record Extras(boolean stream, boolean rejectIfBusy, String sessionAffinity, Map<String, String> headers,
      Map<String, String> query) {}

  /**
   * The request for {@code payload}.
   *
   * @throws IllegalArgumentException if the model id is malformed, or {@code stream}/{@code rejectIfBusy}
   *     is asked of a JSON payload that is not an object
   * @throws WorkersAiException if the payload cannot be written as JSON
   */
  public Request create(ModelDescriptor model, RequestPayload payload, Extras extras, CallContext ctx) {
    HttpUrl.Builder url = baseUrl.newBuilder().addPathSegment("accounts").addPathSegment(accountId)
        .addPathSegment("ai").addPathSegment("run");
    ModelPaths.addModelSegments(url, model.id());
    extras.query().forEach(url::addQueryParameter);
    RequestBody body = body(model, payload, extras, url);
    Request.Builder request = new Request.Builder().url(url.build()).post(body).tag(CallContext.class, ctx);
    request.header("Accept", extras.stream() ? "text/event-stream, application/json" : "application/json, */*");
    if (extras.sessionAffinity() != null) {
      request.header("x-session-affinity", extras.sessionAffinity());
    }
    extras.headers().forEach(request::header);
    return request.build();
  }

  /** {@code value} as a JSON tree, with a message naming the model when it cannot be written. */
  public JsonNode toTree(ModelDescriptor model, Object value) {
    try {
      return mapper.valueToTree(value);
    } catch (IllegalArgumentException e) {
      throw new WorkersAiException("model " + model.id() + ": cannot write the input " + value.getClass().getName()
          + " as JSON: " + e.getMessage(), e, WorkersAiException.Details.forModel(model.id()));
    }
  }

  private RequestBody body(ModelDescriptor model, RequestPayload payload, Extras extras, HttpUrl.Builder url) {
    if (payload instanceof RequestPayload.Json json) {
      return jsonBody(model, json.value(), extras);
    }
    if (payload instanceof RequestPayload.Binary binary) {
      binary.query().forEach(url::addQueryParameter);
      if (extras.stream()) {
        url.setQueryParameter("stream", "true"); // no JSON to put it in: the REST API reads options from the query
      }
      return RequestBodies.binary(binary.body());
    }
    Map<String, Object> fields = new LinkedHashMap<>(((RequestPayload.Multipart) payload).fields());
    if (extras.stream()) {
      fields.put("stream", true);
    }
    try {
      return RequestBodies.multipart(fields, mapper);
    } catch (IOException e) {
      throw cannotWrite(model, e);
    }
  }

  private RequestBody jsonBody(ModelDescriptor model, Object value, Extras extras) {
    if (value instanceof ModelInput input) {
      input.validate();
    }
    JsonNode tree = toTree(model, value);
    if (extras.stream() || extras.rejectIfBusy()) {
      if (!(tree instanceof ObjectNode original)) {
        throw new IllegalArgumentException("model " + model.id() + ": \"stream\" and \"options\" need a JSON object "
            + "input, got " + tree.getNodeType());
      }
      ObjectNode object = original.deepCopy();
      if (extras.stream()) {
        object.put("stream", true);
      }
      if (extras.rejectIfBusy()) {
        // Workers AI reads rejectIfBusy from a top-level "options" object, not next to the model inputs.
        JsonNode existing = object.get("options");
        ObjectNode options = existing instanceof ObjectNode o ? o : object.putObject("options");
        options.put("rejectIfBusy", true);
      }
      tree = object;
    }
    try {
      return RequestBodies.json(mapper.writeValueAsBytes(tree));
    } catch (IOException e) {
      throw cannotWrite(model, e);
    }
  }

  private static WorkersAiException cannotWrite(ModelDescriptor model, IOException e) {
    return new WorkersAiException("model " + model.id() + ": cannot write the input: " + e.getMessage(), e,
        WorkersAiException.Details.forModel(model.id()));
  }
}
