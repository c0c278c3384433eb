package dev.workersai.generator.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.workersai.generator.naming.JavaNames;
import dev.workersai.catalog.schema.ArrayType;
import dev.workersai.catalog.schema.BinaryType;
import dev.workersai.catalog.schema.MapType;
import dev.workersai.catalog.schema.ObjectType;
import dev.workersai.catalog.schema.Property;
import dev.workersai.catalog.schema.SchemaType;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * An object schema as a record: one component per property with its wire name, optional ones null
 * and left off the wire, lists and maps held as unmodifiable copies, a {@code validate(String path)}
 * with the schema's constraints, {@code of(...)} taking the required properties alone
 * ({@link RequiredFactories}), and a builder when two or more properties are optional.
 */
final class RecordEmitter {
  /** Member names a record already has or that generated code adds. */
  private static final Set<String> RESERVED = Set.of("validate", "toPayload", "builder", "of", "hashCode", "toString",
      "equals", "getClass", "notify", "notifyAll", "wait", "clone", "finalize", "path");

  private final Types types;
  private final WireNames wireNames;
  private final Validation validation;
  private final Builders builders;

  RecordEmitter(Types types, WireNames wireNames, PropertySpecs specs) {
    this.types = types;
    this.wireNames = wireNames;
    this.validation = new Validation(types);
    this.builders = new Builders(types, specs);
  }

  /** What a record is for, which decides the interfaces and methods it gets. */
  enum Role {
    /** A property's type. */
    NESTED,
    /** A branch of a union. */
    UNION_BRANCH,
    /** A branch of the union that is a model's input. */
    INPUT_BRANCH,
    /** A model's input. */
    ROOT_INPUT
  }

  /**
   * A property whose value a union branch implies: the discriminator, never a component, always
   * written.
   *
   * @param wireName its name on the wire
   * @param javaName its accessor's name
   * @param value the value the branch implies
   */
  record Implied(String wireName, String javaName, String value) {}

  /** A record without an implied property. */
  TypeSpec emit(ObjectType object, ClassName name, Role role, TypeName superinterface, String doc) {
    return emit(object, name, role, superinterface, doc, Optional.empty());
  }

  /**
   * @param object the schema (an implied property left out)
   * @param name the record's class
   * @param role what it is for
   * @param superinterface the union it belongs to, or null
   * @param doc the first sentence of its Javadoc
   * @param implied the discriminator the record implies, if any
   */
  TypeSpec emit(ObjectType object, ClassName name, Role role, TypeName superinterface, String doc, Optional<Implied> implied) {
    Map<Property, String> fields = fieldNames(object);
    TypeSpec.Builder record = TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC)
        .addAnnotation(Refs.INCLUDE_NON_NULL)
        .addAnnotation(Refs.IGNORE_UNKNOWN);
    if (name.enclosingClassName() != null) {
      record.addModifiers(Modifier.STATIC);
    } else {
      record.addAnnotation(Refs.GENERATED_BY_US);
    }
    if (role == Role.UNION_BRANCH || role == Role.INPUT_BRANCH) {
      record.addAnnotation(Refs.PLAIN_DESERIALIZER);
    }
    if (superinterface != null) {
      record.addSuperinterface(superinterface);
    }
    if (role == Role.ROOT_INPUT) {
      record.addSuperinterface(Refs.MODEL_INPUT);
    }
    String params = paramDocs(fields);
    record.addJavadoc("$L\n\n$L", doc, params);
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
    fields.forEach((p, field) -> ctor.addParameter(component(p, field)));
    record.recordConstructor(ctor.build());
    copies(fields, params).ifPresent(record::addMethod);
    implied.ifPresent(i -> record
        .addAnnotation(AnnotationSpec.builder(Refs.JSON_PROPERTY_ORDER).addMember("value", "$L", Docs.literal(i.wireName())).build())
        .addMethod(MethodSpec.methodBuilder(i.javaName()).addModifiers(Modifier.PUBLIC).returns(String.class)
            .addAnnotation(AnnotationSpec.builder(Refs.JSON_PROPERTY).addMember("value", "$L", Docs.literal(i.wireName()))
                .addMember("access", "$T.Access.READ_ONLY", Refs.JSON_PROPERTY).build())
            .addJavadoc("Always $L: the value that makes this form, written on the wire.\n\n@return $L\n",
                Docs.code(i.value()), Docs.code(i.value()))
            .addStatement("return $L", Docs.literal(i.value())).build()));
    if (implied.isEmpty()) { // a form of a discriminated union is made through its interface's factories
      RequiredFactories.forRecord(name, fields, types).forEach(record::addMethod);
    }
    boolean builder = hasBuilder(object);
    if (builder) {
      record.addMethod(MethodSpec.methodBuilder("builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .addJavadoc("A builder with every property unset.\n\n@return a new builder\n")
          .returns(name.nestedClass("Builder")).addStatement("return new Builder()").build());
    }
    if (role == Role.ROOT_INPUT) {
      record.addMethod(Members.VALIDATE_INPUT);
    }
    record.addMethod(validate(fields, superinterface != null));
    if (role == Role.ROOT_INPUT || role == Role.INPUT_BRANCH) {
      Payloads.bodyPayload(object, fields).ifPresent(record::addMethod);
    }
    if (builder) {
      record.addType(builders.emit(name, fields));
    }
    return record.build();
  }

  /**
   * A compact constructor replacing each list and map component with an unmodifiable copy, so the
   * record is a value: what a caller or a builder later does to the list it passed changes nothing.
   */
  private static Optional<MethodSpec> copies(Map<Property, String> fields, String params) {
    MethodSpec.Builder ctor = null;
    for (Map.Entry<Property, String> e : fields.entrySet()) {
      SchemaType type = e.getKey().type();
      if (type instanceof ArrayType || type instanceof MapType) {
        if (ctor == null) {
          ctor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC)
              .addJavadoc("Keeps unmodifiable copies of the lists and maps given.\n\n$L", params);
        }
        ctor.addStatement("$L = $T.$L($L)", e.getValue(), Refs.COPIES, type instanceof ArrayType ? "list" : "map", e.getValue());
      }
    }
    return ctor == null ? Optional.empty() : Optional.of(ctor.build());
  }

  /** The {@code @param} lines of the components, which the record and its compact constructor both carry. */
  private static String paramDocs(Map<Property, String> fields) {
    StringBuilder out = new StringBuilder(fields.size() * 96);
    fields.forEach((p, field) -> PropertyDocs.param(field, p, out));
    return out.toString();
  }

  private ParameterSpec component(Property p, String field) {
    ParameterSpec.Builder param = ParameterSpec.builder(types.of(p.type()), field)
        .addAnnotation(wireNames.jsonProperty(p.name()));
    if (p.type() instanceof BinaryType b && b.encoding() == BinaryType.Encoding.UINT8_ARRAY) {
      param.addAnnotation(Refs.SERIALIZE_UINT8);
    }
    return param.build();
  }

  private MethodSpec validate(Map<Property, String> fields, boolean overrides) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("validate").addModifiers(Modifier.PUBLIC)
        .addParameter(String.class, "path");
    if (overrides) {
      m.addAnnotation(Refs.OVERRIDE);
    } else {
      m.addJavadoc(Members.VALIDATE_PATH_DOC);
    }
    CodeBlock.Builder body = CodeBlock.builder();
    fields.forEach((p, field) -> {
      if (!p.required() && !Validation.needed(p.type())) {
        return; // nothing to check
      }
      CodeBlock path = wireNames.path(p.name());
      if (p.required()) {
        Validation.required(body, path, field);
      }
      validation.addChecks(body, field, p.type(), path, 0);
    });
    return m.addCode(body.build()).build();
  }

  /** Whether the record of {@code object} gets a {@code Builder}: when two or more properties are optional. */
  static boolean hasBuilder(ObjectType object) {
    return object.properties().stream().filter(p -> !p.required()).count() >= 2;
  }

  /**
   * Java names for the properties, unique within the record, reserved member names avoided: a name
   * taken gets {@code _} appended until it is free (as JavaPoet's {@code NameAllocator} would; a
   * {@link JavaNames#memberName} is already a legal identifier and never a keyword).
   */
  static Map<Property, String> fieldNames(ObjectType object) {
    Set<String> taken = new HashSet<>();
    Map<Property, String> out = new LinkedHashMap<>();
    for (Property p : object.properties()) {
      String name = JavaNames.memberName(p.name());
      while (RESERVED.contains(name) || !taken.add(name)) {
        name = name + "_";
      }
      out.put(p, name);
    }
    return out;
  }

  /** Whether {@code type} is bytes carried as the request body. */
  static boolean isBody(SchemaType type) {
    return type instanceof BinaryType b && b.encoding() == BinaryType.Encoding.BODY;
  }
}
