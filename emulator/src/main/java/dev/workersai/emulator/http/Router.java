package dev.workersai.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.workersai.emulator.batch.BatchStore;
import dev.workersai.emulator.catalog.EmulatedCatalog;
import dev.workersai.emulator.fault.Faults;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's single HTTP handler: logs the request, checks the token and account, routes
 * to an endpoint and writes its reply or error envelope.
 *
 * <p>Routes: {@code POST /client/v4/accounts/{a}/ai/run/{model...}},
 * {@code GET /client/v4/accounts/{a}/ai/models/search}, {@code GET /client/v4/accounts/{a}/ai/models/schema},
 * and the AI Gateway form {@code POST /v1/{a}/{gateway}/workers-ai/{model...}}; the OpenAI-compatible
 * {@code POST /client/v4/accounts/{a}/ai/v1/{chat/completions|embeddings|responses}} and its gateway
 * form {@code POST /v1/{a}/{gateway}/workers-ai/v1/...}, whose errors are OpenAI-shaped.
 */
public final class Router implements HttpHandler {
  private final String accountId;
  private final byte[] tokenDigest;
  private final RunEndpoint run;
  private final V1Endpoint v1;
  private final CatalogEndpoints catalogEndpoints;
  private final GatewayCache gatewayCache;
  private final RequestBodies bodies;
  private final AtomicLong gatewayLogIds = new AtomicLong();
  private final RequestListener log;

  /**
   * What bounds the memory a router holds.
   *
   * @param maxBodyBytes the largest request body accepted
   * @param bodyMemoryBytes the request body bytes held at once over all requests
   * @param gatewayCacheEntries the answers the AI Gateway cache keeps
   */
  public record Limits(int maxBodyBytes, long bodyMemoryBytes, int gatewayCacheEntries) {}

  /**
   * A router for one emulator.
   *
   * @param log told about every request before it is handled
   */
  public Router(EmulatedCatalog catalog, Faults faults, String accountId, String token,
      boolean enforceRateLimits, int batchPendingPolls, Limits limits, RequestListener log) {
    this.accountId = accountId;
    this.gatewayCache = new GatewayCache(limits.gatewayCacheEntries());
    this.bodies = new RequestBodies(limits.maxBodyBytes(), limits.bodyMemoryBytes());
    this.tokenDigest = digest(token);
    this.run = new RunEndpoint(catalog, faults, enforceRateLimits, new BatchStore(batchPendingPolls));
    this.v1 = new V1Endpoint(run);
    this.catalogEndpoints = new CatalogEndpoints(catalog, faults);
    this.log = log;
  }

  /** Receives each request as it arrives. */
  @FunctionalInterface
  public interface RequestListener {
    /**
     * Called once per request.
     *
     * @param method the HTTP method, upper case
     * @param path the decoded path without query
     * @param rawQuery the raw query string, or null
     */
    void onRequest(String method, String path, String rawQuery);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    List<String> segments = segments(exchange.getRequestURI().getRawPath());
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    log.onRequest(method, "/" + String.join("/", segments), exchange.getRequestURI().getRawQuery());
    boolean openAi = isOpenAi(segments);
    // The body's share of the memory budget is held until the answer is written.
    try (RequestBodies.Share share = bodies.share()) {
      RunEndpoint.Outcome outcome;
      try {
        outcome = route(exchange, method, segments, share);
      } catch (ApiError error) {
        outcome = new RunEndpoint.Outcome(errorReply(error, openAi), null);
      } catch (RuntimeException bug) {
        // An emulator bug must still look like a server error to the client, not a dropped socket.
        outcome = new RunEndpoint.Outcome(errorReply(new ApiError(500, ErrorCodes.INTERNAL,
            "emulator error: " + bug), openAi), null);
      } catch (OutOfMemoryError e) {
        // The JDK server rethrows an Error and leaves the connection open: the client would wait forever.
        outcome = new RunEndpoint.Outcome(errorReply(new ApiError(503, RequestBodies.CAPACITY_EXCEEDED,
            "3040: Capacity temporarily exceeded, please try again. (the emulator ran out of memory;"
                + " lower bodyMemoryBytes or raise the heap)", Map.of("Retry-After", "1"), false), openAi), null);
      }
      share.discardUnread(exchange.getRequestBody());
      ReplyWriter.write(exchange, outcome.reply(), outcome.damage());
    }
  }

  private RunEndpoint.Outcome route(HttpExchange exchange, String method, List<String> segments,
      RequestBodies.Share share) throws IOException {
    boolean direct = segments.size() >= 5 && segments.get(0).equals("client") && segments.get(1).equals("v4")
        && segments.get(2).equals("accounts") && segments.get(4).equals("ai");
    boolean gateway = segments.size() >= 5 && segments.get(0).equals("v1") && segments.get(3).equals("workers-ai");
    if (!direct && !gateway) {
      throw noRoute(segments);
    }
    checkToken(exchange);
    String account = direct ? segments.get(3) : segments.get(1);
    if (!account.equals(accountId)) {
      throw new ApiError(404, ErrorCodes.UNKNOWN_ACCOUNT,
          "Could not route to /accounts/" + account + ", perhaps your object identifier is invalid?");
    }
    if (gateway) {
      requireMethod(method, "POST");
      String modelId = String.join("/", segments.subList(4, segments.size()));
      return viaGateway(exchange, segments.get(2), modelId, share, isOpenAi(segments));
    }
    List<String> rest = segments.subList(5, segments.size());
    if (rest.size() >= 2 && rest.get(0).equals("v1")) {
      requireMethod(method, "POST");
      return v1Call(segments, rest.subList(1, rest.size()), request(exchange, share));
    }
    if (rest.size() >= 2 && rest.get(0).equals("run")) {
      requireMethod(method, "POST");
      return run.run(String.join("/", rest.subList(1, rest.size())), request(exchange, share));
    }
    if (rest.equals(List.of("models", "search"))) {
      requireMethod(method, "GET");
      return new RunEndpoint.Outcome(catalogEndpoints.search(query(exchange)), null);
    }
    if (rest.equals(List.of("models", "schema"))) {
      requireMethod(method, "GET");
      return new RunEndpoint.Outcome(catalogEndpoints.schema(query(exchange)), null);
    }
    throw noRoute(segments);
  }

  private RunEndpoint.Outcome v1Call(List<String> segments, List<String> path, RequestData request) {
    return v1.handle(V1Endpoint.endpoint(String.join("/", path)).orElseThrow(() -> noRoute(segments)), request);
  }

  /** Whether the path is an OpenAI-compatible one, answered with OpenAI-shaped errors. */
  private static boolean isOpenAi(List<String> segments) {
    boolean direct = segments.size() >= 6 && segments.get(0).equals("client") && segments.get(4).equals("ai")
        && segments.get(5).equals("v1");
    boolean gateway = segments.size() >= 6 && segments.get(0).equals("v1") && segments.get(3).equals("workers-ai")
        && segments.get(4).equals("v1");
    return direct || gateway;
  }

  private static Reply.Whole errorReply(ApiError error, boolean openAi) {
    return openAi ? OpenAiErrors.error(error) : Envelopes.error(error);
  }

  private RunEndpoint.Outcome viaGateway(HttpExchange exchange, String gatewayId, String modelId,
      RequestBodies.Share share, boolean openAi) throws IOException {
    Duration ttl = cacheTtl(exchange);
    RequestData request = request(exchange, share);
    String logId = UUID.nameUUIDFromBytes(("log-" + gatewayLogIds.incrementAndGet()).getBytes(StandardCharsets.UTF_8))
        .toString();
    boolean skipCache = "true".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("cf-aig-skip-cache"))
        || "true".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("cf-skip-cache"));
    String key = GatewayCache.key(gatewayId, modelId, request);
    if (!skipCache) {
      var cached = gatewayCache.get(key);
      if (cached.isPresent()) {
        return new RunEndpoint.Outcome(withHeaders(cached.get(), "HIT", logId), null);
      }
    }
    RunEndpoint.Outcome outcome;
    try {
      List<String> path = List.of(modelId.split("/"));
      outcome = openAi ? v1Call(path, path.subList(1, path.size()), request) : run.run(modelId, request);
    } catch (ApiError error) {
      outcome = new RunEndpoint.Outcome(errorReply(error, openAi), null);
    }
    if (outcome.reply() instanceof Reply.Whole whole) {
      if (whole.status() == 200 && outcome.damage() == null) {
        gatewayCache.put(key, whole, ttl);
      }
      return new RunEndpoint.Outcome(withHeaders(whole, "MISS", logId), outcome.damage());
    }
    Reply.Events events = (Reply.Events) outcome.reply();
    return new RunEndpoint.Outcome(new Reply.Events(events.data(), gatewayHeaders("MISS", logId)), outcome.damage());
  }

  private static Duration cacheTtl(HttpExchange exchange) {
    for (String header : new String[] {"cf-aig-cache-ttl", "cf-cache-ttl"}) {
      String value = exchange.getRequestHeaders().getFirst(header);
      if (value != null) {
        return GatewayCache.ttl(header, value);
      }
    }
    return GatewayCache.ttl("cf-aig-cache-ttl", null);
  }

  private static Reply.Whole withHeaders(Reply.Whole reply, String cacheStatus, String logId) {
    Map<String, String> headers = new LinkedHashMap<>(reply.headers());
    headers.putAll(gatewayHeaders(cacheStatus, logId));
    return new Reply.Whole(reply.status(), reply.contentType(), reply.body(), headers);
  }

  private static Map<String, String> gatewayHeaders(String cacheStatus, String logId) {
    return Map.of("cf-aig-cache-status", cacheStatus, "cf-aig-log-id", logId);
  }

  private void checkToken(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    boolean ok = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        && MessageDigest.isEqual(tokenDigest, digest(header.substring(7).trim()));
    if (!ok) {
      throw new ApiError(401, ErrorCodes.AUTHENTICATION, "Authentication error");
    }
  }

  private static void requireMethod(String method, String expected) {
    if (!method.equals(expected)) {
      throw new ApiError(405, ErrorCodes.METHOD_NOT_ALLOWED, "Method " + method + " not allowed; use " + expected);
    }
  }

  private static ApiError noRoute(List<String> segments) {
    return new ApiError(404, ErrorCodes.NO_ROUTE, "No route for that URI: /" + String.join("/", segments));
  }

  private static RequestData request(HttpExchange exchange, RequestBodies.Share share) throws IOException {
    String header = exchange.getRequestHeaders().getFirst("Content-Type");
    String contentType = header == null ? "" : header.split(";")[0].trim().toLowerCase(Locale.ROOT);
    byte[] body = share.read(exchange);
    return new RequestData(contentType, header == null ? "" : header, body, query(exchange));
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> query = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return query;
  }

  private static List<String> segments(String rawPath) {
    return Arrays.stream(rawPath.split("/"))
        .filter(segment -> !segment.isEmpty())
        // Decode each segment on its own so that %40 becomes @ but an encoded slash stays inside it.
        .map(segment -> URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))
        .toList();
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
