package dev.workersai.emulator.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.catalog.sample.SchemaSampler;
import dev.workersai.catalog.schema.ModelSchemas;
import dev.workersai.catalog.transport.JsonForms;
import dev.workersai.catalog.transport.Transport;
import dev.workersai.emulator.catalog.EmulatedModel;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Decides what a model answers to a valid request. Answers are deterministic and valid against
 * the model's output schema, in the transport the catalog decides for it ({@link Transport}): JSON
 * answers are sampled from the schema's JSON forms ({@link JsonForms}) by the catalog's
 * {@link SchemaSampler} with the answer text in free-form strings, then adjusted:
 * <ul>
 *   <li>text models answer with text that quotes the prompt, plus token usage;</li>
 *   <li>embedding models answer with one unit vector per input text, {@code output_dimensions}
 *       long ({@value #FALLBACK_DIMENSIONS} when the catalog does not say);</li>
 *   <li>binary outputs ({@code format: binary} with a {@code contentType}) are real files: PNG or
 *       JPEG images, MP3 (silent MPEG-1 Layer III frames) or WAV audio;</li>
 *   <li>JSON outputs with an {@code image} or {@code audio} string carry a base64 PNG or MP3;</li>
 *   <li>{@code "stream": true} on a model that streams gives native SSE chunks and a usage chunk.</li>
 * </ul>
 */
public final class AnswerFactory {
  /** Embedding length for models whose catalog entry has no {@code output_dimensions}. */
  public static final int FALLBACK_DIMENSIONS = 768;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The answer of {@code model} to {@code input}; the model must have an output schema. */
  public Answer answer(EmulatedModel model, RunInput input) {
    ModelSchemas schemas = model.schemas().orElseThrow(
        () -> new IllegalArgumentException("model has no schemas to run with: " + model.id()));
    Transport transport = schemas.transport();
    String subject = input.subject();
    String text = TextSynth.reply(model.id(), subject);
    if (input.wantsStream() && transport.stream()) {
      return stream(text, subject);
    }
    if (!transport.jsonAnswer() && transport.binaryAnswer().isPresent()) {
      String contentType = transport.binaryAnswer().get();
      return new Answer.Binary(contentType, media(contentType, subject));
    }
    // An output that only describes its stream leaves nothing JSON to sample: an object, filled below.
    JsonNode jsonSchema = JsonForms.ofOutput(schemas.input(), schemas.output()).orElse(NODES.objectNode());
    JsonNode result = SchemaSampler.full().withText(text).sample(jsonSchema);
    if (!result.isObject() && "Text Generation".equals(model.task())) {
      // A chat schema that only describes its SSE form leaves nothing JSON to sample.
      result = NODES.objectNode();
    }
    if (result instanceof ObjectNode object) {
      fillSpecialFields(model, input, object, subject, text);
      if ("Text Generation".equals(model.task())) {
        shapeTextAnswer(model.id(), jsonSchema, object, subject, text);
      }
    }
    return new Answer.Json(result);
  }

  private static void fillSpecialFields(
      EmulatedModel model, RunInput input, ObjectNode object, String subject, String text) {
    if (object.path("image").isTextual()) {
      object.put("image", Base64.getEncoder().encodeToString(MediaSynth.image(subject, "png")));
    }
    if (object.path("audio").isTextual()) {
      object.put("audio", Base64.getEncoder().encodeToString(MediaSynth.mp3(subject)));
    }
    if ("Text Generation".equals(model.task()) && object.isEmpty()) {
      // Some chat schemas only describe their SSE form; answer in the native shape then.
      object.put("response", text);
      object.set("usage", usage(subject, text));
    }
    if (object.get("usage") instanceof ObjectNode sampled) {
      // Only the counts the schema declares: some models report input_tokens/output_tokens instead.
      usage(subject, text).properties().forEach(count -> {
        if (sampled.has(count.getKey())) {
          sampled.set(count.getKey(), count.getValue());
        }
      });
    }
    if ("Text Embeddings".equals(model.task())) {
      fillEmbeddings(model, input, object);
    }
  }

  /**
   * The emulated model never calls tools, so sampled {@code tool_calls} go unless the schema
   * requires them; an OpenAI-shaped answer gets one assistant message with the text and the
   * model's id; usage is added where the schema leaves room for it, because clients read it.
   */
  private static void shapeTextAnswer(
      String modelId, JsonNode schema, ObjectNode object, String subject, String text) {
    JsonNode branch = schema.has("properties") ? schema : firstBranch(schema);
    JsonNode shape = branch == null ? schema : branch;
    if (object.has("tool_calls") && !requires(shape, "tool_calls")) {
      object.remove("tool_calls");
    }
    for (JsonNode choice : object.path("choices")) {
      // OpenAI-shaped answers (chat.completion): an assistant message with the text, no tool call.
      if (choice.get("message") instanceof ObjectNode message) {
        if (message.path("role").isTextual()) {
          message.put("role", "assistant");
        }
        message.put("content", text);
        message.remove("tool_calls");
      }
    }
    if (object.path("id").isTextual()) {
      object.put("id", "emulated-" + Integer.toHexString(subject.hashCode()));
    }
    if (object.path("model").isTextual()) {
      object.put("model", modelId);
    }
    boolean closed = shape.path("additionalProperties").isBoolean() && !shape.get("additionalProperties").asBoolean();
    if (object.has("response") && !object.has("usage") && !closed) {
      object.set("usage", usage(subject, text));
    }
  }

  /** The first {@code oneOf}/{@code anyOf} branch that is not {@code null}, or null. */
  private static JsonNode firstBranch(JsonNode schema) {
    for (String keyword : new String[] {"oneOf", "anyOf"}) {
      for (JsonNode branch : schema.path(keyword)) {
        if (!"null".equals(branch.path("type").asText())) {
          return branch;
        }
      }
    }
    return null;
  }

  private static boolean requires(JsonNode schema, String property) {
    for (JsonNode name : schema.path("required")) {
      if (property.equals(name.asText())) {
        return true;
      }
    }
    return false;
  }

  private static void fillEmbeddings(EmulatedModel model, RunInput input, ObjectNode object) {
    int dimensions = model.outputDimensions().orElse(FALLBACK_DIMENSIONS);
    List<String> texts = texts(input);
    JsonNode data = object.path("data");
    if (data.isArray() && (data.isEmpty() || data.get(0).isArray())) {
      ArrayNode vectors = object.putArray("data");
      texts.forEach(t -> vectors.add(vector(t, dimensions)));
      if (object.has("shape")) {
        object.putArray("shape").add(texts.size()).add(dimensions);
      }
    } else if (data.isArray() && data.get(0).has("embedding")) {
      ArrayNode items = object.putArray("data");
      for (int i = 0; i < texts.size(); i++) {
        ObjectNode item = ((ObjectNode) data.get(0)).deepCopy();
        item.set("embedding", vector(texts.get(i), dimensions));
        if (item.has("index")) {
          item.put("index", i);
        }
        items.add(item);
      }
    }
  }

  private static List<String> texts(RunInput input) {
    List<String> texts = new ArrayList<>();
    JsonNode text = input.json().map(body -> body.has("text") ? body.get("text") : body.path("input"))
        .orElse(NODES.missingNode());
    if (text.isArray()) {
      text.forEach(item -> texts.add(item.asText()));
    } else {
      texts.add(input.subject());
    }
    return texts;
  }

  /** A unit vector that depends only on {@code text}. */
  static ArrayNode vector(String text, int dimensions) {
    double[] values = new double[dimensions];
    double norm = 0;
    long seed = text.hashCode();
    for (int i = 0; i < dimensions; i++) {
      values[i] = Math.sin(seed + 31.0 * (i + 1));
      norm += values[i] * values[i];
    }
    ArrayNode vector = NODES.arrayNode();
    double scale = norm == 0 ? 0 : 1 / Math.sqrt(norm);
    for (double value : values) {
      vector.add(value * scale);
    }
    return vector;
  }

  private static Answer.Stream stream(String text, String subject) {
    List<JsonNode> events = new ArrayList<>();
    for (String piece : TextSynth.pieces(text)) {
      events.add(NODES.objectNode().put("response", piece));
    }
    ObjectNode last = NODES.objectNode().put("response", "");
    last.set("usage", usage(subject, text));
    events.add(last);
    return new Answer.Stream(events);
  }

  private static ObjectNode usage(String subject, String text) {
    int prompt = TextSynth.tokens(subject);
    int completion = TextSynth.tokens(text);
    return NODES.objectNode()
        .put("prompt_tokens", prompt)
        .put("completion_tokens", completion)
        .put("total_tokens", prompt + completion);
  }

  private static byte[] media(String contentType, String subject) {
    return switch (contentType) {
      case "image/png" -> MediaSynth.image(subject, "png");
      case "image/jpeg" -> MediaSynth.image(subject, "jpeg");
      case "audio/mpeg", "audio/mp3" -> MediaSynth.mp3(subject);
      case "audio/wav", "audio/x-wav", "audio/wave" -> MediaSynth.wav(subject);
      default -> subject.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    };
  }
}
