package dev.workersai.runtime.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workersai.runtime.BinaryOutput;
import dev.workersai.runtime.InvalidResponseException;
import dev.workersai.runtime.ModelResponse;
import dev.workersai.runtime.ResponseMetadata;
import dev.workersai.runtime.WorkersAiException;
import java.io.IOException;
import java.util.Objects;

/** A whole answer: the unwrapped JSON {@code result}, or a binary body. Immutable once built. */
public final class RealModelResponse implements ModelResponse {
  private final String modelId;
  private final String contentType;
  private final JsonNode result;
  private final BinaryOutput binary;
  private final ResponseMetadata metadata;
  private final ObjectMapper mapper;
  private final Redactor redactor;

  private RealModelResponse(
      String modelId, String contentType, JsonNode result, BinaryOutput binary, ResponseMetadata metadata,
      ObjectMapper mapper, Redactor redactor) {
    this.modelId = modelId;
    this.contentType = contentType;
    this.result = result;
    this.binary = binary;
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.mapper = mapper;
    this.redactor = Objects.requireNonNull(redactor, "redactor");
  }

  /** A JSON answer whose envelope {@code result} is {@code result}. */
  public static RealModelResponse json(String modelId, String contentType, JsonNode result, ResponseMetadata metadata,
      ObjectMapper mapper, Redactor redactor) {
    return new RealModelResponse(modelId, contentType, Objects.requireNonNull(result, "result"), null, metadata, mapper,
        redactor);
  }

  /** A binary answer. */
  public static RealModelResponse binary(String modelId, BinaryOutput binary, ResponseMetadata metadata,
      ObjectMapper mapper, Redactor redactor) {
    return new RealModelResponse(modelId, binary.contentType(), null, binary, metadata, mapper, redactor);
  }

  @Override
  public String contentType() {
    return contentType;
  }

  @Override
  public boolean isJson() {
    return result != null;
  }

  @Override
  public JsonNode result() {
    if (result == null) {
      throw new WorkersAiException(redactor.redact("model " + modelId + ": the answer is binary (" + contentType
          + "), not JSON; use binary()"));
    }
    return result;
  }

  @Override
  public <T> T as(Class<T> type) {
    Objects.requireNonNull(type, "type");
    if (binary != null) {
      if (type == BinaryOutput.class) {
        return type.cast(binary);
      }
      if (type == byte[].class) {
        return type.cast(binary.bytes());
      }
      throw new WorkersAiException(redactor.redact("model " + modelId + ": the answer is binary (" + contentType
          + "); it converts to BinaryOutput or byte[], not " + type.getName()));
    }
    if (type == JsonNode.class) {
      return type.cast(result);
    }
    try {
      return mapper.treeToValue(result, type);
    } catch (IOException | IllegalArgumentException e) {
      throw cannotRead(type.getTypeName(), e);
    }
  }

  @Override
  public <T> T as(TypeReference<T> type) {
    Objects.requireNonNull(type, "type");
    JsonNode json = result();
    try {
      return mapper.readerFor(type).readValue(json);
    } catch (IOException | IllegalArgumentException e) {
      throw cannotRead(type.getType().getTypeName(), e);
    }
  }

  @Override
  public BinaryOutput binary() {
    if (binary == null) {
      throw new WorkersAiException(redactor.redact("model " + modelId + ": the answer is JSON (" + contentType
          + "), not binary; use result() or as(..)"));
    }
    return binary;
  }

  @Override
  public ResponseMetadata metadata() {
    return metadata;
  }

  @Override
  public String toString() {
    return redactor.redact("ModelResponse[" + modelId + ", " + contentType + ", "
        + (binary != null ? binary.bytes().length + " bytes" : "json") + ", HTTP " + metadata.httpStatus() + "]");
  }

  /** The mapper's message quotes values of the result, which may echo the request. */
  private WorkersAiException cannotRead(String typeName, Exception e) {
    return new InvalidResponseException(redactor.redact("model " + modelId + ": cannot read the result as " + typeName
        + ": " + e.getMessage()), redactor.redactCause(e), WorkersAiException.Details.forModel(modelId));
  }
}
