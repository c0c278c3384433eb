package dev.workersai.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.workersai.generator.schema.ArrayType;
import dev.workersai.generator.schema.InputSpec;
import dev.workersai.generator.schema.ModelSpec;
import dev.workersai.generator.schema.ObjectType;
import dev.workersai.generator.schema.OutputSpec;
import dev.workersai.generator.schema.Property;
import dev.workersai.generator.schema.ScalarType;
import dev.workersai.generator.schema.SchemaType;
import dev.workersai.generator.schema.UnionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Whether a model's schema fits a task's common shape, decided from the schema alone (never from the
 * model id), and the generated types and names the task methods use: the input form to build, the
 * output form to read, and the Java names of the properties involved.
 */
final class TaskShapes {
  private final ClassName model;
  private final Types types;

  TaskShapes(ClassName model, Types types) {
    this.model = model;
    this.types = types;
  }

  /** A record-shaped form of the input or output: its schema and the class it is emitted as. */
  record Form(ObjectType object, ClassName cls, boolean isRoot) {
    /** The Java name of the property {@code name} in this form's record. */
    String field(String name) {
      return RecordEmitter.fieldNames(object).entrySet().stream()
          .filter(e -> e.getKey().name().equals(name)).map(Map.Entry::getValue).findFirst().orElseThrow();
    }

    /**
     * An expression building this form with {@code property} set to {@code value} and every other
     * property left out: through the builder when the record has one, else its constructor.
     */
    CodeBlock build(String property, CodeBlock value) {
      if (RecordEmitter.hasBuilder(object)) {
        return CodeBlock.of("$T.builder().$L($L).build()", cls, field(property), value);
      }
      List<CodeBlock> args = new ArrayList<>();
      for (Property p : object.properties()) {
        args.add(p.name().equals(property) ? value : CodeBlock.of("null"));
      }
      return CodeBlock.of("new $T($L)", cls, CodeBlock.join(args, ", "));
    }
  }

  /** How a text generation model is called: the input form taking the prompt and the output form with the text. */
  record TextGeneration(Form input, Form output, boolean stream) {}

  /** How an embedding model is called: the input form, the expression wrapping {@code texts}, and the output form. */
  record Embedding(Form input, CodeBlock textValue, Form output) {}

  /** Text generation: a form whose only required property is a string {@code prompt}; an answer with a string {@code response}. */
  Optional<TextGeneration> textGeneration(ModelSpec spec) {
    Optional<Form> input = inputForm(spec.input().orElseThrow(), o -> onlyRequired(o, "prompt").filter(TaskShapes::isString).isPresent());
    Optional<Form> output = outputForm(spec.output().orElseThrow(),
        o -> property(o, "response").filter(TaskShapes::isString).isPresent());
    if (input.isEmpty() || output.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TextGeneration(input.get(), output.get(), spec.output().orElseThrow().stream()));
  }

  /** Embeddings: a form whose only required property is {@code text}, taking a list of strings; an answer with {@code data}, a list of lists of numbers. */
  Optional<Embedding> embedding(ModelSpec spec) {
    Optional<Form> input = inputForm(spec.input().orElseThrow(), o -> onlyRequired(o, "text").flatMap(this::textValue).isPresent());
    Optional<Form> output = outputForm(spec.output().orElseThrow(),
        o -> property(o, "data").filter(t -> t instanceof ArrayType a && a.items() instanceof ArrayType inner
            && inner.items() instanceof ScalarType s && s.kind() == ScalarType.Kind.NUMBER).isPresent());
    if (input.isEmpty() || output.isEmpty()) {
      return Optional.empty();
    }
    CodeBlock value = onlyRequired(input.get().object(), "text").flatMap(this::textValue).orElseThrow();
    return Optional.of(new Embedding(input.get(), value, output.get()));
  }

  /** {@code texts} as a value of {@code type}: the list itself, or the union's list-of-strings branch. */
  private Optional<CodeBlock> textValue(SchemaType type) {
    if (isStringList(type)) {
      return Optional.of(CodeBlock.of("texts"));
    }
    if (type instanceof UnionType u) {
      ClassName union = (ClassName) types.of(u);
      return UnionEmitter.branchNames(u, union, types).entrySet().stream()
          .filter(e -> isStringList(e.getKey().type()))
          .map(e -> CodeBlock.of("new $T(texts)", e.getValue())).findFirst();
    }
    return Optional.empty();
  }

  private Optional<Form> inputForm(InputSpec input, Predicate<ObjectType> fits) {
    ClassName name = model.nestedClass("Input");
    if (input.multipart()) {
      return Optional.empty();
    }
    if (RootTypes.inputIsRecord(input)) {
      ObjectType o = (ObjectType) input.json().get();
      return fits.test(o) ? Optional.of(new Form(o, name, true)) : Optional.empty();
    }
    return firstObjectBranch(RootTypes.inputUnion(input), name, fits, types);
  }

  private Optional<Form> outputForm(OutputSpec output, Predicate<ObjectType> fits) {
    if (output.json().isEmpty() || output.binaryContentType().isPresent()) {
      return Optional.empty();
    }
    ClassName name = model.nestedClass("Output");
    SchemaType json = output.json().get();
    if (json instanceof ObjectType o) {
      return fits.test(o) ? Optional.of(new Form(o, name, true)) : Optional.empty();
    }
    return json instanceof UnionType u ? firstObjectBranch(u, name, fits, types) : Optional.empty();
  }

  private static Optional<Form> firstObjectBranch(UnionType union, ClassName name, Predicate<ObjectType> fits, Types types) {
    return UnionEmitter.branchNames(union, name, types).entrySet().stream()
        .filter(e -> e.getKey().type() instanceof ObjectType)
        .map(e -> new Form(UnionEmitter.recordShape(union, e.getKey()), e.getValue(), false))
        .filter(f -> fits.test(f.object())).findFirst();
  }

  /** The type of {@code name} when it is the object's only required property. */
  private static Optional<SchemaType> onlyRequired(ObjectType o, String name) {
    List<Property> required = o.properties().stream().filter(Property::required).toList();
    return required.size() == 1 && required.get(0).name().equals(name) ? Optional.of(required.get(0).type()) : Optional.empty();
  }

  private static Optional<SchemaType> property(ObjectType o, String name) {
    return o.properties().stream().filter(p -> p.name().equals(name)).map(Property::type).findFirst();
  }

  private static boolean isString(SchemaType type) {
    return type instanceof ScalarType s && s.kind() == ScalarType.Kind.STRING;
  }

  private static boolean isStringList(SchemaType type) {
    return type instanceof ArrayType a && isString(a.items());
  }
}
