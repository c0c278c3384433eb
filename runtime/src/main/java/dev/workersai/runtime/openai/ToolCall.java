package dev.workersai.runtime.openai;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A call of a tool by the model, in OpenAI's form {@code {id, type:"function", function:{name,
 * arguments}}}. Also read from the flat form some Workers AI models answer with ({@code {name,
 * arguments}}, arguments possibly an object rather than a JSON text), so callers see one shape.
 *
 * @param index the position of the call in a streamed answer (chunks only), else null
 * @param id the call's id, echoed by the tool's answer message ({@code tool_call_id})
 * @param type {@code "function"}
 * @param function the function and its arguments
 */
public record ToolCall(Integer index, String id, String type, FunctionCall function) {

  /** A function call with {@code id}. */
  public static ToolCall function(String id, String name, String argumentsJson) {
    return new ToolCall(null, id, "function", new FunctionCall(name, argumentsJson));
  }

  @JsonCreator
  static ToolCall read(@JsonProperty("index") Integer index, @JsonProperty("id") String id,
      @JsonProperty("type") String type, @JsonProperty("function") FunctionCall function,
      @JsonProperty("name") String name, @JsonProperty("arguments") JsonNode arguments) {
    if (function == null && name != null) {
      // The flat form: arguments may come as an object instead of its JSON text.
      String args = arguments == null || arguments.isNull() ? null
          : arguments.isTextual() ? arguments.textValue() : arguments.toString();
      function = new FunctionCall(name, args);
    }
    return new ToolCall(index, id, type == null && function != null ? "function" : type, function);
  }
}
