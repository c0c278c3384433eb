package dev.workersai.langchain4j.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.workersai.runtime.task.ChatCompletionModel;
import java.util.List;

/**
 * A LangChain4j {@link ChatRequest} as the chat body Workers AI documents ({@code messages},
 * {@code tools}, {@code response_format}, sampling parameters). What the model's schema does not
 * take is refused here with LangChain4j's {@link UnsupportedFeatureException} naming the model, rather
 * than dropped on the way.
 */
final class ChatRequests {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ChatRequests() {}

  static ObjectNode toJson(ChatCompletionModel model, ChatRequest request) {
    ObjectNode body = JSON.objectNode();
    ArrayNode messages = body.putArray("messages");
    request.messages().forEach(m -> messages.add(message(model, m)));
    putIfSet(body, "temperature", request.temperature());
    putIfSet(body, "top_p", request.topP());
    putIfSet(body, "top_k", request.topK());
    putIfSet(body, "frequency_penalty", request.frequencyPenalty());
    putIfSet(body, "presence_penalty", request.presencePenalty());
    putIfSet(body, "max_tokens", request.maxOutputTokens());
    List<ToolSpecification> tools = request.toolSpecifications();
    if (tools != null && !tools.isEmpty()) {
      if (!model.supportsTools()) {
        throw new UnsupportedFeatureException(model.modelId() + " does not take tools (its schema lists no \"tools\")");
      }
      ArrayNode array = body.putArray("tools");
      tools.forEach(t -> array.add(tool(t)));
      if (request.toolChoice() == ToolChoice.REQUIRED) {
        body.put("tool_choice", "required");
      }
    }
    responseFormat(model, request.responseFormat(), body);
    return body;
  }

  private static ObjectNode message(ChatCompletionModel model, ChatMessage message) {
    if (message instanceof SystemMessage system) {
      return JSON.objectNode().put("role", "system").put("content", system.text());
    }
    if (message instanceof UserMessage user) {
      if (!user.hasSingleText()) {
        throw new UnsupportedFeatureException(model.modelId() + ": only text user messages are supported (got "
            + user.contents().size() + " content parts)");
      }
      return JSON.objectNode().put("role", "user").put("content", user.singleText());
    }
    if (message instanceof AiMessage ai) {
      ObjectNode json = JSON.objectNode().put("role", "assistant").put("content", ai.text() == null ? "" : ai.text());
      if (ai.hasToolExecutionRequests()) {
        ArrayNode calls = json.putArray("tool_calls");
        for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
          ObjectNode c = calls.addObject();
          if (call.id() != null) {
            c.put("id", call.id());
          }
          c.put("type", "function").putObject("function").put("name", call.name()).put("arguments", call.arguments());
        }
      }
      return json;
    }
    if (message instanceof ToolExecutionResultMessage result) {
      ObjectNode json = JSON.objectNode().put("role", "tool").put("content", result.text());
      if (result.id() != null) {
        json.put("tool_call_id", result.id());
      }
      return json.put("name", result.toolName());
    }
    throw new UnsupportedFeatureException(model.modelId() + ": messages of type " + message.type() + " are not supported");
  }

  private static ObjectNode tool(ToolSpecification spec) {
    ObjectNode function = JSON.objectNode().put("name", spec.name());
    if (spec.description() != null) {
      function.put("description", spec.description());
    }
    function.set("parameters", spec.parameters() == null
        ? JSON.objectNode().put("type", "object").set("properties", JSON.objectNode())
        : MAPPER.valueToTree(JsonSchemaElementUtils.toMap(spec.parameters())));
    ObjectNode tool = JSON.objectNode().put("type", "function");
    tool.set("function", function);
    return tool;
  }

  private static void responseFormat(ChatCompletionModel model, ResponseFormat format, ObjectNode body) {
    if (format == null || format.type() == ResponseFormatType.TEXT) {
      return;
    }
    if (!model.supportsResponseFormat()) {
      throw new UnsupportedFeatureException(model.modelId()
          + " does not take a JSON response format (its schema lists no \"response_format\")");
    }
    ObjectNode json = body.putObject("response_format");
    if (format.jsonSchema() == null) {
      json.put("type", "json_object");
    } else {
      // Workers AI takes the schema itself as json_schema, not OpenAI's {name, schema} wrapper.
      json.put("type", "json_schema").set("json_schema", MAPPER.valueToTree(JsonSchemaElementUtils.toMap(format.jsonSchema().rootElement())));
    }
  }

  private static void putIfSet(ObjectNode body, String name, Number value) {
    if (value instanceof Integer i) {
      body.put(name, i);
    } else if (value != null) {
      body.put(name, value.doubleValue());
    }
  }
}
