package dev.workersai.runtime;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One model answer, read whole: either the {@code result} of a JSON envelope or a binary body. The
 * kind is decided by the response's {@code Content-Type}, never by the model name.
 */
public interface ModelResponse {
  /** The response's media type, without parameters, such as {@code application/json}. */
  String contentType();

  /** Whether the answer was a JSON envelope (then {@link #result()} is its {@code result}). */
  boolean isJson();

  /** The envelope's {@code result}; throws {@link WorkersAiException} when the answer is binary. */
  JsonNode result();

  /** The result converted to {@code type}; a binary answer converts to {@link BinaryOutput}. */
  <T> T as(Class<T> type);

  /** The result converted to a generic type. */
  <T> T as(TypeReference<T> type);

  /** The binary body; throws {@link WorkersAiException} when the answer is JSON. */
  BinaryOutput binary();

  /** Status, request ids and AI Gateway headers of the response. */
  ResponseMetadata metadata();
}
