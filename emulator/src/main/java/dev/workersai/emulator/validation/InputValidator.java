package dev.workersai.emulator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks request bodies against a model's input JSON Schema (draft 7 rules, which is what the
 * catalog's schemas are written in). Compiled schemas are cached per model id; thread-safe.
 */
public final class InputValidator {
  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
  private final Map<String, Optional<Schema>> compiled = new ConcurrentHashMap<>();

  /**
   * The problem with {@code body}, or empty when it is valid. The message names the failing field
   * as a JSON pointer (prefixed with {@code pointerPrefix}, for batch items), for example
   * {@code /messages/0/content: required property 'content' not found}. A schema that is itself
   * broken (the catalog has one with {@code required} inside {@code properties}) accepts anything:
   * the emulator cannot know what the real service checks then.
   */
  public Optional<String> problem(String modelId, JsonNode schema, JsonNode body, String pointerPrefix) {
    Optional<Schema> compiledSchema = compiled.computeIfAbsent(modelId, id -> compile(schema));
    if (compiledSchema.isEmpty()) {
      return Optional.empty();
    }
    List<Error> errors = compiledSchema.get().validate(body);
    if (errors.isEmpty()) {
      return Optional.empty();
    }
    // Union keywords only say "no branch matched"; the errors under them name the actual field.
    Error best = errors.stream()
        .filter(e -> !isUnionSummary(e) || errors.stream().allMatch(InputValidator::isUnionSummary))
        .max(Comparator.comparingInt(InputValidator::depth))
        .orElse(errors.get(0));
    String message = pointerPrefix + field(best) + ": " + best.getMessage();
    if (errors.size() > 1) {
      message += " (" + (errors.size() - 1) + " more problem" + (errors.size() > 2 ? "s" : "") + ")";
    }
    return Optional.of(message);
  }

  private Optional<Schema> compile(JsonNode schema) {
    try {
      Schema compiledSchema = registry.getSchema(schema);
      compiledSchema.initializeValidators();
      return Optional.of(compiledSchema);
    } catch (SchemaException e) {
      return Optional.empty();
    }
  }

  private static boolean isUnionSummary(Error error) {
    return "oneOf".equals(error.getKeyword()) || "anyOf".equals(error.getKeyword());
  }

  private static String field(Error error) {
    String pointer = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
    if (pointer.equals("$") || pointer.equals("/")) {
      pointer = "";
    }
    if (error.getProperty() != null && ("required".equals(error.getKeyword())
        || "additionalProperties".equals(error.getKeyword()))) {
      pointer += "/" + error.getProperty();
    }
    return pointer.isEmpty() ? "/" : pointer;
  }

  private static int depth(Error error) {
    String field = field(error);
    return field.equals("/") ? 0 : (int) field.chars().filter(c -> c == '/').count();
  }
}
