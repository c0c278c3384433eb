package dev.workersai.emulator.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The faults installed in a running emulator, for every model or for one. Thread-safe; changes
 * apply to the next request. A fault lasts until {@link #clear()} unless installed with a count.
 *
 * <pre>{@code
 * emulator.faults().forModel("@cf/meta/llama-3.1-8b-instruct", Fault.rateLimited(3040), 1);
 * emulator.faults().global(Fault.latency(Duration.ofMillis(200)));
 * }</pre>
 */
public final class Faults {
  private final List<Rule> rules = new ArrayList<>();

  /** Installs {@code fault} for every model, for every request. */
  public synchronized Faults global(Fault fault) {
    rules.add(new Rule(Optional.empty(), Objects.requireNonNull(fault, "fault"), -1));
    return this;
  }

  /** Installs {@code fault} for every model, for the next {@code times} requests it applies to. */
  public synchronized Faults global(Fault fault, int times) {
    rules.add(new Rule(Optional.empty(), Objects.requireNonNull(fault, "fault"), positive(times)));
    return this;
  }

  /** Installs {@code fault} for one model, for every request. */
  public synchronized Faults forModel(String modelId, Fault fault) {
    rules.add(new Rule(Optional.of(modelId), Objects.requireNonNull(fault, "fault"), -1));
    return this;
  }

  /** Installs {@code fault} for one model, for the next {@code times} requests it applies to. */
  public synchronized Faults forModel(String modelId, Fault fault, int times) {
    rules.add(new Rule(Optional.of(modelId), Objects.requireNonNull(fault, "fault"), positive(times)));
    return this;
  }

  /** Removes every fault. */
  public synchronized void clear() {
    rules.clear();
  }

  /**
   * The faults that apply to one request to {@code modelId} on {@code endpoint}: every latency
   * first, then at most one other fault (model rules before global ones, oldest first). Counted
   * rules are used up by this call.
   */
  public synchronized List<Fault> take(String modelId, Endpoint endpoint) {
    List<Fault> latencies = new ArrayList<>();
    Rule chosen = null;
    for (boolean modelPass : new boolean[] {true, false}) {
      for (Rule rule : rules) {
        if (rule.model.isPresent() != modelPass || !rule.matches(modelId, endpoint)) {
          continue;
        }
        if (rule.fault instanceof Fault.Latency) {
          latencies.add(rule.fault);
          rule.use();
        } else if (chosen == null) {
          chosen = rule;
        }
      }
    }
    List<Fault> result = new ArrayList<>(latencies);
    if (chosen != null) {
      chosen.use();
      result.add(chosen.fault);
    }
    rules.removeIf(rule -> rule.remaining == 0);
    return result;
  }

  private static int positive(int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1: " + times);
    }
    return times;
  }

  /** Where a request goes, because some faults only make sense on some endpoints. */
  public enum Endpoint {
    /** {@code /ai/run} or the gateway form, answered whole. */
    RUN,
    /** {@code /ai/run} or the gateway form, answered as SSE. */
    STREAM,
    /** {@code /ai/models/schema}. */
    SCHEMA
  }

  private static final class Rule {
    final Optional<String> model;
    final Fault fault;
    int remaining;

    Rule(Optional<String> model, Fault fault, int remaining) {
      this.model = model;
      this.fault = fault;
      this.remaining = remaining;
    }

    boolean matches(String modelId, Endpoint endpoint) {
      if (model.isPresent() && !model.get().equals(modelId)) {
        return false;
      }
      if (fault instanceof Fault.SchemaEndpointError) {
        return endpoint == Endpoint.SCHEMA;
      }
      if (fault instanceof Fault.MalformedSse) {
        return endpoint == Endpoint.STREAM;
      }
      return endpoint != Endpoint.SCHEMA;
    }

    void use() {
      if (remaining > 0) {
        remaining--;
      }
    }
  }
}
