package dev.workersai.runtime.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A tool the model may call: {@code {"type":"function","function":{name, description, parameters}}}.
 *
 * @param type {@code "function"}
 * @param function what the function is called, what it does and the JSON Schema of its arguments
 */
public record Tool(String type, Function function) {

  /** A function tool; {@code parameters} is the JSON Schema of its arguments. */
  public static Tool function(String name, String description, JsonNode parameters) {
    return new Tool("function", new Function(Objects.requireNonNull(name, "name"), description, parameters));
  }

  /**
   * A function's declaration.
   *
   * @param name the name the model calls it by
   * @param description what it does, for the model
   * @param parameters the JSON Schema of its arguments
   */
  public record Function(String name, String description, JsonNode parameters) {}
}
