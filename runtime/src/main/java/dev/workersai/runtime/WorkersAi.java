package dev.workersai.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workersai.runtime.internal.AsyncCall;
import dev.workersai.runtime.internal.CallContext;
import dev.workersai.runtime.internal.ErrorMapper;
import dev.workersai.runtime.internal.Json;
import dev.workersai.runtime.internal.Redactor;
import dev.workersai.runtime.internal.ResponseReader;
import dev.workersai.runtime.internal.http.Calls;
import dev.workersai.runtime.internal.http.RequestFactory;
import dev.workersai.runtime.internal.openai.V1Transport;
import dev.workersai.runtime.internal.sse.SseChunkStreams;
import dev.workersai.runtime.model.ModelDescriptor;
import dev.workersai.runtime.observe.CallKind;
import dev.workersai.runtime.observe.CallListener;
import dev.workersai.runtime.openai.OpenAiCalls;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The client for the Workers AI REST API. Thread-safe and cheap to share: build one per account and
 * reuse it. Generated model classes call it; it can also be used directly.
 *
 * <pre>{@code
 * WorkersAi ai = WorkersAi.fromEnv();
 * ModelDescriptor llama = ModelDescriptor.of("@cf/meta/llama-3.1-8b-instruct", "Text Generation");
 * ModelResponse answer = ai.run(llama, RequestPayload.json(Map.of("prompt", "Hi")), CallOptions.defaults());
 * String text = answer.result().get("response").asText();
 * }</pre>
 *
 * <p>Every call goes through a short chain of OkHttp interceptors, after any of your own client's:
 * retry (backoff with jitter, {@code Retry-After}), client-side rate limiting (per model, never above
 * the published requests per minute), AI Gateway routing, and authentication. Failures are thrown as subclasses of
 * {@link WorkersAiException}; the API token never appears in a message or {@link #toString()}.
 */
public final class WorkersAi implements AutoCloseable {

  /** The public REST API base, to which {@code /accounts/{account}/ai/run/{model}} is appended. */
  public static final String DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4";
  /** The AI Gateway base, to which {@code /{account}/{gateway}/workers-ai/{model}} is appended. */
  public static final String DEFAULT_GATEWAY_BASE_URL = "https://gateway.ai.cloudflare.com/v1";
  /** Connecting should take well under a second; ten allows for a slow network without hanging. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Large models may think for a long time before the first byte of a non-streamed answer. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(120);
  /** The deadline of a whole non-streamed call, retries included. Streams have none by default. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(10);
  /** How long a call may wait for the client-side rate limiter by default. */
  public static final Duration DEFAULT_MAX_RATE_LIMIT_WAIT = Duration.ofSeconds(30);

  private final String accountId;
  private final HttpUrl baseUrl;
  private final OkHttpClient http;
  private final ObjectMapper mapper;
  private final RetryPolicy retryPolicy;
  private final Duration maxRateLimitWait;
  private final Duration callTimeout;
  private final GatewayOptions gateway;
  private final ErrorMapper errors;
  private final Redactor redactor;
  private final ResponseReader reader;
  private final RequestFactory requests;
  private final BatchSubmission batches;
  private final Executor asyncExecutor;
  private final CallListener listener;
  /** Whether the HTTP client's threads and connections are this client's own (no {@code okHttpClient} given). */
  private final boolean ownsHttp;
  /** The async executor this client made for itself; null when one was given. */
  private final ExecutorService ownExecutor;

  WorkersAi(WorkersAiBuilder b) {
    this.accountId = requireText(b.accountId, "accountId");
    requireText(b.apiToken, "apiToken");
    this.baseUrl = parseUrl(b.baseUrl, "baseUrl");
    HttpUrl gatewayBase = parseUrl(b.gatewayBaseUrl, "gatewayBaseUrl");
    this.mapper = b.objectMapper != null ? Json.copyOf(b.objectMapper) : Json.newMapper();
    this.retryPolicy = b.retryPolicy;
    this.maxRateLimitWait = b.maxRateLimitWait;
    this.callTimeout = b.callTimeout;
    this.gateway = null;
    this.redactor = new Redactor(b.apiToken);
    this.errors = new ErrorMapper(mapper, b.time, redactor);
    this.reader = new ResponseReader(mapper, errors);
    this.http = InterceptorChain.build(b, gatewayBase, errors);
    this.requests = new RequestFactory(baseUrl, accountId, mapper);
    this.batches = new BatchSubmission(mapper, requests, redactor, b.time, b.batchPollInterval);
    this.ownExecutor = b.asyncExecutor != null ? null : AsyncCall.newDefaultExecutor();
    this.asyncExecutor = b.asyncExecutor != null ? b.asyncExecutor : ownExecutor;
    this.listener = b.callListener;
    this.ownsHttp = b.okHttpClient == null;
  }

  private WorkersAi(WorkersAi base, GatewayOptions gateway) {
    this.accountId = base.accountId;
    this.baseUrl = base.baseUrl;
    this.http = base.http;
    this.mapper = base.mapper;
    this.retryPolicy = base.retryPolicy;
    this.maxRateLimitWait = base.maxRateLimitWait;
    this.callTimeout = base.callTimeout;
    this.gateway = gateway;
    this.errors = base.errors;
    this.redactor = base.redactor;
    this.reader = base.reader;
    this.requests = base.requests;
    this.batches = base.batches;
    this.asyncExecutor = base.asyncExecutor;
    this.listener = base.listener;
    this.ownsHttp = base.ownsHttp;
    this.ownExecutor = base.ownExecutor;
  }

  /** A builder; account id and API token are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The environment variable {@link #fromEnv()} reads a base URL from, such as the emulator's. */
  public static final String BASE_URL_VARIABLE = "WORKERS_AI_BASE_URL";

  /**
   * A client from the environment variables {@code CLOUDFLARE_ACCOUNT_ID} and
   * {@code CLOUDFLARE_API_TOKEN}, with default settings; {@value #BASE_URL_VARIABLE}, when set,
   * replaces {@link #DEFAULT_BASE_URL} (the standalone emulator prints the three lines to export).
   *
   * @throws IllegalStateException naming the variable that is missing, empty or not an http(s) URL
   */
  public static WorkersAi fromEnv() {
    return fromEnv(System::getenv);
  }

  static WorkersAi fromEnv(Function<String, String> env) {
    Builder builder = builder()
        .accountId(requireEnv(env, "CLOUDFLARE_ACCOUNT_ID"))
        .apiToken(requireEnv(env, "CLOUDFLARE_API_TOKEN"));
    String baseUrl = env.apply(BASE_URL_VARIABLE);
    if (baseUrl != null && !baseUrl.isBlank()) {
      builder.baseUrl(baseUrl.strip());
      try {
        return builder.build();
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("environment variable " + BASE_URL_VARIABLE + " is not an http(s) URL: \""
            + baseUrl.strip() + "\"", e);
      }
    }
    return builder.build();
  }

  private static String requireEnv(Function<String, String> env, String name) {
    String value = env.apply(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("environment variable " + name + " is not set; WorkersAi.fromEnv() needs "
          + "CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN");
    }
    return value.strip();
  }

  /** A copy of this client that routes every call through the AI Gateway {@code gatewayId}. */
  public WorkersAi gateway(String gatewayId) {
    return gateway(GatewayOptions.of(gatewayId));
  }

  /** A copy of this client that routes every call through AI Gateway with {@code options}. */
  public WorkersAi gateway(GatewayOptions options) {
    return new WorkersAi(this, Objects.requireNonNull(options, "options"));
  }

  /** The account id calls are made for. */
  public String accountId() {
    return accountId;
  }

  /** The OkHttp client this runtime sends with (your client's derivative, with the runtime's interceptors). */
  public OkHttpClient httpClient() {
    return http;
  }

  /** The runtime's Jackson mapper (a copy; changing it does not change the client). */
  public ObjectMapper objectMapper() {
    return mapper.copy();
  }

  /**
   * Runs a model and reads its whole answer: a JSON envelope's {@code result}, or a binary body.
   *
   * @throws WorkersAiException (a subclass naming the cause) when the call fails after any retries
   */
  public ModelResponse run(ModelDescriptor model, RequestPayload payload, CallOptions options) {
    Prepared prepared = prepare(model, payload, options, CallKind.RUN, Map.of());
    Call call = newCall(prepared.request, options, callTimeout);
    return readObserved(call, prepared.ctx);
  }

  /**
   * {@link #run} without blocking the caller. Failures complete the future exceptionally with a
   * {@link WorkersAiException}; an input that fails validation fails it before anything is sent.
   *
   * <p>The call runs as a blocking call on the client's async executor ({@link Builder#asyncExecutor}),
   * never on an OkHttp dispatcher thread, so retry backoff and rate-limiter waits hold only an
   * executor thread. The dispatcher's {@code maxRequests} limits therefore do not bound these calls.
   *
   * <p>Cancelling <em>the returned future</em> ({@code cancel(..)} with either argument) cancels the
   * HTTP call, or stops a wait for a retry or a rate-limiter permit at once; a call not yet started is
   * never sent. Cancelling a future <em>derived</em> from it ({@code thenApply}, {@code thenCompose},
   * ...) does not: Java's {@code CompletableFuture} does not propagate cancellation upstream, so keep
   * the returned future to cancel the call, and map the answer with {@link #runAsync(ModelDescriptor,
   * RequestPayload, CallOptions, Function)} rather than {@code thenApply}.
   */
  public CompletableFuture<ModelResponse> runAsync(ModelDescriptor model, RequestPayload payload, CallOptions options) {
    return runAsync(model, payload, options, Function.identity());
  }

  /**
   * {@link #runAsync(ModelDescriptor, RequestPayload, CallOptions)} with the answer turned into a
   * {@code T} by {@code read} (generated classes read their typed output this way). Unlike {@code
   * runAsync(..).thenApply(read)}, the returned future is the call's own: cancelling it cancels the
   * HTTP call. {@code read} runs on the thread that ran the call; what it throws fails the future.
   */
  public <T> CompletableFuture<T> runAsync(ModelDescriptor model, RequestPayload payload, CallOptions options,
      Function<? super ModelResponse, ? extends T> read) {
    Objects.requireNonNull(read, "read");
    Prepared prepared;
    try {
      prepared = prepare(model, payload, options, CallKind.RUN, Map.of());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    Call call = newCall(prepared.request, options, callTimeout);
    return AsyncCall.<T>start(call, c -> read.apply(readObserved(c, prepared.ctx)), asyncExecutor,
        rejected -> new WorkersAiException("model " + model.id() + ": the async executor refused the call ("
            + rejected.getMessage() + "); nothing was sent", rejected, WorkersAiException.Details.forModel(model.id())));
  }

  /**
   * Runs a model whose answer is binary (audio, an image) and returns the body unbuffered, for
   * answers too large to hold in memory. Only {@link CallOptions#withTimeout} bounds the download.
   *
   * @throws InvalidResponseException when the model answers with JSON instead (use {@link #run})
   */
  public BinaryStream runForStream(ModelDescriptor model, RequestPayload payload, CallOptions options) {
    Prepared prepared = prepare(model, payload, options, CallKind.BINARY_STREAM, Map.of());
    Call call = newCall(prepared.request, options, null);
    try {
      Response response = execute(call, prepared.ctx);
      String type = ResponseReader.mediaType(response);
      if (!response.isSuccessful() || ResponseReader.isJson(type)) {
        ModelResponse whole = reader.read(response, prepared.ctx); // throws for failures and error envelopes
        throw new InvalidResponseException(redactor.redact("model " + model.id() + ": answered " + whole.contentType()
            + ", not a binary body; use run()"), null, WorkersAiException.Details.forModel(model.id()));
      }
      prepared.ctx.observer().succeeded(Optional.empty());
      return new BinaryStream(type, response.body().contentLength(), response.body().byteStream(),
          ResponseReader.metadata(response), response::close);
    } catch (RuntimeException e) {
      prepared.ctx.observer().failed(e);
      throw e;
    }
  }

  /**
   * Runs a model with {@code "stream": true} and returns its chunks as they arrive. The request is
   * retried like {@link #run} until a response arrives; once the stream is being read it is never
   * retried. Only {@link CallOptions#withTimeout} bounds the whole stream; the read timeout bounds
   * each silence.
   */
  public ChunkStream<StreamChunk> stream(ModelDescriptor model, RequestPayload payload, CallOptions options) {
    Prepared prepared = prepare(model, payload, options, CallKind.STREAM, Map.of());
    Call call = newCall(prepared.request, options, null);
    try {
      Response response = execute(call, prepared.ctx);
      String type = ResponseReader.mediaType(response);
      if (response.isSuccessful() && type.equals("text/event-stream")) {
        return SseChunkStreams.observed(SseChunkStreams.open(call, response, model.id(), redactor),
            prepared.ctx.observer());
      }
      // An error, or a whole JSON answer (gpt-oss on /ai/run answers stream requests that way).
      ModelResponse whole = reader.read(response, prepared.ctx);
      if (!whole.isJson()) {
        throw new InvalidResponseException(redactor.redact("model " + model.id() + ": answered a stream request with "
            + whole.contentType() + ", neither an event stream nor JSON"), null,
            WorkersAiException.Details.forModel(model.id()));
      }
      return SseChunkStreams.observed(SseChunkStreams.fromJsonResult(whole.result(), model.id()),
          prepared.ctx.observer());
    } catch (RuntimeException e) {
      prepared.ctx.observer().failed(e);
      throw e;
    }
  }

  /**
   * Submits inputs as one batch ({@code queueRequest=true}); only for models whose descriptor allows
   * it ({@link ModelDescriptor#asyncQueue()}). Each input is validated first. Poll the returned job
   * with {@link BatchJob#await}.
   *
   * @throws IllegalArgumentException if the model does not accept batches or {@code inputs} is empty
   */
  public BatchJob submitBatch(ModelDescriptor model, List<? extends ModelInput> inputs, CallOptions options) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(options, "options");
    return batches.submit(model, inputs, payload -> run(model, payload, options, BatchSubmission.QUEUE));
  }

  private JsonNode run(ModelDescriptor model, RequestPayload payload, CallOptions options, Map<String, String> query) {
    Prepared prepared = prepare(model, payload, options, CallKind.RUN, query);
    Call call = newCall(prepared.request, options, callTimeout);
    return readObserved(call, prepared.ctx).result();
  }

  /** Sends {@code call} and reads its whole answer, telling the call's observer how it ended. */
  private ModelResponse readObserved(Call call, CallContext ctx) {
    ModelResponse response;
    try {
      response = reader.read(execute(call, ctx), ctx);
    } catch (RuntimeException e) {
      ctx.observer().failed(e);
      throw e;
    }
    ctx.observer().succeeded(response.isJson() ? SseChunkStreams.usageOf(response.result()) : Optional.empty());
    return response;
  }

  private Response execute(Call call, CallContext ctx) {
    return Calls.execute(call, ctx, errors);
  }

  private Call newCall(Request request, CallOptions options, Duration defaultTimeout) {
    return Calls.newCall(http, request, options, defaultTimeout);
  }

  private record Prepared(Request request, CallContext ctx) {}

  private Prepared prepare(
      ModelDescriptor model, RequestPayload payload, CallOptions options, CallKind kind, Map<String, String> query) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(options, "options");
    CallContext ctx = context(model, options);
    RequestFactory.Extras extras = new RequestFactory.Extras(kind == CallKind.STREAM, options.rejectIfBusy(),
        options.sessionAffinity().orElse(null), options.headers(), query);
    Request request = requests.create(model, payload, extras, ctx); // validates: an invalid input is no call
    ctx.observeWith(Objects.requireNonNull(listener.callStarted(model, kind), "CallListener returned null"));
    return new Prepared(request, ctx);
  }

  private CallContext context(ModelDescriptor model, CallOptions options) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(options, "options");
    GatewayOptions gw = options.gateway().orElse(gateway);
    return new CallContext(
        model,
        options.effectiveRetryPolicy(retryPolicy),
        options.rateLimitWait().orElse(maxRateLimitWait),
        gw == null ? null : gw.gatewayId(),
        gw == null ? Map.of() : gw.requestHeaders(mapper),
        options.readTimeout().orElse(null));
  }

  /**
   * The OpenAI-compatible endpoints ({@code /ai/v1/chat/completions}, {@code /embeddings},
   * {@code /responses}) through this client: same retries, rate limits, gateway, error mapping and
   * {@link Builder#callListener call listener}.
   */
  public OpenAiCalls openAi() {
    return new OpenAiCalls(new V1Transport(http, mapper, errors, baseUrl, accountId, this::context, callTimeout,
        listener));
  }

  /**
   * Releases what this client made for itself: its idle connections, its HTTP and async threads
   * (which otherwise linger for a minute after the last call). Calls already running finish; an
   * async call started after it fails. What you gave the builder ({@code okHttpClient},
   * {@code asyncExecutor}) is left to you. Copies made by {@link #gateway(String)} share what this
   * closes.
   */
  @Override
  public void close() {
    if (ownExecutor != null) {
      ownExecutor.shutdown();
    }
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "WorkersAi[account=" + accountId + ", baseUrl=" + baseUrl
        + (gateway != null ? ", gateway=" + gateway.gatewayId() : "") + "]";
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is required; set it on WorkersAi.builder() or use WorkersAi.fromEnv()");
    }
    return value;
  }

  private static HttpUrl parseUrl(String url, String name) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new IllegalArgumentException(name + " is not an http(s) URL: \"" + url + "\"");
    }
    return parsed;
  }

  /**
   * Builds a {@link WorkersAi}. Only {@code accountId} and {@code apiToken} are required; the setters
   * are declared in the package-private {@code WorkersAiBuilder} and return this type.
   *
   * <p>Timeouts: values set here win. Left unset, a client passed to {@code okHttpClient} keeps its
   * own connect/read/write timeouts; otherwise the defaults apply (connect 10 s, read and write
   * 120 s). The call timeout (default
   * 10 minutes) bounds non-streamed calls; streams and {@code runForStream} have none unless a call
   * sets {@link CallOptions#withTimeout}.
   */
  public static final class Builder extends WorkersAiBuilder {
    Builder() {}
  }
}
