package dev.workersai.emulator.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.emulator.catalog.EmulatedModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Deterministic answers in OpenAI's wire format for the {@code /ai/v1} endpoints: chat completions
 * (whole, or as {@code chat.completion.chunk} events ending with a usage chunk), embeddings and
 * Responses. A request that offers tools gets a call of the first one (or the one {@code tool_choice}
 * names) until the conversation holds a tool answer; then it gets text, so a round trip completes.
 * Requests are assumed checked by the caller.
 */
public final class OpenAiAnswers {
  /** Every answer claims the same creation time: answers depend on the request only. */
  static final long CREATED = 1_767_225_600L; // 2026-01-01T00:00:00Z

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private OpenAiAnswers() {}

  /** Whether {@code request} (a chat completion) gets a tool call rather than text. */
  public static boolean callsTool(JsonNode request) {
    JsonNode tools = request.path("tools");
    if (!tools.isArray() || tools.isEmpty() || "none".equals(request.path("tool_choice").asText())) {
      return false;
    }
    JsonNode messages = request.path("messages");
    for (JsonNode message : messages) {
      if ("tool".equals(message.path("role").asText())) {
        return false; // the tool has answered: now the model speaks
      }
    }
    return true;
  }

  /** The {@code chat.completion} for {@code request}. */
  public static ObjectNode chatCompletion(EmulatedModel model, JsonNode request) {
    String subject = chatSubject(request);
    ObjectNode answer = chatHeader(model, request, "chat.completion");
    ObjectNode choice = answer.putArray("choices").addObject().put("index", 0);
    ObjectNode message = choice.putObject("message").put("role", "assistant");
    String text;
    if (callsTool(request)) {
      message.putNull("content");
      message.putArray("tool_calls").add(toolCall(request, subject));
      choice.put("finish_reason", "tool_calls");
      text = message.get("tool_calls").toString();
    } else {
      text = text(model, request, subject);
      message.put("content", text);
      choice.put("finish_reason", "stop");
    }
    choice.putNull("logprobs");
    answer.set("usage", usage(subject, text));
    return answer;
  }

  /** The {@code chat.completion.chunk} events for {@code request}, the usage chunk last, without {@code [DONE]}. */
  public static List<JsonNode> chatCompletionChunks(EmulatedModel model, JsonNode request) {
    String subject = chatSubject(request);
    List<JsonNode> chunks = new ArrayList<>();
    String text;
    if (callsTool(request)) {
      ObjectNode call = toolCall(request, subject);
      String arguments = call.path("function").path("arguments").asText();
      ObjectNode head = call.deepCopy();
      head.put("index", 0);
      ((ObjectNode) head.get("function")).put("arguments", "");
      chunks.add(chunk(model, request, delta(true).set("tool_calls", NODES.arrayNode().add(head)), null));
      // The arguments arrive in two pieces, as real models split them.
      int half = arguments.length() / 2;
      for (String piece : new String[] {arguments.substring(0, half), arguments.substring(half)}) {
        ObjectNode part = NODES.objectNode().put("index", 0);
        part.putObject("function").put("arguments", piece);
        chunks.add(chunk(model, request, delta(false).set("tool_calls", NODES.arrayNode().add(part)), null));
      }
      chunks.add(chunk(model, request, delta(false), "tool_calls"));
      text = arguments;
    } else {
      text = text(model, request, subject);
      String[] pieces = pieces(text);
      for (int i = 0; i < pieces.length; i++) {
        chunks.add(chunk(model, request, delta(i == 0).put("content", pieces[i]), null));
      }
      chunks.add(chunk(model, request, delta(false), "stop"));
    }
    ObjectNode last = chatHeader(model, request, "chat.completion.chunk");
    last.putArray("choices");
    last.set("usage", usage(subject, text));
    chunks.add(last);
    return chunks;
  }

  /** The {@code list} of embeddings for {@code request}, as floats or, when asked, base64 float32. */
  public static ObjectNode embeddings(EmulatedModel model, JsonNode request) {
    List<String> texts = new ArrayList<>();
    JsonNode input = request.path("input");
    if (input.isArray()) {
      input.forEach(item -> texts.add(item.asText()));
    } else {
      texts.add(input.asText());
    }
    int dimensions = model.outputDimensions().orElse(AnswerFactory.FALLBACK_DIMENSIONS);
    boolean base64 = "base64".equals(request.path("encoding_format").asText());
    ObjectNode answer = NODES.objectNode().put("object", "list");
    ArrayNode data = answer.putArray("data");
    int tokens = 0;
    for (int i = 0; i < texts.size(); i++) {
      ArrayNode vector = AnswerFactory.vector(texts.get(i), dimensions);
      ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
      if (base64) {
        item.put("embedding", base64(vector));
      } else {
        item.set("embedding", vector);
      }
      tokens += TextSynth.tokens(texts.get(i));
    }
    answer.put("model", model.id());
    answer.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
    return answer;
  }

  /** The Responses API {@code response} for {@code request}: a reasoning item, then the message. */
  public static ObjectNode response(EmulatedModel model, JsonNode request) {
    String subject = responsesSubject(request.path("input"));
    String text = TextSynth.reply(model.id(), subject);
    String id = id(model, request);
    ObjectNode answer = NODES.objectNode().put("id", "resp_" + id).put("object", "response")
        .put("created_at", CREATED).put("model", model.id()).put("status", "completed");
    ArrayNode output = answer.putArray("output");
    ObjectNode reasoning = output.addObject().put("type", "reasoning").put("id", "rs_" + id);
    reasoning.putArray("summary");
    reasoning.putArray("content").addObject().put("type", "reasoning_text")
        .put("text", "Emulated reasoning (effort " + request.path("reasoning").path("effort").asText("medium") + ").");
    ObjectNode message = output.addObject().put("type", "message").put("id", "msg_" + id)
        .put("role", "assistant").put("status", "completed");
    message.putArray("content").addObject().put("type", "output_text").put("text", text).putArray("annotations");
    ObjectNode usage = usage(subject, text);
    answer.putObject("usage").put("input_tokens", usage.get("prompt_tokens").asInt())
        .put("output_tokens", usage.get("completion_tokens").asInt())
        .put("total_tokens", usage.get("total_tokens").asInt());
    return answer;
  }

  /**
   * The answer text: plain, or JSON under {@code response_format} ({@code json_object}: the text as
   * {@code {"response": ...}}; {@code json_schema}: an object with a value for each property of the schema).
   */
  private static String text(EmulatedModel model, JsonNode request, String subject) {
    String reply = TextSynth.reply(model.id(), subject);
    JsonNode format = request.path("response_format");
    return switch (format.path("type").asText("text")) {
      case "json_object" -> NODES.objectNode().put("response", reply).toString();
      case "json_schema" -> arguments(format.path("json_schema").path("schema"), subject).toString();
      default -> reply;
    };
  }

  /** Stream pieces: words for text, and JSON in two halves (its spaces belong to the JSON). */
  private static String[] pieces(String text) {
    if (text.startsWith("{")) {
      int half = text.length() / 2;
      return new String[] {text.substring(0, half), text.substring(half)};
    }
    return TextSynth.pieces(text);
  }

  private static ObjectNode chatHeader(EmulatedModel model, JsonNode request, String object) {
    return NODES.objectNode().put("id", "chatcmpl-" + id(model, request)).put("object", object)
        .put("created", CREATED).put("model", model.id());
  }

  private static ObjectNode chunk(EmulatedModel model, JsonNode request, JsonNode delta, String finishReason) {
    ObjectNode chunk = chatHeader(model, request, "chat.completion.chunk");
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
    choice.set("delta", delta);
    choice.putNull("logprobs");
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    return chunk;
  }

  private static ObjectNode delta(boolean first) {
    ObjectNode delta = NODES.objectNode();
    if (first) {
      delta.put("role", "assistant");
    }
    return delta;
  }

  /** A call of the tool {@code tool_choice} names, else the first, with arguments fitting its parameters. */
  private static ObjectNode toolCall(JsonNode request, String subject) {
    JsonNode tools = request.path("tools");
    String wanted = request.path("tool_choice").path("function").path("name").asText(null);
    JsonNode chosen = tools.get(0);
    for (JsonNode tool : tools) {
      if (wanted != null && wanted.equals(tool.path("function").path("name").asText())) {
        chosen = tool;
      }
    }
    JsonNode function = chosen.has("function") ? chosen.get("function") : chosen; // the flat form has no wrapper
    ObjectNode call = NODES.objectNode();
    call.put("id", "call_" + UUID.nameUUIDFromBytes((subject + function.path("name").asText())
        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString().replace("-", "").substring(0, 24));
    call.put("type", "function");
    call.putObject("function").put("name", function.path("name").asText())
        .put("arguments", arguments(function.path("parameters"), subject).toString());
    return call;
  }

  /** Arguments with every declared property, a value of its type: what a tool's parameters allow. */
  private static ObjectNode arguments(JsonNode parameters, String subject) {
    ObjectNode arguments = NODES.objectNode();
    for (Map.Entry<String, JsonNode> property : parameters.path("properties").properties()) {
      JsonNode schema = property.getValue();
      if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
        arguments.set(property.getKey(), schema.path("enum").get(0));
        continue;
      }
      switch (schema.path("type").asText("string")) {
        case "integer" -> arguments.put(property.getKey(), 1);
        case "number" -> arguments.put(property.getKey(), 1.5);
        case "boolean" -> arguments.put(property.getKey(), true);
        case "array" -> arguments.putArray(property.getKey());
        case "object" -> arguments.putObject(property.getKey());
        default -> arguments.put(property.getKey(), firstWords(subject));
      }
    }
    return arguments;
  }

  private static String firstWords(String subject) {
    String[] words = subject.trim().split("\\s+", 4);
    return String.join(" ", java.util.Arrays.copyOf(words, Math.min(3, words.length)));
  }

  /** The text of the last user message (string content, or its text parts). */
  private static String chatSubject(JsonNode request) {
    String subject = "";
    for (JsonNode message : request.path("messages")) {
      if ("user".equals(message.path("role").asText()) || subject.isEmpty()) {
        subject = text(message.path("content"));
      }
    }
    return subject;
  }

  private static String responsesSubject(JsonNode input) {
    if (input.isTextual()) {
      return input.asText();
    }
    String subject = "";
    for (JsonNode item : input) {
      if (!"assistant".equals(item.path("role").asText())) {
        subject = text(item.path("content"));
      }
    }
    return subject;
  }

  private static String text(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) {
      if (part.has("text")) {
        text.append(text.length() == 0 ? "" : " ").append(part.get("text").asText());
      }
    }
    return text.toString();
  }

  private static String id(EmulatedModel model, JsonNode request) {
    return UUID.nameUUIDFromBytes((model.id() + request).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .toString().replace("-", "");
  }

  private static ObjectNode usage(String subject, String text) {
    int prompt = TextSynth.tokens(subject);
    int completion = TextSynth.tokens(text);
    return NODES.objectNode().put("prompt_tokens", prompt).put("completion_tokens", completion)
        .put("total_tokens", prompt + completion);
  }

  private static String base64(ArrayNode vector) {
    ByteBuffer bytes = ByteBuffer.allocate(vector.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
    vector.forEach(value -> bytes.putFloat((float) value.asDouble()));
    return Base64.getEncoder().encodeToString(bytes.array());
  }
}
