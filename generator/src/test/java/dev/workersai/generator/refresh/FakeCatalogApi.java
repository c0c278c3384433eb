package dev.workersai.generator.refresh;

import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A scriptable stand-in for the two catalog endpoints of one account: search pages by number, and
 * schema answers by model name. Scripted one-off answers ({@link #failNext}) come before the normal
 * ones, so a test can put a 503 in front of a good answer.
 */
final class FakeCatalogApi extends Dispatcher {
  static final String ACCOUNT = "acc123";

  private final Map<Integer, List<String>> pages = new HashMap<>();
  private final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();
  private final Map<String, MockResponse> schemaAnswers = new ConcurrentHashMap<>();
  private volatile boolean repeatLastPage;

  /** Search page {@code number} lists these model names. */
  FakeCatalogApi page(int number, String... models) {
    pages.put(number, List.of(models));
    return this;
  }

  /** Pages past the last scripted one repeat it, as an API that ignores {@code page} would. */
  FakeCatalogApi repeatLastPage() {
    repeatLastPage = true;
    return this;
  }

  /** The schema endpoint answers this for {@code model}, every time. */
  FakeCatalogApi schemaAnswer(String model, MockResponse response) {
    schemaAnswers.put(model, response);
    return this;
  }

  /** The next request for {@code key} ({@code "search:N"} or {@code "schema:MODEL"}) gets this answer once. */
  FakeCatalogApi failNext(String key, MockResponse response) {
    scripted.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>()).add(response);
    return this;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    HttpUrl url = request.getUrl();
    String path = url.encodedPath();
    String base = "/client/v4/accounts/" + ACCOUNT + "/ai/models/";
    if (path.equals(base + "search")) {
      int page = Integer.parseInt(url.queryParameter("page"));
      MockResponse once = poll("search:" + page);
      return once != null ? once : searchPage(page);
    }
    if (path.equals(base + "schema")) {
      String model = url.queryParameter("model");
      MockResponse once = poll("schema:" + model);
      if (once != null) {
        return once;
      }
      return schemaAnswers.getOrDefault(model, json(200, "{\"success\":true,\"result\":" + schemaOf(model) + "}"));
    }
    return json(404, "{\"success\":false,\"errors\":[{\"message\":\"no route " + path + "\"}],\"result\":null}");
  }

  private MockResponse poll(String key) {
    Deque<MockResponse> queue = scripted.get(key);
    return queue == null ? null : queue.poll();
  }

  private MockResponse searchPage(int page) {
    List<String> models = pages.get(page);
    if (models == null && repeatLastPage) {
      models = pages.get(pages.keySet().stream().max(Integer::compare).orElseThrow());
    }
    List<String> items = new ArrayList<>();
    for (String model : models == null ? List.<String>of() : models) {
      items.add(item(model));
    }
    return json(200, "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[" + String.join(",", items) + "]}");
  }

  /** A search item as the API returns it, description prose included. */
  static String item(String model) {
    return "{\"id\":\"uuid-" + model.hashCode() + "\",\"source\":1,\"name\":\"" + model + "\","
        + "\"description\":\"Prose about " + model + ".\","
        + "\"task\":{\"id\":\"t1\",\"name\":\"Text Generation\",\"description\":\"Generates text.\"},"
        + "\"created_at\":\"2025-01-01 00:00:00.000\",\"tags\":[],"
        + "\"properties\":[{\"property_id\":\"context_window\",\"value\":\"8192\"}]}";
  }

  /** A small valid input/output schema pair. */
  static String schemaOf(String model) {
    return "{\"input\":{\"type\":\"object\",\"properties\":{\"prompt\":{\"type\":\"string\"}},\"required\":[\"prompt\"]},"
        + "\"output\":{\"type\":\"object\",\"properties\":{\"response\":{\"type\":\"string\"}}}}";
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }
}
