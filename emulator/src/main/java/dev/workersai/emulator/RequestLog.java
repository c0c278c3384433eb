package dev.workersai.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The requests an emulator received, in order, so tests can assert how many requests a client
 * sent (retries, paging, polling). Thread-safe.
 *
 * <p>Memory is bounded, because a long-running emulator (or one under a load test) must not grow
 * without end: the log keeps the most recent {@link EmulatorConfig#requestLogCapacity()} entries,
 * and a path or query longer than {@value #MAX_TEXT_CHARS} characters is kept cut, ending with
 * {@value #CUT_MARK}. {@link #total()} still counts every request.
 */
public final class RequestLog {
  /** The longest path or query kept whole. */
  public static final int MAX_TEXT_CHARS = 1024;
  /** What ends a path or query that was cut. */
  public static final String CUT_MARK = "...";

  private final Deque<Entry> entries = new ArrayDeque<>();
  private final String accountId;
  private final int capacity;
  private long total;

  RequestLog(String accountId, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity < 1: " + capacity);
    }
    this.accountId = accountId;
    this.capacity = capacity;
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
    if (entries.size() == capacity) {
      entries.removeFirst();
    }
    entries.addLast(new Entry(method, cut(path), query == null ? "" : cut(query)));
    total++;
  }

  private static String cut(String text) {
    return text.length() <= MAX_TEXT_CHARS ? text : text.substring(0, MAX_TEXT_CHARS) + CUT_MARK;
  }

  /** The requests kept, oldest first: all of them unless more than the capacity arrived. */
  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** How many requests there were in all since the last {@link #clear()}, kept or not. */
  public synchronized int total() {
    return (int) Math.min(Integer.MAX_VALUE, total);
  }

  /** How many requests forgotten because the log was full. */
  public synchronized long forgotten() {
    return total - entries.size();
  }

  /** How many kept requests had exactly this decoded path (query ignored). */
  public synchronized int count(String path) {
    return (int) entries.stream().filter(e -> e.path().equals(path)).count();
  }

  /** How many kept {@code /ai/run} requests (direct, not through the gateway form) went to {@code modelId}. */
  public int runCount(String modelId) {
    return count("/client/v4/accounts/" + accountId + "/ai/run/" + modelId);
  }

  /** Kept request counts per path, sorted by path. */
  public synchronized Map<String, Integer> countsByPath() {
    Map<String, Integer> counts = new TreeMap<>();
    entries.forEach(e -> counts.merge(e.path(), 1, Integer::sum));
    return counts;
  }

  /** Forgets every request. */
  public synchronized void clear() {
    entries.clear();
    total = 0;
  }
}
