package dev.workersai.catalog.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workersai.catalog.CatalogException;
import dev.workersai.catalog.JsonFiles;
import dev.workersai.catalog.SourceLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one JSON Schema document (a model's input or output) into {@link SchemaType} values.
 *
 * <p>It understands {@code type} (also as an array), {@code properties}, {@code required},
 * {@code additionalProperties}, {@code items}, {@code enum}, {@code const}, {@code oneOf},
 * {@code anyOf}, {@code allOf} of objects, local {@code $ref}s, {@code format: binary} and the
 * numeric, length and size constraints. {@code description} and {@code title} never reach the
 * result. What it cannot type becomes {@link UntypedType} with a note; a bound generated code cannot
 * hold is a {@link CatalogException} naming the pointer.
 *
 * <p>It reads schemas that passed the catalog's shape check (every {@code CatalogModel}'s did), so
 * the JSON kinds of keywords ({@code "required": 3}) are not checked again here. References are
 * followed by {@link LocalRefs}, {@code allOf} and union branches merged by {@link SchemaMerge}.
 */
public final class SchemaReader {
  /** Deeper than any catalog schema (20 levels) by far; beyond it a node is left untyped. */
  private static final int MAX_DEPTH = 128;

  private final SchemaStats stats;
  private final LocalRefs refs;
  private final Shapes shapes;

  /**
   * @param document the whole schema document, against which {@code #/...} references resolve
   * @param stats where nodes, untyped nodes and notes are counted
   */
  public SchemaReader(JsonNode document, SchemaStats stats) {
    this(document, stats, new Shapes());
  }

  /** @param shapes where the object and union shapes read are kept, one instance per value */
  SchemaReader(JsonNode document, SchemaStats stats, Shapes shapes) {
    this.stats = stats;
    this.refs = new LocalRefs(document);
    this.shapes = shapes;
  }

  /**
   * Reads a schema node.
   *
   * @param node the schema
   * @param at where it is, for errors and notes
   * @param name the property name it belongs to ({@code ""} if none): arrays of numbers named like
   *     {@code image}, {@code audio} or {@code mask} are bytes
   */
  public SchemaType read(JsonNode node, SourceLocation at, String name) {
    return read(node, at, name, 0);
  }

  private SchemaType read(JsonNode node, SourceLocation at, String name, int depth) {
    stats.countNode();
    if (depth > MAX_DEPTH) {
      return untyped(at, "nested deeper than " + MAX_DEPTH + " levels");
    }
    if (!node.isObject()) {
      return untyped(at, "not a schema object");
    }
    if (node.has("$ref")) {
      return readRef(node, at, name, depth);
    }
    if (node.has("allOf")) {
      return read(SchemaMerge.mergeAllOf(node, refs), at, name, depth + 1);
    }
    if (node.has("const")) {
      return enumOf(List.of(node.get("const")), node, at);
    }
    if (node.has("enum")) {
      return enumOf(elements(node, "enum"), node, at);
    }
    List<Combinators.Located> branches = Combinators.branches(node, at);
    if (!branches.isEmpty()) {
      return readUnion(branches, at, name, depth);
    }
    JsonNode type = node.get("type");
    if (type != null && type.isArray()) {
      List<Combinators.Located> split = Combinators.splitTypeArray(node, at);
      if (split.isEmpty()) {
        return untyped(at, "type \"null\"");
      }
      return split.size() == 1 ? read(split.get(0).node(), at, name, depth + 1) : readUnion(split, at, name, depth);
    }
    String kind = type != null ? type.asText() : inferType(node);
    switch (kind) {
      case "object": return readObject(node, at, depth);
      case "array": return readArray(node, at, name, depth);
      case "string": return readString(node, at);
      case "integer": return Constraints.scalar(ScalarType.Kind.INTEGER, node, at);
      case "number": return Constraints.scalar(ScalarType.Kind.NUMBER, node, at);
      case "boolean": return ScalarType.of(ScalarType.Kind.BOOLEAN);
      case "": return untyped(at, "schema without a type");
      default: return untyped(at, "type \"" + kind + "\"");
    }
  }

  private static String inferType(JsonNode node) {
    if (node.has("properties") || node.has("additionalProperties")) {
      return "object";
    }
    return node.has("items") ? "array" : "";
  }

  private SchemaType readRef(JsonNode node, SourceLocation at, String name, int depth) {
    return refs.read(node, target -> read(target, at, name, depth + 1), broken -> untyped(at, broken.toString()));
  }

  /** Reads schemas as the branches of one union (a single branch reads as itself). */
  SchemaType readUnion(List<Combinators.Located> branchNodes, SourceLocation at, String name, int depth) {
    if (branchNodes.size() == 1) {
      return read(branchNodes.get(0).node(), branchNodes.get(0).at(), name, depth + 1);
    }
    if (branchNodes.size() > JvmLimits.MAX_BRANCHES) {
      return untyped(at, branchNodes.size() + " branches, more than a typed union has (" + JvmLimits.MAX_BRANCHES + ")");
    }
    List<UnionType.Branch> branches = new ArrayList<>();
    for (Combinators.Located branch : branchNodes) {
      SchemaType type = read(branch.node(), branch.at(), name, depth + 1);
      String title = branch.node().path("title").asText("");
      if (type instanceof UnionType nested) {
        branches.addAll(nested.branches());
      } else {
        branches.add(new UnionType.Branch(type, title));
      }
    }
    List<UnionType.Branch> distinct = UnionType.distinct(branches);
    return distinct.size() == 1 ? distinct.get(0).type() : shapes.of(new UnionType(distinct));
  }

  private SchemaType readObject(JsonNode node, SourceLocation at, int depth) {
    JsonNode props = node.get("properties");
    List<String> required = strings(node, "required");
    if (props == null || props.isEmpty()) {
      return readMap(node, at, depth);
    }
    if (isBodyAndContentType(props)) {
      return new BinaryType(BinaryType.Encoding.BODY);
    }
    String pastLimits = pastRecordLimits(props, required);
    if (pastLimits != null) {
      return new MapType(untyped(at, pastLimits + ", read as a map"), OptionalInt.empty(), OptionalInt.empty());
    }
    Map<String, Property> properties = new LinkedHashMap<>();
    SourceLocation propertiesAt = at.child("properties");
    for (Map.Entry<String, JsonNode> e : props.properties()) {
      SourceLocation propAt = propertiesAt.child(e.getKey());
      if (!e.getValue().isObject()) {
        stats.note(propAt + ": property schema is not an object; left out");
        continue;
      }
      SchemaType type = read(e.getValue(), propAt, e.getKey(), depth + 1);
      Optional<String> dflt = Optional.ofNullable(e.getValue().get("default")).map(JsonFiles::compact);
      properties.put(e.getKey(), new Property(e.getKey(), type, required.contains(e.getKey()), dflt));
    }
    for (String name : required) {
      if (!properties.containsKey(name)) {
        stats.countNode();
        properties.put(name, new Property(name, untyped(at.child("required"), "required \"" + name + "\" is not declared"),
            true, Optional.empty()));
      }
    }
    if (properties.isEmpty()) {
      return readMap(node, at, depth);
    }
    return shapes.of(new ObjectType(List.copyOf(properties.values())));
  }

  /**
   * Why an object cannot become a record ({@link JvmLimits}), or null when it can. Property names
   * need no check: the JSON reader refuses names over 50,000 bytes, which fit in a string constant.
   */
  private static String pastRecordLimits(JsonNode props, List<String> required) {
    Set<String> names = new HashSet<>(required);
    props.fieldNames().forEachRemaining(names::add);
    if (names.size() > JvmLimits.MAX_PROPERTIES) {
      return names.size() + " properties, more than a generated record takes (" + JvmLimits.MAX_PROPERTIES + ")";
    }
    return null;
  }

  private SchemaType readMap(JsonNode node, SourceLocation at, int depth) {
    JsonNode extra = node.get("additionalProperties");
    SchemaType values = extra != null && extra.isObject() && !extra.isEmpty()
        ? read(extra, at.child("additionalProperties"), "", depth + 1)
        : untyped(at, "free-form object");
    return new MapType(values, Constraints.count(node, "minProperties", at), Constraints.count(node, "maxProperties", at));
  }

  private static boolean isBodyAndContentType(JsonNode props) {
    return props.size() == 2 && props.has("body") && props.has("contentType");
  }

  private SchemaType readArray(JsonNode node, SourceLocation at, String name, int depth) {
    JsonNode items = node.get("items");
    if (items == null || !items.isObject()) {
      return new ArrayType(untyped(at, "array without a single items schema"),
          Constraints.count(node, "minItems", at), Constraints.count(node, "maxItems", at));
    }
    if (ByteArrays.isUint8Array(items, name)) {
      stats.countNode();
      return new BinaryType(BinaryType.Encoding.UINT8_ARRAY);
    }
    SchemaType itemType = read(items, at.child("items"), name, depth + 1);
    return new ArrayType(itemType, Constraints.count(node, "minItems", at), Constraints.count(node, "maxItems", at));
  }

  private SchemaType readString(JsonNode node, SourceLocation at) {
    if ("binary".equals(node.path("format").asText())) {
      return new BinaryType(BinaryType.Encoding.BASE64);
    }
    ScalarType scalar = Constraints.scalar(ScalarType.Kind.STRING, node, at);
    String unusable = scalar.pattern().map(SchemaReader::unusablePattern).orElse(null);
    if (unusable != null) {
      stats.note(at.child("pattern") + ": " + unusable + "; not checked");
      return new ScalarType(scalar.kind(), scalar.minimum(), scalar.exclusiveMinimum(), scalar.maximum(),
          scalar.exclusiveMaximum(), scalar.minLength(), scalar.maxLength(), Optional.empty());
    }
    return scalar;
  }

  /**
   * Why a pattern cannot be checked by generated code, or null: it must fit in a string constant, and
   * compile as a Java regex (JSON Schema's are ECMAScript's), or every {@code validate} would throw.
   */
  private static String unusablePattern(String pattern) {
    if (!JvmLimits.fitsStringConstant(pattern)) {
      return "too long for a Java string constant";
    }
    try {
      Pattern.compile(pattern);
      return null;
    } catch (PatternSyntaxException e) {
      return "not a Java regular expression (" + e.getDescription() + ")";
    }
  }

  private SchemaType enumOf(List<JsonNode> values, JsonNode node, SourceLocation at) {
    List<String> texts = new ArrayList<>();
    boolean allStrings = true;
    boolean allIntegers = true;
    for (JsonNode v : values) {
      if (v.isNull()) {
        continue;
      }
      allStrings &= v.isTextual();
      allIntegers &= v.isIntegralNumber();
      texts.add(v.asText());
    }
    if (texts.isEmpty() || !(allStrings || allIntegers)) {
      return untyped(at, "enum of mixed or non-scalar values");
    }
    ScalarType.Kind kind = allStrings ? ScalarType.Kind.STRING : ScalarType.Kind.INTEGER;
    if (texts.size() > JvmLimits.MAX_ENUM_VALUES || !texts.stream().allMatch(JvmLimits::fitsStringConstant)) {
      stats.note(at + ": " + (texts.size() > JvmLimits.MAX_ENUM_VALUES ? texts.size() + " values, more than are checked ("
          + JvmLimits.MAX_ENUM_VALUES + ")" : "a value too long for a Java string constant") + "; the values are not checked");
      return ScalarType.of(kind);
    }
    return new EnumType(kind, texts);
  }

  private UntypedType untyped(SourceLocation at, String reason) {
    stats.countUntyped();
    stats.note(at + ": " + reason + "; typed as JsonNode");
    return new UntypedType(reason);
  }

  /** The members of an array keyword; the shape check made sure it is one. */
  static List<JsonNode> elements(JsonNode node, String keyword) {
    List<JsonNode> out = new ArrayList<>();
    node.path(keyword).forEach(out::add);
    return out;
  }

  private static List<String> strings(JsonNode node, String keyword) {
    List<String> out = new ArrayList<>();
    node.path(keyword).forEach(v -> out.add(v.asText()));
    return out;
  }
}
