package dev.workersai.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every request an emulator received, in order, so tests can assert how many requests a client
 * sent (retries, paging, polling). Thread-safe.
 */
public final class RequestLog {
  private final List<Entry> entries = new ArrayList<>();
  private final String accountId;

  RequestLog(String accountId) {
    this.accountId = accountId;
  }

  /**
   * One request.
   *
   * @param method the HTTP method
   * @param path the decoded path without the query, such as
   *     {@code /client/v4/accounts/acc/ai/run/@cf/meta/llama-3.1-8b-instruct}
   * @param query the raw query string, {@code ""} when none
   */
  public record Entry(String method, String path, String query) {}

  synchronized void record(String method, String path, String query) {
    entries.add(new Entry(method, path, query == null ? "" : query));
  }

  /** All requests so far, oldest first. */
  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** How many requests there were in all. */
  public synchronized int total() {
    return entries.size();
  }

  /** How many requests had exactly this decoded path (query ignored). */
  public synchronized int count(String path) {
    return (int) entries.stream().filter(e -> e.path().equals(path)).count();
  }

  /** How many {@code /ai/run} requests (direct, not through the gateway form) went to {@code modelId}. */
  public int runCount(String modelId) {
    return count("/client/v4/accounts/" + accountId + "/ai/run/" + modelId);
  }

  /** Request counts per path, sorted by path. */
  public synchronized Map<String, Integer> countsByPath() {
    Map<String, Integer> counts = new TreeMap<>();
    entries.forEach(e -> counts.merge(e.path(), 1, Integer::sum));
    return counts;
  }

  /** Forgets every request. */
  public synchronized void clear() {
    entries.clear();
  }
}
