package dev.workersai.generator.emit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import dev.workersai.runtime.Batch;
import dev.workersai.runtime.BinaryBody;
import dev.workersai.runtime.BinaryOutput;
import dev.workersai.runtime.Bytes;
import dev.workersai.runtime.CallOptions;
import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.ModelInput;
import dev.workersai.runtime.ModelResponse;
import dev.workersai.runtime.RequestPayload;
import dev.workersai.runtime.StreamChunk;
import dev.workersai.runtime.WorkersAi;
import dev.workersai.runtime.WorkersAiException;
import dev.workersai.runtime.json.BytesUint8Serializer;
import dev.workersai.runtime.json.Checks;
import dev.workersai.runtime.json.Copies;
import dev.workersai.runtime.json.UnionDeserializer;
import dev.workersai.runtime.model.ModelDescriptor;
import dev.workersai.runtime.model.RateLimit;
import dev.workersai.runtime.model.WorkersAiModel;
import dev.workersai.runtime.task.EmbeddingModel;
import dev.workersai.runtime.task.TaskCalls;
import dev.workersai.runtime.task.TextGenerationModel;
import java.util.List;
import java.util.Map;

/**
 * The classes generated code refers to. Taken from the classes themselves, so renaming one in the
 * runtime breaks the generator's compile rather than the generated code.
 */
final class Refs {
  static final String GENERATOR_NAME = "dev.workersai.generator";

  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final ClassName WORKERS_AI = ClassName.get(WorkersAi.class);
  static final ClassName WORKERS_AI_MODEL = ClassName.get(WorkersAiModel.class);
  static final ClassName RATE_LIMIT = ClassName.get(RateLimit.class);
  static final ClassName RATE_LIMIT_SOURCE = ClassName.get(RateLimit.Source.class);
  static final ClassName MODEL_DESCRIPTOR = ClassName.get(ModelDescriptor.class);
  static final ClassName MODEL_INPUT = ClassName.get(ModelInput.class);
  static final ClassName MODEL_RESPONSE = ClassName.get(ModelResponse.class);
  static final ClassName REQUEST_PAYLOAD = ClassName.get(RequestPayload.class);
  static final ClassName BINARY_BODY = ClassName.get(BinaryBody.class);
  static final ClassName BINARY_OUTPUT = ClassName.get(BinaryOutput.class);
  static final ClassName CALL_OPTIONS = ClassName.get(CallOptions.class);
  static final ClassName CHUNK_STREAM = ClassName.get(ChunkStream.class);
  static final ClassName STREAM_CHUNK = ClassName.get(StreamChunk.class);
  static final ClassName BATCH = ClassName.get(Batch.class);
  static final ClassName BYTES = ClassName.get(Bytes.class);
  static final ClassName COPIES = ClassName.get(Copies.class);
  static final ClassName WORKERS_AI_EXCEPTION = ClassName.get(WorkersAiException.class);
  static final ClassName TEXT_GENERATION_MODEL = ClassName.get(TextGenerationModel.class);
  static final ClassName EMBEDDING_MODEL = ClassName.get(EmbeddingModel.class);
  static final ClassName TASK_CALLS = ClassName.get(TaskCalls.class);
  static final ClassName CHECKS = ClassName.get(Checks.class);
  static final ClassName UNION_DESERIALIZER = ClassName.get(UnionDeserializer.class);
  static final ClassName UNION_BRANCH = ClassName.get(UnionDeserializer.Branch.class);
  static final ClassName UNION_KIND = ClassName.get(UnionDeserializer.JsonKind.class);
  /** Writes {@code Bytes} as a JSON array of integers 0..255 (reading takes either form by itself). */
  static final ClassName UINT8_SERIALIZER = ClassName.get(BytesUint8Serializer.class);
  static final ClassName JSON_NODE = ClassName.get(JsonNode.class);
  static final ClassName JSON_PROPERTY = ClassName.get(JsonProperty.class);
  static final ClassName JSON_PROPERTY_ORDER = ClassName.get(JsonPropertyOrder.class);
  static final ClassName JSON_VALUE = ClassName.get(JsonValue.class);
  static final ClassName JSON_CREATOR = ClassName.get(JsonCreator.class);
  static final ClassName JSON_INCLUDE = ClassName.get(JsonInclude.class);
  static final ClassName JSON_IGNORE_PROPERTIES = ClassName.get(JsonIgnoreProperties.class);
  static final ClassName JSON_DESERIALIZE = ClassName.get(JsonDeserialize.class);
  static final ClassName JSON_SERIALIZE = ClassName.get(JsonSerialize.class);
  static final ClassName JSON_DESERIALIZER_NONE = ClassName.get(JsonDeserializer.None.class);
  static final ClassName TYPE_REFERENCE = ClassName.get(TypeReference.class);

  static final ClassName STRING = ClassName.get(String.class);
  static final ClassName LONG = ClassName.get(Long.class);
  static final ClassName DOUBLE = ClassName.get(Double.class);
  static final ClassName BOOLEAN = ClassName.get(Boolean.class);
  static final ClassName LIST = ClassName.get(List.class);
  static final ClassName MAP = ClassName.get(Map.class);

  // The annotations below are the same on every use; specs are immutable, so each is built once.

  /** {@code @Generated("dev.workersai.generator")}: no date, so output stays byte-identical. */
  static final AnnotationSpec GENERATED_BY_US =
      AnnotationSpec.builder(GENERATED).addMember("value", "$S", GENERATOR_NAME).build();

  /** {@code @Override}. */
  static final AnnotationSpec OVERRIDE = AnnotationSpec.builder(Override.class).build();

  /** {@code @JsonCreator(mode = DELEGATING)}: the record reads from the bare JSON value. */
  static final AnnotationSpec DELEGATING_CREATOR =
      AnnotationSpec.builder(JSON_CREATOR).addMember("mode", "$T.Mode.DELEGATING", JSON_CREATOR).build();

  /** Optional fields are left off the wire rather than sent as {@code null}. */
  static final AnnotationSpec INCLUDE_NON_NULL =
      AnnotationSpec.builder(JSON_INCLUDE).addMember("value", "$T.Include.NON_NULL", JSON_INCLUDE).build();

  /** Answers may carry fields a refreshed catalog adds: reading them must not fail. */
  static final AnnotationSpec IGNORE_UNKNOWN =
      AnnotationSpec.builder(JSON_IGNORE_PROPERTIES).addMember("ignoreUnknown", "true").build();

  /** Stops a union branch from inheriting its interface's union deserializer. */
  static final AnnotationSpec PLAIN_DESERIALIZER =
      AnnotationSpec.builder(JSON_DESERIALIZE).addMember("using", "$T.class", JSON_DESERIALIZER_NONE).build();

  /** Writes {@code Bytes} as a JSON array of integers 0..255. */
  static final AnnotationSpec SERIALIZE_UINT8 =
      AnnotationSpec.builder(JSON_SERIALIZE).addMember("using", "$T.class", UINT8_SERIALIZER).build();

  private Refs() {}

  /** {@code @JsonProperty("wire name")}. */
  static AnnotationSpec jsonProperty(String wireName) {
    return AnnotationSpec.builder(JSON_PROPERTY).addMember("value", "$L", Docs.literal(wireName)).build();
  }
}
