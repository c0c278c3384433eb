package dev.workersai.generator.emit;

import dev.workersai.catalog.schema.ArrayType;
import dev.workersai.catalog.schema.BinaryType;
import dev.workersai.catalog.schema.EnumType;
import dev.workersai.catalog.schema.InputSpec;
import dev.workersai.catalog.schema.MapType;
import dev.workersai.catalog.schema.ModelSpec;
import dev.workersai.catalog.schema.ObjectType;
import dev.workersai.catalog.schema.OutputSpec;
import dev.workersai.catalog.schema.Property;
import dev.workersai.catalog.schema.ScalarType;
import dev.workersai.catalog.schema.SchemaType;
import dev.workersai.catalog.schema.UnionType;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Whether a model's schema fits a task's common shape, decided from the schema alone (never from the
 * model id or its task name): which common request body its {@code Input} accepts, and whether its
 * answer carries the task's value where the runtime's {@code TaskCalls} reads it.
 */
final class TaskShapes {
  private TaskShapes() {}

  /** The common text generation request a model's input accepts. */
  enum TextInput {
    /** {@code {"prompt": "..."}}. */
    PROMPT("prompt"),
    /** {@code {"messages": [{"role": "user", "content": "..."}]}}. */
    MESSAGES("userMessage");

    private final String factory;

    TextInput(String factory) {
      this.factory = factory;
    }

    /** The {@code TaskCalls} method building the request. */
    String factory() {
      return factory;
    }
  }

  /**
   * How a text generation model is called.
   *
   * @param input the request its input accepts
   * @param stream whether it streams
   */
  record TextGeneration(TextInput input, boolean stream) {}

  /**
   * Text generation: an input form taking only a string {@code prompt} (preferred) or only
   * {@code messages} that admit a user message with string content; a JSON answer that carries text
   * (see {@link #answersText}).
   */
  static Optional<TextGeneration> textGeneration(ModelSpec spec) {
    if (!spec.typed() || !answersText(spec.output().orElseThrow())) {
      return Optional.empty();
    }
    InputSpec in = spec.input().orElseThrow();
    boolean stream = spec.output().orElseThrow().stream();
    if (anyForm(in, o -> only(o, "prompt") && property(o, "prompt").filter(TaskShapes::isString).isPresent())) {
      return Optional.of(new TextGeneration(TextInput.PROMPT, stream));
    }
    if (anyForm(in, o -> only(o, "messages")
        && property(o, "messages").filter(t -> t instanceof ArrayType a && admitsUserMessage(a.items())).isPresent())) {
      return Optional.of(new TextGeneration(TextInput.MESSAGES, stream));
    }
    return Optional.empty();
  }

  /**
   * Embeddings: an input form taking only {@code text}, which admits a list of strings; a JSON
   * answer with {@code data}, a list of lists of numbers.
   */
  static boolean embedding(ModelSpec spec) {
    return spec.typed()
        && anyForm(spec.input().orElseThrow(), o -> only(o, "text") && property(o, "text").filter(TaskShapes::admitsStringList).isPresent())
        && answers(spec.output().orElseThrow(), o -> property(o, "data").filter(t -> t instanceof ArrayType a
            && a.items() instanceof ArrayType inner && inner.items() instanceof ScalarType s
            && s.kind() == ScalarType.Kind.NUMBER).isPresent());
  }

  /**
   * How a chat model is called: whether it streams, and whether its chat form lists {@code tools}
   * and {@code response_format}.
   */
  record Chat(boolean stream, boolean tools, boolean responseFormat) {}

  /**
   * Chat: an input form whose only required property is {@code messages}, admitting a user message
   * with string content; a JSON answer that carries text (see {@link #answersText}).
   */
  static Optional<Chat> chat(ModelSpec spec) {
    if (!spec.typed() || !answersText(spec.output().orElseThrow()) || !jsonInput(spec.input().orElseThrow())) {
      return Optional.empty();
    }
    boolean stream = spec.output().orElseThrow().stream();
    return objects(spec.input().orElseThrow().json().get())
        .filter(o -> only(o, "messages")
            && property(o, "messages").filter(t -> t instanceof ArrayType a && admitsUserMessage(a.items())).isPresent())
        .findFirst()
        .map(o -> new Chat(stream, has(o, "tools"), has(o, "response_format")));
  }

  /**
   * Reranking: an input form taking a string {@code query} and {@code contexts}, a list of objects
   * with a string {@code text}, and requiring nothing else; a JSON answer with {@code response}, a
   * list of objects with {@code id} and {@code score}.
   */
  static boolean reranking(ModelSpec spec) {
    return spec.typed()
        && anyForm(spec.input().orElseThrow(), o -> requiresOnly(o, Set.of("query", "contexts"))
            && property(o, "query").filter(TaskShapes::isString).isPresent()
            && property(o, "contexts").filter(t -> t instanceof ArrayType a
                && objects(a.items()).anyMatch(c -> requiresOnly(c, Set.of("text"))
                    && property(c, "text").filter(TaskShapes::isString).isPresent())).isPresent())
        && jsonAnswers(spec.output().orElseThrow(), o -> property(o, "response").filter(t -> t instanceof ArrayType a
            && objects(a.items()).anyMatch(e -> has(e, "id") && property(e, "score").filter(TaskShapes::isNumber).isPresent()))
            .isPresent());
  }

  /**
   * Text-to-image: an input form whose only required property is a string {@code prompt}; an
   * {@code image/*} binary answer or a JSON answer with a string {@code image} (base64).
   */
  static boolean textToImage(ModelSpec spec) {
    return spec.typed()
        && anyForm(spec.input().orElseThrow(), o -> only(o, "prompt") && property(o, "prompt").filter(TaskShapes::isString).isPresent())
        && answersMedia(spec.output().orElseThrow(), "image");
  }

  /**
   * Text-to-speech: an input form whose only required property is a string {@code text} or
   * {@code prompt} (the property returned); an {@code audio/*} binary answer or a JSON answer with a
   * string {@code audio} (base64).
   */
  static Optional<String> textToSpeech(ModelSpec spec) {
    if (!spec.typed() || !answersMedia(spec.output().orElseThrow(), "audio")) {
      return Optional.empty();
    }
    return Stream.of("text", "prompt")
        .filter(name -> anyForm(spec.input().orElseThrow(),
            o -> only(o, name) && property(o, name).filter(TaskShapes::isString).isPresent()))
        .findFirst();
  }

  /** How a speech recognition model takes its audio. */
  enum AudioInput {
    /** Inside the JSON body, as base64 or integers 0..255 (the input's bytes property decides). */
    JSON("audioJson(audio)"),
    /** As the request body ({@code {"audio": {body, contentType}}}). */
    BODY("audioBody(audio, contentType)");

    private final String call;

    AudioInput(String call) {
      this.call = call;
    }

    /** The {@code TaskCalls} call building the request. */
    String call() {
      return call;
    }
  }

  /**
   * Speech-to-text: an input form whose only required property is {@code audio}, bytes or a string;
   * a JSON answer with a string {@code text}, or Deepgram's
   * {@code results.channels[].alternatives[].transcript}.
   */
  static Optional<AudioInput> speechToText(ModelSpec spec) {
    if (!spec.typed() || !jsonAnswers(spec.output().orElseThrow(),
        o -> property(o, "text").filter(TaskShapes::isString).isPresent() || hasTranscript(o))) {
      return Optional.empty();
    }
    InputSpec in = spec.input().orElseThrow();
    if (anyForm(in, o -> only(o, "audio") && property(o, "audio").filter(t -> isString(t)
        || t instanceof BinaryType b && b.encoding() != BinaryType.Encoding.BODY).isPresent())) {
      return Optional.of(AudioInput.JSON);
    }
    if (anyForm(in, o -> only(o, "audio") && property(o, "audio").filter(t -> t instanceof BinaryType b
        && b.encoding() == BinaryType.Encoding.BODY).isPresent())) {
      return Optional.of(AudioInput.BODY);
    }
    return Optional.empty();
  }

  /**
   * Translation: an input form taking string {@code text}, {@code source_lang} and
   * {@code target_lang} and requiring nothing else; a JSON answer with a string
   * {@code translated_text}.
   */
  static boolean translation(ModelSpec spec) {
    return spec.typed()
        && anyForm(spec.input().orElseThrow(), o -> requiresOnly(o, Set.of("text", "source_lang", "target_lang"))
            && Stream.of("text", "source_lang", "target_lang").allMatch(n -> property(o, n).filter(TaskShapes::isString).isPresent()))
        && jsonAnswers(spec.output().orElseThrow(), o -> property(o, "translated_text").filter(TaskShapes::isString).isPresent());
  }

  /** Deepgram's {@code results.channels[].alternatives[].transcript}, a string. */
  private static boolean hasTranscript(ObjectType o) {
    return property(o, "results").stream().flatMap(TaskShapes::objects)
        .flatMap(r -> property(r, "channels").stream()).flatMap(TaskShapes::items).flatMap(TaskShapes::objects)
        .flatMap(c -> property(c, "alternatives").stream()).flatMap(TaskShapes::items).flatMap(TaskShapes::objects)
        .anyMatch(a -> property(a, "transcript").filter(TaskShapes::isString).isPresent());
  }

  private static Stream<SchemaType> items(SchemaType type) {
    return type instanceof ArrayType a ? Stream.of(a.items()) : Stream.empty();
  }

  /**
   * Whether the answer carries media of {@code kind} ({@code image}, {@code audio}) where
   * {@code TaskCalls.media} reads it: a {@code kind/*} binary body, or a string property {@code kind}.
   */
  private static boolean answersMedia(OutputSpec output, String kind) {
    return output.binaryContentType().filter(t -> t.startsWith(kind + "/")).isPresent()
        || jsonAnswers(output, o -> property(o, kind).filter(t -> isString(t)
            || t instanceof BinaryType b && b.encoding() == BinaryType.Encoding.BASE64).isPresent());
  }

  /** Whether the JSON answer has an object form that fits, whether or not the model can also answer binary. */
  private static boolean jsonAnswers(OutputSpec output, Predicate<ObjectType> fits) {
    return output.json().isPresent() && objects(output.json().get()).anyMatch(fits);
  }

  private static boolean jsonInput(InputSpec input) {
    return !input.multipart() && input.json().isPresent();
  }

  private static boolean isNumber(SchemaType type) {
    return type instanceof ScalarType s && (s.kind() == ScalarType.Kind.NUMBER || s.kind() == ScalarType.Kind.INTEGER);
  }

  /**
   * Whether the answer can carry text where {@code TaskCalls.text} reads it: an object with
   * {@code response} or {@code choices}, or a free-form object (the schema leaves it open).
   */
  private static boolean answersText(OutputSpec output) {
    return answers(output, o -> has(o, "response") || has(o, "choices"))
        || output.binaryContentType().isEmpty() && output.json().filter(j -> j instanceof MapType
            || j instanceof UnionType u && u.branches().stream().anyMatch(b -> b.type() instanceof MapType)).isPresent();
  }

  /** Whether some JSON object form of the input fits. */
  private static boolean anyForm(InputSpec input, Predicate<ObjectType> fits) {
    if (input.multipart() || input.json().isEmpty()) {
      return false;
    }
    return objects(input.json().get()).anyMatch(fits);
  }

  /** Whether the JSON answer (not a binary one) has an object form that fits. */
  private static boolean answers(OutputSpec output, Predicate<ObjectType> fits) {
    return output.binaryContentType().isEmpty() && output.json().isPresent() && objects(output.json().get()).anyMatch(fits);
  }

  private static Stream<ObjectType> objects(SchemaType type) {
    if (type instanceof ObjectType o) {
      return Stream.of(o);
    }
    if (type instanceof UnionType u) {
      return u.branches().stream().map(UnionType.Branch::type).filter(ObjectType.class::isInstance).map(ObjectType.class::cast);
    }
    return Stream.empty();
  }

  /** A chat message schema that admits {@code {"role": "user", "content": "<text>"}}. */
  private static boolean admitsUserMessage(SchemaType type) {
    return objects(type).anyMatch(o -> requiresOnly(o, Set.of("role", "content"))
        && property(o, "role").filter(r -> isString(r) || r instanceof EnumType e && e.values().contains("user")).isPresent()
        && property(o, "content").filter(TaskShapes::admitsString).isPresent());
  }

  private static boolean admitsString(SchemaType type) {
    return isString(type) || type instanceof UnionType u && u.branches().stream().anyMatch(b -> isString(b.type()));
  }

  private static boolean admitsStringList(SchemaType type) {
    Predicate<SchemaType> list = t -> t instanceof ArrayType a && isString(a.items());
    return list.test(type) || type instanceof UnionType u && u.branches().stream().anyMatch(b -> list.test(b.type()));
  }

  /** Whether {@code o} declares {@code name} and requires nothing else. */
  private static boolean only(ObjectType o, String name) {
    return has(o, name) && requiresOnly(o, Set.of(name));
  }

  private static boolean requiresOnly(ObjectType o, Set<String> names) {
    return o.properties().stream().filter(Property::required).allMatch(p -> names.contains(p.name()));
  }

  private static boolean has(ObjectType o, String name) {
    return property(o, name).isPresent();
  }

  private static Optional<SchemaType> property(ObjectType o, String name) {
    for (Property p : o.properties()) {
      if (p.name().equals(name)) {
        return Optional.of(p.type());
      }
    }
    return Optional.empty();
  }

  private static boolean isString(SchemaType type) {
    return type instanceof ScalarType s && s.kind() == ScalarType.Kind.STRING;
  }
}
