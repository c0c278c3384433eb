package dev.workersai.runtime.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * What the model must answer in: {@code {"type":"json_object"}} or {@code {"type":"json_schema",
 * "json_schema":{name, schema, strict}}}.
 *
 * @param type {@code text}, {@code json_object} or {@code json_schema}
 * @param jsonSchema the schema, for {@code json_schema}
 */
public record ResponseFormat(String type, @JsonProperty("json_schema") JsonSchema jsonSchema) {

  /** Any JSON object. */
  public static ResponseFormat jsonObject() {
    return new ResponseFormat("json_object", null);
  }

  /** JSON that fits {@code schema}. */
  public static ResponseFormat jsonSchema(String name, JsonNode schema) {
    return new ResponseFormat("json_schema", new JsonSchema(Objects.requireNonNull(name, "name"), schema, null));
  }

  /**
   * A named schema.
   *
   * @param name the schema's name
   * @param schema the JSON Schema
   * @param strict whether to adhere strictly, or null for the server's default
   */
  public record JsonSchema(String name, JsonNode schema, Boolean strict) {}
}
