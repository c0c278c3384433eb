package dev.workersai.generator.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Fetches every model's schema with at most {@code concurrency} requests in flight. The first
 * failure cancels the rest and is rethrown as it was; an interrupt of the calling thread stops
 * every request.
 */
final class SchemaFetcher {
  private final CatalogApi api;
  private final int concurrency;

  SchemaFetcher(CatalogApi api, int concurrency) {
    this.api = api;
    this.concurrency = concurrency;
  }

  /** Model name → its schema, or empty for a model the API has no schema for (then a warning). */
  Map<String, Optional<JsonNode>> fetch(List<String> models, Consumer<String> warnings) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, models.size())), daemonThreads());
    try {
      Map<String, Future<Optional<JsonNode>>> pending = new LinkedHashMap<>();
      for (String model : models) {
        pending.put(model, pool.submit(() -> api.schema(model, warnings)));
      }
      Map<String, Optional<JsonNode>> schemas = new LinkedHashMap<>();
      for (Map.Entry<String, Future<Optional<JsonNode>>> entry : pending.entrySet()) {
        schemas.put(entry.getKey(), entry.getValue().get());
      }
      return schemas;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new RefreshException("fetching schemas failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RefreshException("the refresh was interrupted while fetching schemas", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "workers-ai-refresh-" + count.incrementAndGet());
      // A build that is killed must not wait for schema downloads.
      thread.setDaemon(true);
      return thread;
    };
  }
}
