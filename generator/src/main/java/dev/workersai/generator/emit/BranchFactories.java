package dev.workersai.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.workersai.catalog.schema.ObjectType;
import dev.workersai.catalog.schema.Property;
import dev.workersai.catalog.schema.UnionType;
import dev.workersai.generator.naming.JavaNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Static factories on a discriminated union's interface, one per form, named after its
 * discriminator value and taking only its required properties: {@code Message.user("Hi")} instead
 * of {@code new Message.User(UserContent.of("Hi"), null)}. A form's optional properties are left
 * out, so code written against a factory keeps compiling when the catalog adds one (the record's
 * constructor would change).
 */
final class BranchFactories {
  /** Names the interface already uses, or inherits from {@code Object}. */
  private static final List<String> TAKEN = List.of("of", "validate", "equals", "hashCode", "toString", "getClass",
      "notify", "notifyAll", "wait");

  private BranchFactories() {}

  /**
   * @param union a union with a discriminator (none: no factories)
   * @param name the union's interface
   * @param branchNames each branch's record, as {@link UnionEmitter#branchNames} names it
   * @param types the Java types of the schema's types
   */
  static List<MethodSpec> of(UnionType union, ClassName name, Map<UnionType.Branch, ClassName> branchNames, Types types) {
    if (union.discriminator().isEmpty()) {
      return List.of();
    }
    List<Form> forms = new ArrayList<>();
    for (UnionType.Branch branch : union.branches()) {
      ClassName record = branchNames.get(branch);
      Optional<String> tag = union.tag(branch);
      if (record != null && tag.isPresent() && branch.type() instanceof ObjectType) {
        forms.add(new Form(JavaNames.memberName(tag.get()), tag.get(), record, UnionEmitter.recordShape(union, branch)));
      }
    }
    // Two tags that read alike in Java ("tool_call", "toolCall") would make one method twice: neither gets one.
    Map<String, Long> counts = forms.stream().collect(Collectors.groupingBy(Form::method, Collectors.counting()));
    List<MethodSpec> out = new ArrayList<>();
    for (Form form : forms) {
      if (counts.get(form.method()) == 1 && !TAKEN.contains(form.method())) {
        out.addAll(factories(form, name, union.discriminator().orElseThrow(), types));
      }
    }
    return out;
  }

  private record Form(String method, String tag, ClassName record, ObjectType shape) {}

  /**
   * The factory taking the required properties as they are typed and, where some are unions that
   * read plain text ({@code of(String)}), one taking that text instead.
   */
  private static List<MethodSpec> factories(Form form, ClassName union, String discriminator, Types types) {
    Map<Property, String> fields = RecordEmitter.fieldNames(form.shape());
    if (fields.keySet().stream().noneMatch(Property::required)) {
      return List.of();
    }
    String head = "The {@link " + form.record().simpleName() + "} form ("
        + Docs.code("\"" + discriminator + "\": \"" + form.tag() + "\"") + ")";
    List<MethodSpec> out = new ArrayList<>();
    out.add(factory(form, union, head + " from its required properties, the optional ones left out.",
        fields, p -> types.of(p.type()), (p, field) -> CodeBlock.of("$L", field)));
    if (fields.keySet().stream().anyMatch(p -> p.required() && takesText(p, types))) {
      out.add(factory(form, union, head + " from its required properties, text where text will do.",
          fields, p -> takesText(p, types) ? ClassName.get(String.class) : types.of(p.type()),
          (p, field) -> takesText(p, types) ? CodeBlock.of("$T.of($L)", types.of(p.type()), field) : CodeBlock.of("$L", field)));
    }
    return out;
  }

  private static boolean takesText(Property p, Types types) {
    return p.type() instanceof UnionType u && UnionEmitter.takesText(u, types);
  }

  private static MethodSpec factory(Form form, ClassName union, String doc, Map<Property, String> fields,
      Function<Property, TypeName> parameterType, BiFunction<Property, String, CodeBlock> argument) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(form.method()).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(form.record())
        .addJavadoc("$L\n\n", doc);
    List<CodeBlock> arguments = new ArrayList<>();
    fields.forEach((p, field) -> {
      if (p.required()) {
        m.addParameter(parameterType.apply(p), field);
        m.addJavadoc("@param $L $L\n", field, PropertyDocs.describe(p));
        arguments.add(argument.apply(p, field));
      } else {
        arguments.add(CodeBlock.of("null"));
      }
    });
    return m.addJavadoc("@return the $L form of {@link $L}\n", Docs.code(form.tag()), union.simpleName())
        .addStatement("return new $T($L)", form.record(), CodeBlock.join(arguments, ", "))
        .build();
  }
}
