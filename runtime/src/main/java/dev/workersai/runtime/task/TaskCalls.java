package dev.workersai.runtime.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.runtime.Binary;
import dev.workersai.runtime.BinaryBody;
import dev.workersai.runtime.BinaryOutput;
import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.ModelResponse;
import dev.workersai.runtime.StreamAccumulator;
import dev.workersai.runtime.StreamChunk;
import dev.workersai.runtime.WorkersAiException;
import dev.workersai.runtime.internal.sse.SseChunkStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What generated classes use to implement the task interfaces on any schema that fits: the common
 * request bodies of a task, read into the model's own typed {@code Input} (so they are checked like
 * any other input), and the task's value read out of whichever answer shape the model uses.
 */
public final class TaskCalls {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private TaskCalls() {}

  /**
   * The prompt form of a text generation input.
   *
   * @param prompt the prompt
   * @return {@code {"prompt": prompt}}
   */
  public static ObjectNode prompt(String prompt) {
    return JSON.objectNode().put("prompt", Objects.requireNonNull(prompt, "prompt"));
  }

  /**
   * The chat form of a text generation input: one user message.
   *
   * @param text the message
   * @return {@code {"messages": [{"role": "user", "content": text}]}}
   */
  public static ObjectNode userMessage(String text) {
    ObjectNode message = JSON.objectNode().put("role", "user").put("content", Objects.requireNonNull(text, "text"));
    ObjectNode input = JSON.objectNode();
    input.putArray("messages").add(message);
    return input;
  }

  /**
   * The input of an embedding model.
   *
   * @param texts the texts
   * @return {@code {"text": [texts...]}}
   */
  public static ObjectNode texts(List<String> texts) {
    ObjectNode input = JSON.objectNode();
    ArrayNode array = input.putArray("text");
    texts.forEach(t -> array.add(Objects.requireNonNull(t, "texts must not hold null")));
    return input;
  }

  /**
   * A request with one string property, such as {@code {"text": text}} for a text-to-speech model.
   *
   * @param property the property's name
   * @param value its value
   * @return {@code {property: value}}
   */
  public static ObjectNode field(String property, String value) {
    return JSON.objectNode().put(property, Objects.requireNonNull(value, property));
  }

  /**
   * The input of a reranker.
   *
   * @param query the query
   * @param texts the texts to score
   * @return {@code {"query": query, "contexts": [{"text": t}, ...]}}
   */
  public static ObjectNode contexts(String query, List<String> texts) {
    ObjectNode input = JSON.objectNode().put("query", Objects.requireNonNull(query, "query"));
    ArrayNode contexts = input.putArray("contexts");
    texts.forEach(t -> contexts.addObject().put("text", Objects.requireNonNull(t, "texts must not hold null")));
    return input;
  }

  /**
   * The input of a translation model.
   *
   * @param text the text
   * @param sourceLanguage its language, or null to leave {@code source_lang} out
   * @param targetLanguage the language to translate into
   * @return {@code {"text": text, "source_lang": sourceLanguage, "target_lang": targetLanguage}}
   */
  public static ObjectNode translation(String text, String sourceLanguage, String targetLanguage) {
    ObjectNode input = JSON.objectNode().put("text", Objects.requireNonNull(text, "text"));
    if (sourceLanguage != null) {
      input.put("source_lang", sourceLanguage);
    }
    return input.put("target_lang", Objects.requireNonNull(targetLanguage, "targetLanguage"));
  }

  /**
   * Audio inside a JSON input, as base64; read into a bytes property it travels in the model's own
   * convention (a base64 string or an array of integers 0..255).
   *
   * @param audio the recording
   * @return {@code {"audio": "<base64>"}}
   */
  public static ObjectNode audioJson(byte[] audio) {
    return JSON.objectNode().put("audio", Binary.base64(Objects.requireNonNull(audio, "audio")));
  }

  /**
   * Audio as the request body, for a model whose {@code audio} is a {@code {body, contentType}}
   * property. The body is held as an embedded value, which Jackson hands as it is to the input's
   * {@code BinaryBody} property when the request is read into the model's {@code Input}.
   *
   * @param audio the recording
   * @param contentType its media type
   * @return {@code {"audio": BinaryBody}}
   */
  public static ObjectNode audioBody(byte[] audio, String contentType) {
    ObjectNode input = JSON.objectNode();
    input.putPOJO("audio", BinaryBody.of(Objects.requireNonNull(audio, "audio"),
        Objects.requireNonNull(contentType, "contentType")));
    return input;
  }

  /**
   * The text of a whole text generation answer, in the native ({@code response}), the OpenAI chat
   * ({@code choices[0].message.content}) or the OpenAI Responses shape (the {@code output_text}
   * parts of {@code output[]} messages).
   *
   * @param modelId the model, for the error
   * @param response the answer
   * @return the text
   * @throws WorkersAiException naming the model when the answer carries no text (a queued request,
   *     another form)
   */
  public static String text(String modelId, ModelResponse response) {
    JsonNode result = response.result();
    if (!result.has("response") && !result.has("choices") && result.path("output").isArray()) {
      return responsesText(result.path("output"));
    }
    requireText(modelId, result);
    try (ChunkStream<StreamChunk> chunks = SseChunkStreams.fromJsonResult(result, modelId)) {
      StringBuilder text = new StringBuilder();
      chunks.forEach(c -> text.append(c.response()));
      return text.toString();
    }
  }

  private static String responsesText(JsonNode output) {
    StringBuilder text = new StringBuilder();
    for (JsonNode item : output) {
      if ("message".equals(item.path("type").asText())) {
        for (JsonNode part : item.path("content")) {
          if ("output_text".equals(part.path("type").asText())) {
            text.append(part.path("text").asText(""));
          }
        }
      }
    }
    return text.toString();
  }

  /**
   * The vectors of an embedding answer's {@code data}.
   *
   * @param modelId the model, for the error
   * @param response the answer
   * @return one vector per input text
   * @throws WorkersAiException naming the model when the answer has no {@code data} list of vectors
   */
  public static List<List<Double>> vectors(String modelId, ModelResponse response) {
    JsonNode data = response.result().path("data");
    if (!data.isArray()) {
      throw new WorkersAiException(modelId + " answered without \"data\" (fields: " + fieldNames(response.result()) + ")",
          null, WorkersAiException.Details.forModel(modelId));
    }
    List<List<Double>> vectors = new ArrayList<>(data.size());
    for (JsonNode row : data) {
      if (!row.isArray()) {
        throw new WorkersAiException(modelId + " answered a \"data\" entry that is not a vector",
            null, WorkersAiException.Details.forModel(modelId));
      }
      List<Double> vector = new ArrayList<>(row.size());
      row.forEach(v -> vector.add(v.asDouble()));
      vectors.add(List.copyOf(vector));
    }
    return List.copyOf(vectors);
  }

  /**
   * A whole chat answer: text, tool calls, usage and finish reason, in the native, the OpenAI chat
   * or the OpenAI Responses shape (the latter's text only).
   *
   * @param modelId the model, for the error
   * @param response the answer
   * @return the answer
   * @throws WorkersAiException naming the model when the answer carries neither text nor tool calls
   */
  public static ChatAnswer answer(String modelId, ModelResponse response) {
    JsonNode result = response.result();
    if (!result.has("response") && !result.has("choices") && result.path("output").isArray()) {
      return new ChatAnswer(responsesText(result.path("output")), "", List.of(), Optional.empty(), Optional.empty());
    }
    if (!result.path("tool_calls").isArray()) {
      requireText(modelId, result);
    }
    return ChatAnswer.of(StreamAccumulator.collect(SseChunkStreams.fromJsonResult(result, modelId)));
  }

  /**
   * The image or audio of an answer: a binary body as it is, or the base64 string in the JSON
   * answer's {@code property} (such as flux's {@code image} or melotts's {@code audio}).
   *
   * @param modelId the model, for the error
   * @param response the answer
   * @param property the JSON property holding base64
   * @return the bytes, with the response's content type or the one recognised from the bytes
   * @throws WorkersAiException naming the model and the property when the JSON answer lacks it or
   *     it is not base64
   */
  public static BinaryOutput media(String modelId, ModelResponse response, String property) {
    if (!response.isJson()) {
      return response.binary();
    }
    JsonNode value = response.result().path(property);
    if (!value.isTextual()) {
      throw new WorkersAiException(modelId + " answered without \"" + property + "\" (fields: "
          + fieldNames(response.result()) + ")", null, WorkersAiException.Details.forModel(modelId));
    }
    try {
      return Binary.fromBase64(value.textValue());
    } catch (IllegalArgumentException e) {
      throw new WorkersAiException(modelId + " answered \"" + property + "\" that is not base64: " + e.getMessage(),
          e, WorkersAiException.Details.forModel(modelId));
    }
  }

  /**
   * The scores of a reranker's answer, {@code response: [{"id": i, "score": s}, ...]}, put back in
   * the order of the texts sent (the {@code id} is a text's index).
   *
   * @param modelId the model, for the error
   * @param response the answer
   * @param count how many texts were sent
   * @return one score per text
   * @throws WorkersAiException naming the model when an entry is malformed, names an index out of
   *     range, or a text got no score
   */
  public static List<Double> scores(String modelId, ModelResponse response, int count) {
    JsonNode entries = response.result().path("response");
    if (!entries.isArray()) {
      throw new WorkersAiException(modelId + " answered without \"response\" scores (fields: "
          + fieldNames(response.result()) + ")", null, WorkersAiException.Details.forModel(modelId));
    }
    Double[] scores = new Double[count];
    for (int i = 0; i < entries.size(); i++) {
      JsonNode id = entries.get(i).path("id");
      JsonNode score = entries.get(i).path("score");
      if (!id.canConvertToInt() || !id.isIntegralNumber() || id.intValue() < 0 || id.intValue() >= count || !score.isNumber()) {
        throw new WorkersAiException(modelId + " answered /response/" + i + " without an \"id\" below " + count
            + " and a numeric \"score\": " + entries.get(i), null, WorkersAiException.Details.forModel(modelId));
      }
      scores[id.intValue()] = score.doubleValue();
    }
    for (int i = 0; i < count; i++) {
      if (scores[i] == null) {
        throw new WorkersAiException(modelId + " answered no score for text " + i + " of " + count,
            null, WorkersAiException.Details.forModel(modelId));
      }
    }
    return List.of(scores);
  }

  /**
   * The transcript of a speech recognition answer: {@code text} (Whisper), else
   * {@code results.channels[0].alternatives[0].transcript} (Deepgram).
   *
   * @param modelId the model, for the error
   * @param response the answer
   * @return the transcript
   * @throws WorkersAiException naming the model when the answer has neither
   */
  public static String transcript(String modelId, ModelResponse response) {
    JsonNode result = response.result();
    if (result.path("text").isTextual()) {
      return result.path("text").textValue();
    }
    JsonNode deepgram = result.path("results").path("channels").path(0).path("alternatives").path(0).path("transcript");
    if (deepgram.isTextual()) {
      return deepgram.textValue();
    }
    throw new WorkersAiException(modelId + " answered without a transcript (fields: " + fieldNames(result) + ")",
        null, WorkersAiException.Details.forModel(modelId));
  }

  /**
   * The {@code translated_text} of a translation answer.
   *
   * @param modelId the model, for the error
   * @param response the answer
   * @return the translation
   * @throws WorkersAiException naming the model when the answer lacks it
   */
  public static String translated(String modelId, ModelResponse response) {
    JsonNode text = response.result().path("translated_text");
    if (!text.isTextual()) {
      throw new WorkersAiException(modelId + " answered without \"translated_text\" (fields: "
          + fieldNames(response.result()) + ")", null, WorkersAiException.Details.forModel(modelId));
    }
    return text.textValue();
  }

  private static void requireText(String modelId, JsonNode result) {
    if (!result.isTextual() && !result.has("response") && !result.path("choices").isArray()) {
      throw new WorkersAiException(modelId + " answered without text (fields: " + fieldNames(result) + ")",
          null, WorkersAiException.Details.forModel(modelId));
    }
  }

  private static String fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names.isEmpty() ? node.getNodeType().name().toLowerCase(Locale.ROOT) : String.join(", ", names);
  }
}
