package dev.workersai.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.workersai.generator.naming.JavaNames;
import dev.workersai.generator.schema.ArrayType;
import dev.workersai.generator.schema.Property;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * A record's {@code Builder}: a setter per property, an adder per list property
 * ({@code addMessage(Message)} for {@code messages}) and {@code build()}.
 *
 * <p>A setter stores the list it is given, as the record does. An adder never writes to a list a
 * caller handed over: on first use it copies what was set into a list the builder owns, and
 * {@code build()} hands the record an unmodifiable copy of that list, so later adds to the builder
 * cannot change a value already built.
 */
final class Builders {
  private final Types types;

  Builders(Types types) {
    this.types = types;
  }

  /** The builder of the record {@code name} whose components are {@code fields}. */
  TypeSpec emit(ClassName name, Map<Property, String> fields) {
    ClassName builder = name.nestedClass("Builder");
    TypeSpec.Builder b = TypeSpec.classBuilder(builder).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Builds a {@link $T}; properties left unset are left off the wire.\n", name)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    Map<Property, Adder> adders = adders(fields);
    List<CodeBlock> args = new ArrayList<>();
    fields.forEach((p, field) -> {
      TypeName type = types.of(p.type());
      b.addField(FieldSpec.builder(type, field, Modifier.PRIVATE).build());
      Adder adder = adders.get(p);
      if (adder != null) {
        b.addField(FieldSpec.builder(boolean.class, adder.ownedFlag(), Modifier.PRIVATE)
            .addJavadoc("Whether {@code $L} is this builder's own list, which {@code $L} appends to.\n",
                field, adder.method())
            .build());
      }
      TypeName paramType = type.isBoxedPrimitive() ? type.unbox() : type;
      MethodSpec.Builder setter = MethodSpec.methodBuilder(field).addModifiers(Modifier.PUBLIC).returns(builder)
          .addJavadoc("Sets $L.\n", Docs.code(p.name()))
          .addParameter(paramType, field)
          .addStatement("this.$L = $L", field, field);
      if (adder != null) {
        setter.addStatement("this.$L = false", adder.ownedFlag());
      }
      b.addMethod(setter.addStatement("return this").build());
      if (adder != null) {
        b.addMethod(adderMethod(builder, p, field, ((ParameterizedTypeName) type).typeArguments().get(0), adder));
        args.add(CodeBlock.of("$L ? $T.unmodifiableList(new $T<>($L)) : $L",
            adder.ownedFlag(), Collections.class, ArrayList.class, field, field));
      } else {
        args.add(CodeBlock.of("$L", field));
      }
    });
    b.addMethod(MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(name)
        .addJavadoc("The value; {@code validate} runs when it is sent.\n")
        .addStatement("return new $T($L)", name, CodeBlock.join(args, ",$W")).build());
    return b.build();
  }

  private static MethodSpec adderMethod(ClassName builder, Property p, String field, TypeName element, Adder adder) {
    return MethodSpec.methodBuilder(adder.method()).addModifiers(Modifier.PUBLIC).returns(builder)
        .addJavadoc("Appends one element to $L, after those set or added before.\n\n"
            + "<p>The built value holds an unmodifiable copy; a list given to {@link #$L(List)} is never changed.\n\n"
            + "@param $L the element to append\n@return this builder\n", Docs.code(p.name()), field, adder.parameter())
        .addParameter(element, adder.parameter())
        .beginControlFlow("if (!this.$L)", adder.ownedFlag())
        .addStatement("this.$L = this.$L == null ? new $T<>() : new $T<>(this.$L)",
            field, field, ArrayList.class, ArrayList.class, field)
        .addStatement("this.$L = true", adder.ownedFlag())
        .endControlFlow()
        .addStatement("this.$L.add($L)", field, adder.parameter())
        .addStatement("return this")
        .build();
  }

  /**
   * The adder of each list property: {@code add} and the singular of its Java name, else
   * {@code add<Name>Item} when that is taken by another builder method, numbered if still taken.
   */
  private static Map<Property, Adder> adders(Map<Property, String> fields) {
    Set<String> methods = new HashSet<>(fields.values());
    methods.add("build");
    Set<String> fieldNames = new HashSet<>(fields.values());
    Map<Property, Adder> out = new LinkedHashMap<>();
    fields.forEach((p, field) -> {
      if (!(p.type() instanceof ArrayType)) {
        return;
      }
      String singular = JavaNames.singular(field);
      String method = "add" + capitalize(singular);
      if (!methods.add(method)) {
        method = unique(methods, "add" + capitalize(field) + "Item");
      }
      String flag = unique(fieldNames, field + "Owned");
      out.put(p, new Adder(method, JavaNames.isIdentifier(singular) ? singular : "element", flag));
    });
    return out;
  }

  private static String unique(Set<String> taken, String base) {
    String name = base;
    for (int n = 2; !taken.add(name); n++) {
      name = base + n;
    }
    return name;
  }

  private static String capitalize(String name) {
    return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }

  /** The names one list property's adder uses. */
  private record Adder(String method, String parameter, String ownedFlag) {}
}
