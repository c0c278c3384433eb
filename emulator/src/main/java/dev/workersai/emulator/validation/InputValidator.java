package dev.workersai.emulator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workersai.catalog.validation.InstanceValidator;
import dev.workersai.catalog.validation.Violation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks request bodies against a model's input JSON Schema with the catalog's
 * {@link InstanceValidator}. Compiled schemas are cached per model id; thread-safe.
 */
public final class InputValidator {
  private final Map<String, InstanceValidator> compiled = new ConcurrentHashMap<>();

  /**
   * The problem with {@code body}, or empty when it is valid. The message names the failing field
   * as a JSON pointer (prefixed with {@code pointerPrefix}, for batch items), for example
   * {@code /messages/0/content: required property 'content' not found}. A schema the validator
   * cannot compile accepts anything: the emulator cannot know what the real service checks then.
   */
  public Optional<String> problem(String modelId, JsonNode schema, JsonNode body, String pointerPrefix) {
    List<Violation> violations = compiled.computeIfAbsent(modelId, id -> InstanceValidator.of(schema)).validate(body);
    if (violations.isEmpty()) {
      return Optional.empty();
    }
    String message = pointerPrefix + violations.get(0);
    if (violations.size() > 1) {
      message += " (" + (violations.size() - 1) + " more problem" + (violations.size() > 2 ? "s" : "") + ")";
    }
    return Optional.of(message);
  }
}
