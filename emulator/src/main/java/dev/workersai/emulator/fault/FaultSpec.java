package dev.workersai.emulator.fault;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A fault as written on the command line: {@code KIND[,key=value...]}, for example
 * {@code rate-limit,code=3021,retry-after=2,model=@cf/meta/llama-3.1-8b-instruct}.
 *
 * <p>Kinds and their keys: {@code latency} ({@code ms}), {@code rate-limit} ({@code code},
 * {@code retry-after} seconds), {@code server-error} ({@code status}), {@code drop}
 * ({@code after} events), {@code malformed-sse}, {@code schema-error} ({@code status}). Every kind
 * also takes {@code model} (default: all models) and {@code times} (default: every request).
 *
 * @param model the model it applies to, empty for all
 * @param fault the fault
 * @param times how many requests it applies to, {@code -1} for all
 */
public record FaultSpec(Optional<String> model, Fault fault, int times) {

  private static final Set<String> COMMON_KEYS = Set.of("model", "times");

  /** Parses one spec; the exception message names the spec and the part that is wrong. */
  public static FaultSpec parse(String spec) {
    String[] parts = spec.split(",");
    String kind = parts[0].trim();
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("fault '" + spec + "': expected key=value, got '" + parts[i] + "'");
      }
      options.put(parts[i].substring(0, eq).trim(), parts[i].substring(eq + 1).trim());
    }
    Fault fault = switch (kind) {
      case "latency" -> Fault.latency(Duration.ofMillis(number(spec, options, "ms", 250)));
      case "rate-limit" -> options.containsKey("retry-after")
          ? Fault.rateLimited(number(spec, options, "code", 3021),
              Duration.ofSeconds(number(spec, options, "retry-after", 1)))
          : Fault.rateLimited(number(spec, options, "code", 3021));
      case "server-error" -> Fault.serverError(number(spec, options, "status", 500));
      case "drop" -> new Fault.DropConnection(number(spec, options, "after", 2));
      case "malformed-sse" -> Fault.malformedSse();
      case "schema-error" -> Fault.schemaEndpointError(number(spec, options, "status", 500));
      default -> throw new IllegalArgumentException("fault '" + spec + "': unknown kind '" + kind
          + "' (latency, rate-limit, server-error, drop, malformed-sse, schema-error)");
    };
    Set<String> allowed = switch (kind) {
      case "latency" -> Set.of("ms");
      case "rate-limit" -> Set.of("code", "retry-after");
      case "server-error", "schema-error" -> Set.of("status");
      case "drop" -> Set.of("after");
      default -> Set.of();
    };
    for (String key : options.keySet()) {
      if (!allowed.contains(key) && !COMMON_KEYS.contains(key)) {
        throw new IllegalArgumentException("fault '" + spec + "': unknown key '" + key + "' for " + kind);
      }
    }
    int times = options.containsKey("times") ? number(spec, options, "times", -1) : -1;
    return new FaultSpec(Optional.ofNullable(options.get("model")), fault, times);
  }

  /** Installs this spec into {@code faults}. */
  public void installInto(Faults faults) {
    if (model.isPresent()) {
      if (times > 0) {
        faults.forModel(model.get(), fault, times);
      } else {
        faults.forModel(model.get(), fault);
      }
    } else if (times > 0) {
      faults.global(fault, times);
    } else {
      faults.global(fault);
    }
  }

  private static int number(String spec, Map<String, String> options, String key, int fallback) {
    String value = options.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("fault '" + spec + "': " + key + " must be a whole number, got '" + value + "'");
    }
  }
}
