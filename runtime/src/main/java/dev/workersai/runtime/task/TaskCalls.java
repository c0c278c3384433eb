package dev.workersai.runtime.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.ModelResponse;
import dev.workersai.runtime.StreamChunk;
import dev.workersai.runtime.WorkersAiException;
import dev.workersai.runtime.internal.sse.SseChunkStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

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
    if (!result.isTextual() && !result.has("response") && !result.path("choices").isArray()) {
      throw new WorkersAiException(modelId + " answered without text (fields: " + fieldNames(result) + ")",
          null, WorkersAiException.Details.forModel(modelId));
    }
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

  private static String fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names.isEmpty() ? node.getNodeType().name().toLowerCase(Locale.ROOT) : String.join(", ", names);
  }
}
