package dev.workersai.runtime.internal.openai;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.runtime.CallOptions;
import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.InvalidResponseException;
import dev.workersai.runtime.StreamChunk;
import dev.workersai.runtime.WorkersAiException;
import dev.workersai.runtime.internal.CallContext;
import dev.workersai.runtime.internal.ErrorMapper;
import dev.workersai.runtime.internal.ResponseReader;
import dev.workersai.runtime.internal.http.Calls;
import dev.workersai.runtime.internal.http.RequestBodies;
import dev.workersai.runtime.internal.http.V1Route;
import dev.workersai.runtime.internal.sse.SseChunkStreams;
import dev.workersai.runtime.internal.sse.SseReader;
import dev.workersai.runtime.model.ModelDescriptor;
import dev.workersai.runtime.observe.CallKind;
import dev.workersai.runtime.observe.CallListener;
import dev.workersai.runtime.observe.CallObserver;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends calls to the OpenAI-compatible endpoints ({@code {base}/accounts/{a}/ai/v1/{path}}) through
 * the client's own OkHttp client, so its interceptors (retry, rate limit, gateway, auth) apply. The
 * bodies are plain OpenAI JSON, not Cloudflare envelopes; failures of either shape are mapped by the
 * client's {@link ErrorMapper}. Each call is reported to the client's {@link CallListener} like a call
 * to {@code /ai/run}: its start, rate-limit waits, retries, stream chunks, usage and end.
 */
public final class V1Transport {
  private final OkHttpClient http;
  private final ObjectMapper mapper;
  private final ErrorMapper errors;
  private final HttpUrl baseUrl;
  private final String accountId;
  private final BiFunction<ModelDescriptor, CallOptions, CallContext> contexts;
  private final Duration callTimeout;
  private final CallListener listener;

  /**
   * @param contexts makes the call context (retry policy, rate-limit wait, gateway) of one call
   * @param callTimeout the default deadline of a whole non-streamed call
   * @param listener the client's listener, told of every call like those to {@code /ai/run}
   */
  public V1Transport(OkHttpClient http, ObjectMapper mapper, ErrorMapper errors, HttpUrl baseUrl, String accountId,
      BiFunction<ModelDescriptor, CallOptions, CallContext> contexts, Duration callTimeout, CallListener listener) {
    this.http = http;
    this.mapper = mapper;
    this.errors = errors;
    this.baseUrl = baseUrl;
    this.accountId = accountId;
    this.contexts = contexts;
    this.callTimeout = callTimeout;
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Posts {@code body} to {@code path} and reads the whole JSON answer as {@code type}. */
  public <T> T call(String path, ModelDescriptor model, Object body, CallOptions options, Class<T> type) {
    CallContext ctx = contexts.apply(model, options);
    Request request = request(path, model, body, options, ctx, false);
    CallObserver observer = observe(ctx, model, CallKind.RUN);
    try {
      JsonNode tree = readJson(newCall(request, options, callTimeout), ctx, model);
      T answer = read(tree, mapper.constructType(type), model.id());
      observer.succeeded(SseChunkStreams.usageOf(tree));
      return answer;
    } catch (RuntimeException e) {
      observer.failed(e);
      throw e;
    }
  }

  private JsonNode readJson(Call call, CallContext ctx, ModelDescriptor model) {
    try (Response response = execute(call, ctx)) {
      if (!response.isSuccessful()) {
        throw ctx.withEarlierFailures(errors.fromResponse(response, model.id()));
      }
      byte[] bytes = response.body().bytes();
      JsonNode tree = new ResponseReader(mapper, errors).parse(bytes, model.id());
      JsonNode success = tree.get("success");
      if (success != null && success.isBoolean() && !success.booleanValue()) {
        throw errors.fromEnvelope(response.code(), response.headers(), tree, model.id());
      }
      return tree;
    } catch (IOException e) {
      throw ctx.withEarlierFailures(errors.fromIOException(e, model.id()));
    }
  }

  /**
   * Posts {@code body} with {@code "stream": true} already set and returns its events as {@code type}.
   * Retried like {@link #call} until the response headers arrive, never after.
   *
   * @param asChunk how the client's {@link CallObserver} is told of an event
   */
  public <T> ChunkStream<T> stream(String path, ModelDescriptor model, Object body, CallOptions options,
      Class<T> type, Function<? super T, StreamChunk> asChunk) {
    CallContext ctx = contexts.apply(model, options);
    Request request = request(path, model, body, options, ctx, true);
    CallObserver observer = observe(ctx, model, CallKind.STREAM);
    try {
      return SseChunkStreams.observed(open(path, request, model, options, ctx, type), asChunk, observer);
    } catch (RuntimeException e) {
      observer.failed(e);
      throw e;
    }
  }

  private <T> ChunkStream<T> open(String path, Request request, ModelDescriptor model, CallOptions options,
      CallContext ctx, Class<T> type) {
    Call call = newCall(request, options, null);
    Response response = execute(call, ctx);
    if (!response.isSuccessful()) {
      try (response) {
        throw ctx.withEarlierFailures(errors.fromResponse(response, model.id()));
      }
    }
    if (!ResponseReader.mediaType(response).equals("text/event-stream")) {
      response.close();
      throw new InvalidResponseException("model " + model.id() + ": answered a stream request on /ai/v1/" + path
          + " with " + ResponseReader.mediaType(response) + ", not an event stream", null,
          WorkersAiException.Details.forModel(model.id()));
    }
    JavaType javaType = mapper.constructType(type);
    return new V1EventStream<>(new SseReader(response.body().source()), data -> {
      try {
        JsonNode tree = mapper.readTree(data);
        if (tree.has("error") || tree.has("errors")) {
          // An error reported mid-stream, after the 200 went out: the stream's status says nothing.
          throw errors.fromHttp(500, okhttp3.Headers.of(), data, model.id());
        }
        return read(tree, javaType, model.id());
      } catch (IOException e) {
        throw new InvalidResponseException(errors.redactor().redact("model " + model.id()
            + ": a stream event is not valid JSON: " + e.getMessage()), null,
            WorkersAiException.Details.forModel(model.id()));
      }
    }, model.id(), call::cancel, response::close, errors.redactor());
  }

  /** Tells the client's listener of the call, once its request is made (an unwritable body is no call). */
  private CallObserver observe(CallContext ctx, ModelDescriptor model, CallKind kind) {
    CallObserver observer = Objects.requireNonNull(listener.callStarted(model, kind), "CallListener returned null");
    ctx.observeWith(observer);
    return observer;
  }

  private <T> T read(JsonNode tree, JavaType type, String modelId) {
    try {
      return mapper.readerFor(type).readValue(tree);
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidResponseException(errors.redactor().redact("model " + modelId + ": the answer does not fit "
          + type.getRawClass().getSimpleName() + ": " + e.getMessage()), null,
          WorkersAiException.Details.forModel(modelId));
    }
  }

  private Request request(String path, ModelDescriptor model, Object body, CallOptions options, CallContext ctx,
      boolean stream) {
    HttpUrl.Builder url = baseUrl.newBuilder().addPathSegment("accounts").addPathSegment(accountId)
        .addPathSegment("ai").addPathSegment("v1");
    for (String segment : path.split("/")) {
      url.addPathSegment(segment);
    }
    JsonNode tree = mapper.valueToTree(body);
    if (options.rejectIfBusy() && tree instanceof ObjectNode object) {
      object.putObject("options").put("rejectIfBusy", true);
    }
    byte[] bytes;
    try {
      bytes = mapper.writeValueAsBytes(tree);
    } catch (IOException e) {
      throw new WorkersAiException("model " + model.id() + ": cannot write the request: " + e.getMessage(), e,
          WorkersAiException.Details.forModel(model.id()));
    }
    Request.Builder request = new Request.Builder().url(url.build()).post(RequestBodies.json(bytes))
        .tag(CallContext.class, ctx).tag(V1Route.class, new V1Route(path))
        .header("Accept", stream ? "text/event-stream" : "application/json");
    options.sessionAffinity().ifPresent(affinity -> request.header("x-session-affinity", affinity));
    options.headers().forEach(request::header);
    return request.build();
  }

  private Response execute(Call call, CallContext ctx) {
    return Calls.execute(call, ctx, errors);
  }

  private Call newCall(Request request, CallOptions options, Duration defaultTimeout) {
    return Calls.newCall(http, request, options, defaultTimeout);
  }
}
