package dev.workersai.generator.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.workersai.generator.naming.BranchNames;
import dev.workersai.generator.naming.JavaNames;
import dev.workersai.catalog.schema.ArrayType;
import dev.workersai.catalog.schema.BinaryType;
import dev.workersai.catalog.schema.EnumType;
import dev.workersai.catalog.schema.MapType;
import dev.workersai.catalog.schema.ObjectType;
import dev.workersai.catalog.schema.Property;
import dev.workersai.catalog.schema.ScalarType;
import dev.workersai.catalog.schema.SchemaType;
import dev.workersai.catalog.schema.UnionType;
import dev.workersai.catalog.schema.UntypedType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * A union as a sealed interface: one record per branch (an object branch with its properties, any
 * other branch wrapping its value), an {@code Unknown} record holding JSON no branch reads, and the
 * {@code Deserializer} that picks the branch. Branch records are nested in the interface and named
 * after the branch's title, else its first required (or first) property, else its JSON kind
 * ({@code OfString}, {@code OfList}, ...).
 */
final class UnionEmitter {
  // Members every union has alike, built once.
  private static final MethodSpec VALIDATE_PATH = MethodSpec.methodBuilder("validate")
      .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT).addParameter(Refs.STRING, "path").addJavadoc(Members.VALIDATE_PATH_DOC).build();
  private static final MethodSpec VALIDATE_INPUT = MethodSpec.methodBuilder("validate").addAnnotation(Refs.OVERRIDE)
      .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT).addStatement("validate($S)", "").build();
  private static final MethodSpec UNKNOWN_COMPONENTS = MethodSpec.constructorBuilder().addParameter(Refs.JSON_NODE, "raw").build();
  private static final MethodSpec UNKNOWN_READER = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC)
      .addAnnotation(Refs.DELEGATING_CREATOR).addJavadoc("Reads any JSON value.\n\n@param raw the JSON value\n").build();
  private static final MethodSpec UNKNOWN_RAW = MethodSpec.methodBuilder("raw").addModifiers(Modifier.PUBLIC)
      .addAnnotation(Refs.JSON_VALUE).returns(Refs.JSON_NODE).addStatement("return raw")
      .addJavadoc("The JSON value.\n\n@return the JSON value\n").build();
  private static final MethodSpec UNKNOWN_VALIDATE = MethodSpec.methodBuilder("validate").addAnnotation(Refs.OVERRIDE)
      .addModifiers(Modifier.PUBLIC).addParameter(Refs.STRING, "path")
      .addComment("Unknown JSON has no known constraints to check.").build();

  /** Lower-case names no branch record takes: Java's reserved type names, and {@code RawBody}. */
  private static final Set<String> RESERVED_BRANCH_NAMES = reservedBranchNames();

  private final Types types;
  private final RecordEmitter records;
  private final Validation validation;

  UnionEmitter(Types types, RecordEmitter records) {
    this.types = types;
    this.records = records;
    this.validation = new Validation(types);
  }

  /**
   * @param union the schema
   * @param name the interface's class
   * @param input whether it is a model's input (extends {@code ModelInput})
   * @param rawBody whether a {@code RawBody} branch sends bytes as the body (inputs only)
   * @param doc the first sentence of its Javadoc
   */
  TypeSpec emit(UnionType union, ClassName name, boolean input, boolean rawBody, String doc) {
    TypeSpec.Builder iface = TypeSpec.interfaceBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.SEALED)
        .addAnnotation(AnnotationSpec.builder(Refs.JSON_DESERIALIZE)
            .addMember("using", "$T.class", name.nestedClass("Deserializer")).build());
    if (name.enclosingClassName() == null) {
      iface.addAnnotation(Refs.GENERATED_BY_US);
    }
    if (input) {
      iface.addSuperinterface(Refs.MODEL_INPUT);
    }
    iface.addMethod(VALIDATE_PATH);
    if (input) {
      iface.addMethod(VALIDATE_INPUT);
    }
    List<CodeBlock> deserializerBranches = new ArrayList<>();
    List<ClassName> permitted = new ArrayList<>();
    Map<ClassName, SchemaType> wrappers = new LinkedHashMap<>();
    Map<UnionType.Branch, ClassName> branchNames = branchNames(union, name, types);
    for (UnionType.Branch branch : union.branches()) {
      SchemaType type = branch.type();
      ClassName branchName = branchNames.get(branch);
      if (branchName == null) {
        continue;
      }
      permitted.add(branchName);
      Optional<String> tag = union.tag(branch);
      if (type instanceof ObjectType o) {
        ObjectType shape = recordShape(union, branch);
        Optional<RecordEmitter.Implied> implied = tag.map(t -> new RecordEmitter.Implied(union.discriminator().orElseThrow(),
            RecordEmitter.fieldNames(o).entrySet().stream()
                .filter(e -> e.getKey().name().equals(union.discriminator().orElseThrow()))
                .map(Map.Entry::getValue).findFirst().orElseThrow(), t));
        String form = tag.map(t -> "The " + Docs.code(t) + " form of {@link " + name.simpleName() + "} ("
                + Docs.code("\"" + union.discriminator().orElseThrow() + "\": \"" + t + "\"") + ", implied).")
            .orElse("The " + Docs.code(branch.title().isEmpty() ? branchName.simpleName() : branch.title())
                + " form of {@link " + name.simpleName() + "}.");
        iface.addType(records.emit(shape, branchName, input ? RecordEmitter.Role.INPUT_BRANCH : RecordEmitter.Role.UNION_BRANCH,
            name, form, implied));
        List<String> required = shape.properties().stream().filter(Property::required).map(Property::name).toList();
        List<String> known = shape.properties().stream().map(Property::name).toList();
        deserializerBranches.add(tag.isPresent()
            ? CodeBlock.of("$T.tagged($T.class, $L, $L, $L)", Refs.UNION_BRANCH, branchName, Docs.literal(tag.get()), names(required), names(known))
            : CodeBlock.of("$T.object($T.class, $L, $L)", Refs.UNION_BRANCH, branchName, names(required), names(known)));
      } else {
        iface.addType(wrapper(type, branchName, name));
        wrappers.put(branchName, type);
        deserializerBranches.add(kind(type, branchName));
      }
    }
    if (rawBody) {
      ClassName raw = name.nestedClass("RawBody");
      permitted.add(raw);
      iface.addType(rawBody(raw, name));
    }
    factories(name, wrappers).forEach(iface::addMethod);
    RequiredFactories.forForms(union, name, branchNames, types).forEach(iface::addMethod);
    ClassName unknown = name.nestedClass("Unknown");
    permitted.add(unknown);
    iface.addType(unknown(unknown, name));
    iface.addType(deserializer(name, unknown, union.discriminator(), deserializerBranches));
    permitted.forEach(iface::addPermittedSubclass);
    iface.addJavadoc("$L\n\n<p>One of $L.\n", doc, permitted.stream()
        .map(c -> "{@link " + c.simpleName() + "}").collect(Collectors.joining(", ")));
    return iface.build();
  }

  /**
   * The record each readable branch of {@code union} becomes, nested in {@code name}; branches
   * without a record (bytes sent as the body, untyped) are left out. Code that builds or matches a
   * branch elsewhere (the task interfaces) names it through this, so the names always agree.
   */
  static Map<UnionType.Branch, ClassName> branchNames(UnionType union, ClassName name, Types types) {
    Set<String> taken = new HashSet<>();
    taken.add(name.simpleName().toLowerCase(Locale.ROOT));
    for (ClassName e = name.enclosingClassName(); e != null; e = e.enclosingClassName()) {
      taken.add(e.simpleName().toLowerCase(Locale.ROOT));
    }
    taken.addAll(RESERVED_BRANCH_NAMES);
    Map<UnionType.Branch, ClassName> out = new LinkedHashMap<>();
    BranchNames.of(union, taken, UnionEmitter::readable, branch -> usedNames(union, branch, types))
        .forEach((branch, simple) -> out.put(branch, name.nestedClass(simple)));
    return out;
  }

  private static Set<String> reservedBranchNames() {
    Set<String> out = new HashSet<>();
    JavaNames.RESERVED_TYPE_NAMES.forEach(r -> out.add(r.toLowerCase(Locale.ROOT)));
    out.add("rawbody");
    return Set.copyOf(out);
  }

  /** The simple names of the types a branch's record refers to. */
  private static Set<String> usedNames(UnionType union, UnionType.Branch branch, Types types) {
    if (!readable(branch.type())) {
      return Set.of();
    }
    Set<String> out = new HashSet<>();
    if (branch.type() instanceof ObjectType) {
      recordShape(union, branch).properties().forEach(p -> Types.simpleNames(types.of(p.type()), out));
    } else {
      Types.simpleNames(types.of(branch.type()), out);
    }
    return out;
  }

  /**
   * The object a branch's record holds: the branch itself, less the discriminator, whose value the
   * record implies.
   */
  static ObjectType recordShape(UnionType union, UnionType.Branch branch) {
    ObjectType object = (ObjectType) branch.type();
    if (union.tag(branch).isEmpty()) {
      return object;
    }
    String discriminator = union.discriminator().orElseThrow();
    return new ObjectType(object.properties().stream().filter(p -> !p.name().equals(discriminator)).toList());
  }

  private static boolean readable(SchemaType type) {
    return !(type instanceof BinaryType b && b.encoding() == BinaryType.Encoding.BODY)
        && !(type instanceof UntypedType);
  }

  private TypeSpec wrapper(SchemaType type, ClassName name, ClassName union) {
    TypeName valueType = types.of(type);
    MethodSpec.Builder accessor = MethodSpec.methodBuilder("value").addModifiers(Modifier.PUBLIC)
        .addAnnotation(Refs.JSON_VALUE).returns(valueType).addStatement("return value")
        .addJavadoc("The value, as sent on the wire.\n\n@return the value\n");
    if (type instanceof BinaryType b && b.encoding() == BinaryType.Encoding.UINT8_ARRAY) {
      accessor.addAnnotation(Refs.SERIALIZE_UINT8);
    }
    StringBuilder value = new StringBuilder("the value");
    PropertyDocs.addLimits(type, value);
    return TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addAnnotation(Refs.PLAIN_DESERIALIZER)
        .addSuperinterface(union)
        .addJavadoc("{@link $L} as a bare value.\n\n@param value $L\n", union.simpleName(), value.toString())
        .recordConstructor(MethodSpec.constructorBuilder().addParameter(ParameterSpec.builder(valueType, "value").build()).build())
        .addMethod(wrapperConstructor(type))
        .addMethod(accessor.build())
        .addMethod(MethodSpec.methodBuilder("validate").addAnnotation(Refs.OVERRIDE).addModifiers(Modifier.PUBLIC)
            .addParameter(String.class, "path")
            .addCode(validation.checks("value", type, CodeBlock.of("path"))).build())
        .build();
  }

  /** Reads the bare value; a list or map is copied, so the record stays a value. */
  private static MethodSpec wrapperConstructor(SchemaType type) {
    MethodSpec.Builder ctor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC)
        .addAnnotation(Refs.DELEGATING_CREATOR)
        .addJavadoc("Reads the bare JSON value.\n\n@param value the value\n");
    if (type instanceof ArrayType || type instanceof MapType) {
      ctor.addStatement("value = $T.$L(value)", Refs.COPIES, type instanceof ArrayType ? "list" : "map");
    }
    return ctor.build();
  }

  /**
   * {@code static Union of(T value)} for each branch wrapping a bare value, skipping branches whose
   * value types erase alike ({@code List<String>} and {@code List<Long>}), where overloads would clash.
   */
  private List<MethodSpec> factories(ClassName union, Map<ClassName, SchemaType> wrappers) {
    Map<TypeName, Long> erasures = erasureCounts(wrappers.values(), types);
    List<MethodSpec> out = new ArrayList<>();
    wrappers.forEach((branch, type) -> {
      TypeName valueType = types.of(type);
      if (erasures.get(erasure(valueType)) > 1) {
        return;
      }
      TypeName param = valueType.isBoxedPrimitive() ? valueType.unbox() : valueType;
      out.add(MethodSpec.methodBuilder("of").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(union)
          .addJavadoc("The {@link $L} form of {@link $L}: {@code new $L(value)}.\n\n"
              + "@param value the value, as sent on the wire\n@return the value as a {@link $L}\n",
              branch.simpleName(), union.simpleName(), branch.simpleName(), union.simpleName())
          .addParameter(param, "value")
          .addStatement("return new $T(value)", branch)
          .build());
    });
    return out;
  }

  /**
   * Whether the interface of {@code union} has {@code of(String)}: a bare-text branch whose
   * factory no other branch's erases alike (see {@link #factories}).
   */
  static boolean takesText(UnionType union, Types types) {
    List<SchemaType> bare = union.branches().stream().map(UnionType.Branch::type)
        .filter(t -> readable(t) && !(t instanceof ObjectType)).toList();
    return erasureCounts(bare, types).getOrDefault(ClassName.get(String.class), 0L) == 1;
  }

  /** How many of the bare-value branches erase to each type: an {@code of} exists for a count of one. */
  private static Map<TypeName, Long> erasureCounts(Collection<SchemaType> bare, Types types) {
    return bare.stream().collect(Collectors.groupingBy(t -> erasure(types.of(t)), Collectors.counting()));
  }

  private static TypeName erasure(TypeName type) {
    return type instanceof ParameterizedTypeName p ? p.rawType() : type;
  }

  private static TypeSpec rawBody(ClassName name, ClassName union) {
    return TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addSuperinterface(union)
        .addJavadoc("The bytes sent as the whole request body (the schema accepts a binary body).\n\n"
            + "@param body the bytes and their content type\n")
        .recordConstructor(MethodSpec.constructorBuilder().addParameter(Refs.BINARY_BODY, "body").build())
        .addMethod(MethodSpec.methodBuilder("validate").addAnnotation(Refs.OVERRIDE).addModifiers(Modifier.PUBLIC)
            .addParameter(String.class, "path").addStatement("$T.required(path, body)", Refs.CHECKS).build())
        .addMethod(Payloads.rawPayload("body"))
        .build();
  }

  private static TypeSpec unknown(ClassName name, ClassName union) {
    return TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addAnnotation(Refs.PLAIN_DESERIALIZER)
        .addSuperinterface(union)
        .addJavadoc("JSON that none of the known forms reads, kept as it is (a form added after generation).\n\n"
            + "@param raw the JSON value\n")
        .recordConstructor(UNKNOWN_COMPONENTS)
        .addMethod(UNKNOWN_READER)
        .addMethod(UNKNOWN_RAW)
        .addMethod(UNKNOWN_VALIDATE)
        .build();
  }

  private static TypeSpec deserializer(ClassName union, ClassName unknown, Optional<String> discriminator,
      List<CodeBlock> branches) {
    ClassName name = union.nestedClass("Deserializer");
    CodeBlock.Builder list = CodeBlock.builder().add("$T.of(", List.class).indent();
    for (int i = 0; i < branches.size(); i++) {
      list.add(i == 0 ? "\n$L" : ",\n$L", branches.get(i));
    }
    list.unindent().add(")");
    return TypeSpec.classBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(Refs.UNION_DESERIALIZER, union))
        .addJavadoc("Reads JSON into the form of {@link $L} it matches.\n", union.simpleName())
        .addField(FieldSpec.builder(long.class, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("1L").build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("Used by Jackson.\n")
            .addStatement(discriminator.isPresent() ? "super($T.class, $T::new, $L, $L)" : "super($T.class, $T::new, $L)",
                discriminator.isPresent() ? new Object[] {union, unknown, Docs.literal(discriminator.get()), list.build()}
                    : new Object[] {union, unknown, list.build()}).build())
        .build();
  }

  private static CodeBlock kind(SchemaType type, ClassName branch) {
    if (type instanceof MapType) {
      return CodeBlock.of("$T.object($T.class, $T.of(), $T.of())", Refs.UNION_BRANCH, branch, Set.class, Set.class);
    }
    return CodeBlock.of("$T.of($T.class, $T.$L)", Refs.UNION_BRANCH, branch, Refs.UNION_KIND, jsonKind(type));
  }

  private static String jsonKind(SchemaType type) {
    if (type instanceof ScalarType s) {
      return s.kind().name();
    }
    if (type instanceof EnumType e) {
      return e.kind().name();
    }
    if (type instanceof BinaryType b) {
      return b.encoding() == BinaryType.Encoding.UINT8_ARRAY ? "ARRAY" : "STRING";
    }
    return "ARRAY";
  }

  private static CodeBlock names(List<String> names) {
    return CodeBlock.of("$T.of($L)", Set.class, Docs.literals(names));
  }
}
