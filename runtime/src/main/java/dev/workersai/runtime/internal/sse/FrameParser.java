package dev.workersai.runtime.internal.sse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.workersai.runtime.ApiError;
import dev.workersai.runtime.InvalidResponseException;
import dev.workersai.runtime.StreamChunk;
import dev.workersai.runtime.WorkersAiException;
import dev.workersai.runtime.internal.ErrorMapper;
import dev.workersai.runtime.internal.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the data of one server-sent event from a Workers AI stream: the {@code [DONE]} terminator,
 * an error the server reports inside the stream, or a chunk. Errors name the model and quote the
 * offending data, shortened and redacted (a server may echo the request's credentials in a frame).
 */
final class FrameParser {
  /** The literal data of the event that ends a Workers AI stream. */
  static final String DONE = "[DONE]";

  /** How much of a bad frame an exception message quotes. */
  private static final int QUOTE_LIMIT = 200;

  private static final ObjectReader JSON = new ObjectMapper().reader();

  private FrameParser() {}

  static boolean isDone(SseEvent event) {
    return DONE.equals(event.data().strip());
  }

  /**
   * The chunk an event carries.
   *
   * @param stream the model and response the event came from, attached to any exception
   * @param redactor applied to every message and error text taken from the frame
   * @throws InvalidResponseException when the data is not a JSON object
   * @throws WorkersAiException when the server reports an error ({@code event: error}, a non-empty
   *     {@code errors} array, or an {@code error} member); its {@code errors()} hold the codes
   */
  static StreamChunk parse(SseEvent event, WorkersAiException.Details stream, Redactor redactor) {
    String modelId = stream.modelId();
    JsonNode frame;
    try {
      frame = JSON.readTree(event.data());
    } catch (JsonProcessingException e) {
      throw new InvalidResponseException(redactor.redact(
          "model " + modelId + " sent a malformed stream chunk (not JSON: "
              + e.getOriginalMessage() + "): " + quote(event.data())), null, stream);
    }
    if (frame == null || !frame.isObject()) {
      throw new InvalidResponseException(redactor.redact(
          "model " + modelId + " sent a stream chunk that is not a JSON object: " + quote(event.data())),
          null, stream);
    }
    if ("error".equals(event.type()) || carriesError(frame)) {
      List<ApiError> errors = errors(frame, redactor);
      String detail = errors.isEmpty()
          ? event.data()
          : errors.stream().map(ApiError::toString).collect(Collectors.joining("; "));
      throw new WorkersAiException(
          redactor.redact("model " + modelId + " reported an error mid-stream: " + quote(detail)), null,
          new WorkersAiException.Details(stream.httpStatus(), errors, modelId, stream.rayId()));
    }
    return ChunkNormalizer.fromStreamFrame(frame);
  }

  private static boolean carriesError(JsonNode frame) {
    JsonNode errors = frame.get("errors");
    JsonNode error = frame.get("error");
    return (errors != null && errors.isArray() && !errors.isEmpty())
        || (error != null && !error.isNull() && !(error.isBoolean() && !error.booleanValue()));
  }

  /** The reported errors: the envelope-style {@code errors} array, then an OpenAI-style {@code error}. */
  private static List<ApiError> errors(JsonNode frame, Redactor redactor) {
    List<ApiError> errors = new ArrayList<>(ErrorMapper.parseErrors(frame.get("errors"), redactor));
    JsonNode error = frame.get("error");
    if (error != null && (error.isObject() || error.isTextual())) {
      JsonNode wrapped = JsonNodeFactory.instance.arrayNode().add(error);
      errors.addAll(ErrorMapper.parseErrors(wrapped, redactor));
    }
    return errors;
  }

  /** The text, cut to {@value #QUOTE_LIMIT} characters with the full length noted when longer. */
  static String quote(String text) {
    if (text.length() <= QUOTE_LIMIT) {
      return text;
    }
    return text.substring(0, QUOTE_LIMIT) + "... (" + text.length() + " chars)";
  }
}
