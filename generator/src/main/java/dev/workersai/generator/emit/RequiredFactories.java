package dev.workersai.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.workersai.catalog.schema.ObjectType;
import dev.workersai.catalog.schema.Property;
import dev.workersai.catalog.schema.UnionType;
import dev.workersai.generator.naming.JavaNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Static factories taking only a record's required properties, the optional ones left out:
 * {@code Input.of(text)} on every record that requires something, except the forms of a
 * discriminated union, which get theirs on the union's interface, named after their value ({@code Message.user("Hi")} for
 * {@code new Message.User(UserContent.of("Hi"), null)}). Where a required property is a union that
 * reads plain text, a second factory takes the text. Code written against a factory keeps compiling
 * when the catalog adds an optional property, which changes the record's constructor.
 */
final class RequiredFactories {
  /** Names a union's interface already uses, or inherits from {@code Object}. */
  private static final List<String> TAKEN = List.of("of", "validate", "equals", "hashCode", "toString", "getClass",
      "notify", "notifyAll", "wait");

  private RequiredFactories() {}

  /**
   * {@code of(required...)} for the record {@code name} whose components are {@code fields}
   * ({@link RecordEmitter#fieldNames}); none when nothing is required.
   */
  static List<MethodSpec> forRecord(ClassName name, Map<Property, String> fields, Types types) {
    String head = "{@link " + name.simpleName() + "} from its required properties";
    return factories("of", name, fields, head, "@return the new {@link " + name.simpleName() + "}", types);
  }

  /**
   * One factory per form of a discriminated union, on its interface.
   *
   * @param union a union with a discriminator (none: no factories)
   * @param name the union's interface
   * @param branchNames each branch's record, as {@link UnionEmitter#branchNames} names it
   * @param types the Java types of the schema's types
   */
  static List<MethodSpec> forForms(UnionType union, ClassName name, Map<UnionType.Branch, ClassName> branchNames,
      Types types) {
    if (union.discriminator().isEmpty()) {
      return List.of();
    }
    String discriminator = union.discriminator().get();
    Map<Form, String> tags = new LinkedHashMap<>();
    for (UnionType.Branch branch : union.branches()) {
      ClassName record = branchNames.get(branch);
      Optional<String> tag = union.tag(branch);
      if (record != null && tag.isPresent() && branch.type() instanceof ObjectType) {
        tags.put(new Form(JavaNames.memberName(tag.get()), record, UnionEmitter.recordShape(union, branch)), tag.get());
      }
    }
    // Two values that read alike in Java ("tool_call", "toolCall") would make one method twice: neither gets one.
    Map<String, Long> counts = tags.keySet().stream().collect(Collectors.groupingBy(Form::method, Collectors.counting()));
    List<MethodSpec> out = new ArrayList<>();
    tags.forEach((form, tag) -> {
      if (counts.get(form.method()) == 1 && !TAKEN.contains(form.method())) {
        String head = "The {@link " + form.record().simpleName() + "} form ("
            + Docs.code("\"" + discriminator + "\": \"" + tag + "\"") + ") from its required properties";
        out.addAll(factories(form.method(), form.record(), RecordEmitter.fieldNames(form.shape()), head,
            "@return the " + Docs.code(tag) + " form of {@link " + name.simpleName() + "}", types));
      }
    });
    return out;
  }

  /** A factory's name, the record it makes and the record's shape. */
  private record Form(String method, ClassName record, ObjectType shape) {}

  /**
   * The factory taking the required properties as they are typed and, where some are unions that
   * read plain text ({@code of(String)}), one taking that text instead.
   */
  private static List<MethodSpec> factories(String method, ClassName record, Map<Property, String> fields, String head,
      String returns, Types types) {
    if (fields.keySet().stream().noneMatch(Property::required)) {
      return List.of();
    }
    List<MethodSpec> out = new ArrayList<>();
    out.add(factory(method, record, head + ", the optional ones left out.", returns, fields, Set.of(), types));
    Set<Property> text = fields.keySet().stream()
        .filter(p -> p.required() && p.type() instanceof UnionType u && UnionEmitter.takesText(u, types))
        .collect(Collectors.toSet());
    if (!text.isEmpty()) {
      out.add(factory(method, record, head + ", text where text will do.", returns, fields, text, types));
    }
    return out;
  }

  /** A factory taking the required properties, those in {@code text} as a {@code String} their union reads. */
  private static MethodSpec factory(String method, ClassName record, String doc, String returns,
      Map<Property, String> fields, Set<Property> text, Types types) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(method).addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(record);
    StringBuilder javadoc = new StringBuilder(doc).append("\n\n");
    CodeBlock.Builder arguments = CodeBlock.builder();
    fields.forEach((p, field) -> {
      if (!arguments.isEmpty()) {
        arguments.add(", ");
      }
      if (!p.required()) {
        arguments.add("null");
        return;
      }
      PropertyDocs.param(field, p, javadoc);
      if (text.contains(p)) {
        m.addParameter(Refs.STRING, field);
        arguments.add("$T.of($L)", types.of(p.type()), field);
      } else {
        m.addParameter(types.of(p.type()), field);
        arguments.add("$L", field);
      }
    });
    return m.addJavadoc("$L", javadoc.append(returns).append('\n').toString())
        .addStatement("return new $T($L)", record, arguments.build())
        .build();
  }
}
