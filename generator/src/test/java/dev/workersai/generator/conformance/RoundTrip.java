package dev.workersai.generator.conformance;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.sample.SchemaSampler;
import dev.workersai.runtime.BinaryBody;
import dev.workersai.runtime.BinaryOutput;
import dev.workersai.runtime.ModelInput;
import dev.workersai.runtime.RequestPayload;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Exercises one generated model class against its original catalog schema: a sample input built
 * from the schema's required fields is read into the generated input type, validated and sent
 * through {@code toPayload()}; what would go on the wire must validate against the original input
 * schema. A sample output built from the output schema must read into the generated output type.
 */
final class RoundTrip {
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

  private final ObjectMapper mapper;

  RoundTrip(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Throws an {@link AssertionError} or the failing exception when the class does not fit its schema. */
  void check(CatalogModel model, Class<?> modelClass) throws Exception {
    if (!model.hasSchema()) {
      if (modelClass.getField("SCHEMA_PUBLISHED").getBoolean(null)) {
        throw new AssertionError("a model without a published schema says it has one");
      }
      return;
    }
    Class<?> input = nested(modelClass, "Input").orElseThrow(() -> new AssertionError("no Input type"));
    checkInput(model.inputSchema().get(), input);
    Method run = Arrays.stream(modelClass.getMethods()).filter(m -> m.getName().equals("run")).findFirst()
        .orElseThrow(() -> new AssertionError("no run method"));
    checkOutput(model.outputSchema().get(), modelClass, run.getGenericReturnType());
    if (!isMultipartOrBinary(input)) {
      branches += checkBranches(withoutBatchForm(jsonPart(model.inputSchema().get())), input, true);
      if (checkConversation(withoutBatchForm(jsonPart(model.inputSchema().get())), input)) {
        conversations.add(model.id());
      }
    }
    Type output = run.getGenericReturnType();
    if (output instanceof Class<?> c && (c.isRecord() || c.isInterface()) && nested(c, "Binary").isEmpty()
        && c != JsonNode.class && c != BinaryOutput.class) {
      branches += checkBranches(withoutAcknowledgement(jsonPart(model.outputSchema().get())), c, false);
    }
  }

  /** Union branches round-tripped so far. */
  int branches;

  /** Models whose input took a system/user/assistant/user conversation. */
  final List<String> conversations = new java.util.ArrayList<>();

  private static final String CONVERSATION = "{\"messages\":[{\"role\":\"system\",\"content\":\"Answer briefly.\"},"
      + "{\"role\":\"user\",\"content\":\"What is Workers AI?\"},"
      + "{\"role\":\"assistant\",\"content\":\"Serverless inference.\"},"
      + "{\"role\":\"user\",\"content\":\"Thanks!\"}]}";

  /**
   * A plain chat conversation, where the original schema accepts it: reads into the input with each
   * message in the branch named for its role (when messages are a union), validates, and writes back
   * unchanged. Returns false when the schema does not accept such a conversation.
   */
  private boolean checkConversation(JsonNode schema, Class<?> input) throws Exception {
    JsonNode conversation = mapper.readTree(CONVERSATION);
    boolean chat = hasMethod(input, "messages")
        || Arrays.stream(input.getClasses()).anyMatch(c -> hasMethod(c, "messages"));
    if (!chat || !SCHEMAS.getSchema(schema).validate(conversation).isEmpty()) {
      return false;
    }
    ModelInput in = (ModelInput) mapper.treeToValue(conversation, input);
    Unknowns.assertNone(in, "the conversation " + conversation);
    in.validate();
    Method messages = Arrays.stream(in.getClass().getMethods())
        .filter(m -> m.getName().equals("messages") && m.getParameterCount() == 0).findFirst()
        .orElseThrow(() -> new AssertionError("the conversation read into " + in.getClass().getSimpleName()));
    List<?> read = (List<?>) messages.invoke(in);
    for (int i = 0; i < read.size(); i++) {
      Class<?> cls = read.get(i).getClass();
      String role = conversation.get("messages").get(i).get("role").asText();
      if (cls.getEnclosingClass() != null && cls.getEnclosingClass().isSealed()
          && !cls.getSimpleName().equalsIgnoreCase(role)) {
        throw new AssertionError("message " + i + " (" + role + ") read as " + cls.getEnclosingClass().getSimpleName()
            + "." + cls.getSimpleName());
      }
    }
    JsonNode written = mapper.readTree(mapper.writeValueAsString(((RequestPayload.Json) in.toPayload()).value()));
    if (!Unknowns.sameJson(conversation, written)) {
      throw new AssertionError("the conversation does not round-trip: " + written);
    }
    return true;
  }

  /**
   * Every branch of every union of {@code schema}: a sample that takes it, valid against the original
   * schema, reads into {@code type} without an {@code Unknown} anywhere and writes back unchanged.
   * Samples the original schema refuses (a {@code oneOf} whose branches overlap) are not counted.
   */
  private int checkBranches(JsonNode schema, Class<?> type, boolean input) throws Exception {
    int checked = 0;
    for (BranchSamples.Sample sample : BranchSamples.of(schema)) {
      JsonNode instance = sample.instance();
      if (!SCHEMAS.getSchema(schema).validate(instance).isEmpty()) {
        continue;
      }
      if (input && instance instanceof ObjectNode o) {
        // "stream" is not an input property: stream() sets it, run() never streams.
        instance = o.deepCopy().without("stream");
      }
      Object value = mapper.treeToValue(instance, type);
      Unknowns.assertNone(value, "branch " + sample.branch() + " of " + sample.pointer() + ": " + instance);
      // Through text, as on the wire: bytes become their base64 text again.
      JsonNode written = mapper.readTree(mapper.writeValueAsString(
          input ? ((RequestPayload.Json) ((ModelInput) value).toPayload()).value() : value));
      if (!Unknowns.sameJson(instance, written)) {
        throw new AssertionError("branch " + sample.branch() + " of " + sample.pointer() + " does not round-trip:\n  read    "
            + instance + "\n  written " + written);
      }
      checked++;
    }
    return checked;
  }

  private static boolean isMultipartOrBinary(Class<?> input) {
    return input.isRecord() && Arrays.stream(input.getRecordComponents())
        .anyMatch(c -> c.getType() == BinaryBody.class || c.getName().equals("fields"));
  }

  private void checkInput(JsonNode schema, Class<?> input) throws Exception {
    Optional<Method> builder = Arrays.stream(input.getMethods())
        .filter(m -> m.getName().equals("builder") && m.getParameterCount() == 0).findFirst();
    if (builder.isPresent() && hasMethod(builder.get().getReturnType(), "file")) {
      Object b = builder.get().invoke(null);
      b.getClass().getMethod("field", String.class, Object.class).invoke(b, "prompt", "sample");
      ModelInput in = (ModelInput) b.getClass().getMethod("build").invoke(b);
      in.validate();
      expect(in.toPayload(), RequestPayload.Multipart.class);
      return;
    }
    if (input.isRecord() && Arrays.stream(input.getRecordComponents()).anyMatch(c -> c.getType() == BinaryBody.class)) {
      ModelInput in = withBody(input, SchemaSampler.requiredOnly().sample(schema));
      in.validate();
      expect(in.toPayload(), RequestPayload.Binary.class);
      return;
    }
    JsonNode runnable = withoutBatchForm(schema);
    JsonNode sample = SchemaSampler.requiredOnly().sample(jsonPart(runnable));
    Object value = mapper.treeToValue(sample, input);
    if (value.getClass().getSimpleName().equals("Unknown")) {
      throw new AssertionError("sample input read as Unknown: " + sample);
    }
    ModelInput in = (ModelInput) value;
    in.validate();
    RequestPayload payload = in.toPayload();
    expect(payload, RequestPayload.Json.class);
    JsonNode sent = mapper.valueToTree(((RequestPayload.Json) payload).value());
    List<Error> errors = SCHEMAS.getSchema(runnable).validate(sent);
    if (!errors.isEmpty()) {
      throw new AssertionError("sent input " + sent + " breaks the original schema: " + errors);
    }
  }

  private void checkOutput(JsonNode schema, Class<?> modelClass, Type returned) throws Exception {
    if (returned == BinaryOutput.class || returned == JsonNode.class) {
      return;
    }
    Type target = returned;
    if (returned instanceof Class<?> c && nested(c, "Binary").isPresent()) {
      target = nested(modelClass, "Result").<Type>map(r -> r)
          .orElseGet(() -> nested(c, "Json").orElseThrow().getRecordComponents()[0].getGenericType());
    }
    JsonNode sample = SchemaSampler.full().sample(jsonPart(schema));
    Object value = mapper.readValue(mapper.treeAsTokens(sample), mapper.constructType(target));
    if (value == null) {
      throw new AssertionError("sample output read as null: " + sample);
    }
    if (value.getClass().getSimpleName().equals("Unknown")) {
      throw new AssertionError("sample output read as Unknown: " + sample);
    }
  }

  private ModelInput withBody(Class<?> input, JsonNode sample) throws Exception {
    RecordComponent[] components = input.getRecordComponents();
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      String wire = c.getAccessor().getAnnotation(JsonProperty.class).value();
      if (c.getType() == BinaryBody.class) {
        args[i] = BinaryBody.of(new byte[] {1, 2, 3}, "audio/wav");
      } else if (sample.has(wire)) {
        args[i] = mapper.convertValue(sample.get(wire), mapper.constructType(c.getGenericType()));
      }
    }
    Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    return (ModelInput) input.getDeclaredConstructor(types).newInstance(args);
  }

  /** The schema without top-level branches that are not JSON (raw bytes, streams, multipart). */
  static JsonNode jsonPart(JsonNode schema) {
    for (String keyword : List.of("oneOf", "anyOf")) {
      if (schema.has(keyword)) {
        ObjectNode copy = schema.deepCopy();
        ArrayNode kept = copy.putArray(keyword);
        schema.get(keyword).forEach(b -> {
          if (!(b.path("type").asText().equals("string") && b.path("format").asText().equals("binary"))) {
            kept.add(b);
          }
        });
        return copy;
      }
    }
    return schema;
  }

  /**
   * The input schema without its async-queue batch form ({@code {"requests": [...]}}), which the
   * generated {@code Input} leaves out: a batch is a list of inputs, sent by {@code submitBatch}.
   */
  static JsonNode withoutBatchForm(JsonNode schema) {
    for (String keyword : List.of("oneOf", "anyOf")) {
      if (schema.has(keyword) && schema.get(keyword).size() > 1) {
        ObjectNode copy = schema.deepCopy();
        ArrayNode kept = copy.putArray(keyword);
        schema.get(keyword).forEach(b -> {
          JsonNode properties = b.path("properties");
          if (!(properties.size() == 1 && properties.has("requests"))) {
            kept.add(b);
          }
        });
        return copy;
      }
    }
    return schema;
  }

  /** The output schema without the async-queue acknowledgement, which {@code run} never returns. */
  static JsonNode withoutAcknowledgement(JsonNode schema) {
    for (String keyword : List.of("oneOf", "anyOf")) {
      if (schema.has(keyword) && schema.get(keyword).size() > 1) {
        ObjectNode copy = schema.deepCopy();
        ArrayNode kept = copy.putArray(keyword);
        schema.get(keyword).forEach(b -> {
          JsonNode properties = b.path("properties");
          boolean ack = properties.has("request_id") && java.util.stream.StreamSupport.stream(
              java.util.Spliterators.spliteratorUnknownSize(properties.fieldNames(), 0), false)
              .allMatch(n -> List.of("request_id", "status", "model").contains(n));
          if (!ack) {
            kept.add(b);
          }
        });
        return copy;
      }
    }
    return schema;
  }

  private static void expect(RequestPayload payload, Class<?> kind) {
    if (!kind.isInstance(payload)) {
      throw new AssertionError("payload is " + payload.getClass().getSimpleName() + ", expected " + kind.getSimpleName());
    }
  }

  private static boolean hasMethod(Class<?> type, String name) {
    return Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(name));
  }

  private static Optional<Class<?>> nested(Class<?> owner, String simpleName) {
    return Arrays.stream(owner.getClasses()).filter(c -> c.getSimpleName().equals(simpleName)).findFirst();
  }
}
