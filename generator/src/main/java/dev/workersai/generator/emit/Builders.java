package dev.workersai.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.workersai.generator.naming.JavaNames;
import dev.workersai.catalog.schema.ArrayType;
import dev.workersai.catalog.schema.Property;
import java.util.ArrayList;
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
 * <p>A list setter copies the list it is given into one the builder owns, which the adder appends
 * to; a caller's list is never written to, and changing it after the call changes nothing. The
 * record copies again when built, so adding to the builder later cannot change a value already built.
 */
final class Builders {
  private final Types types;
  private final PropertySpecs specs;

  Builders(Types types, PropertySpecs specs) {
    this.types = types;
    this.specs = specs;
  }

  /** The builder of the record {@code name} whose components are {@code fields}. */
  TypeSpec emit(ClassName name, Map<Property, String> fields) {
    ClassName builder = name.nestedClass("Builder");
    TypeSpec.Builder b = TypeSpec.classBuilder(builder).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Builds a {@link $T}; properties left unset are left off the wire.\n", name)
        .addMethod(Members.PRIVATE_CONSTRUCTOR);
    Map<Property, Adder> adders = adders(fields);
    CodeBlock.Builder args = CodeBlock.builder();
    fields.forEach((p, field) -> {
      TypeName type = types.of(p.type());
      b.addField(specs.privateField(type, field));
      Adder adder = adders.get(p);
      TypeName paramType = type.isBoxedPrimitive() ? type.unbox() : type;
      // One Javadoc text and one body block, not a format per line: JavaPoet parses each format into parts.
      MethodSpec.Builder setter = MethodSpec.methodBuilder(field).addModifiers(Modifier.PUBLIC).returns(builder)
          .addParameter(specs.parameter(paramType, field));
      if (adder != null) {
        setter.addJavadoc("$L", "Sets " + Docs.code(p.name()) + " to a copy of {@code " + field
                + "}; null leaves it unset.\n\n@param " + field + " the value\n@return this builder\n")
            .addCode("this.$L = $L == null ? null : new $T<>($L);\nreturn this;\n", field, field, ArrayList.class, field);
      } else {
        setter.addJavadoc("$L", "Sets " + Docs.code(p.name()) + ".\n\n@param " + field + " the value\n@return this builder\n")
            .addCode("$L", "this." + field + " = " + field + ";\nreturn this;\n");
      }
      b.addMethod(setter.build());
      if (adder != null) {
        b.addMethod(adderMethod(builder, p, field, specs.parameter(((ParameterizedTypeName) type).typeArguments().get(0),
            adder.parameter()), adder));
      }
      args.add(args.isEmpty() ? "$L" : ",$W$L", field);
    });
    b.addMethod(MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(name)
        .addJavadoc("The value; {@code validate} runs when it is sent.\n\n@return the value\n")
        .addStatement("return new $T($L)", name, args.build()).build());
    return b.build();
  }

  private static MethodSpec adderMethod(ClassName builder, Property p, String field, ParameterSpec element, Adder adder) {
    return MethodSpec.methodBuilder(adder.method()).addModifiers(Modifier.PUBLIC).returns(builder)
        .addJavadoc("$L", "Appends one element to " + Docs.code(p.name()) + ", after those set or added before.\n\n"
            + "<p>The built value holds an unmodifiable copy; a list given to {@link #" + field + "(List)} is never changed.\n\n"
            + "@param " + adder.parameter() + " the element to append\n@return this builder\n")
        .addParameter(element)
        .addCode("if (this.$L == null) {\n$>this.$L = new $T<>();\n$<}\nthis.$L.add($L);\nreturn this;\n",
            field, field, ArrayList.class, field, adder.parameter())
        .build();
  }

  /**
   * The adder of each list property: {@code add} and the singular of its Java name, else
   * {@code add<Name>Item} when that is taken by another builder method, numbered if still taken.
   */
  private static Map<Property, Adder> adders(Map<Property, String> fields) {
    Set<String> methods = new HashSet<>(fields.values());
    methods.add("build");
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
      out.put(p, new Adder(method, JavaNames.isIdentifier(singular) ? singular : "element"));
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
  private record Adder(String method, String parameter) {}
}
