package dev.workersai.generator.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.catalog.schema.LocalRefs;
import dev.workersai.catalog.schema.SchemaMerge;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a JSON Schema into a {@link SchemaNode} tree for comparison. Local {@code $ref}s are
 * followed by the catalog's {@link LocalRefs} (a recursive one stops as {@link SchemaNode#ANY});
 * {@code allOf} parts are merged into one schema, and parents into union branches, by the
 * catalog's {@link SchemaMerge}, as the generator reads them; {@code oneOf}/{@code anyOf}
 * branches, and the types of a {@code type} list, become the branches of a union, each with its
 * parent's keywords folded in, nested unions flattened,
 * {@code null} alternatives turned into nullability and duplicate branches dropped. Keywords that
 * cannot apply to a node's types (a {@code maxItems} on a string) are left out, so that splitting
 * {@code type: [string, array]} into branches gives each branch only its own constraints.
 *
 * <p>It never fails: whatever it cannot read stands for any value, as the change report must
 * describe even a schema the generator would refuse.
 */
final class SchemaNormalizer {
  /** Deeper than any published schema (20 levels) and than any sane recursive one needs. */
  private static final int MAX_DEPTH = 40;

  private static final List<String> LOWER = List.of("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties");
  private static final List<String> UPPER = List.of("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties");

  private final LocalRefs refs;

  private SchemaNormalizer(JsonNode root) {
    this.refs = new LocalRefs(root);
  }

  static SchemaNode normalize(JsonNode schema) {
    return new SchemaNormalizer(schema).read(schema, 0);
  }

  private SchemaNode read(JsonNode schema, int depth) {
    if (depth > MAX_DEPTH || schema == null || !schema.isObject()) {
      return SchemaNode.ANY;
    }
    if (LocalRefs.isRef(schema) && schema.get("$ref").textValue().startsWith("#")) {
      return refs.read(schema, target -> target.isObject() ? read(target, depth + 1) : SchemaNode.ANY, broken -> SchemaNode.ANY);
    }
    if (schema.get("allOf") instanceof ArrayNode) {
      return read(SchemaMerge.mergeAllOf(schema, refs), depth + 1);
    }
    String union = schema.get("oneOf") instanceof ArrayNode ? "oneOf" : schema.get("anyOf") instanceof ArrayNode ? "anyOf" : null;
    if (union != null) {
      List<JsonNode> branches = new ArrayList<>();
      schema.get(union).forEach(branch -> branches.add(SchemaMerge.inherit(schema, branch)));
      return union(schema, branches, depth);
    }
    if (schema.get("type") instanceof ArrayNode typeList && nonNullTypes(typeList) > 1) {
      List<JsonNode> branches = new ArrayList<>();
      for (JsonNode type : typeList) {
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        copy.set("type", type);
        copy.remove("title");
        branches.add(copy);
      }
      return union(schema, branches, depth);
    }
    return plain(schema, depth);
  }

  /** A union of {@code branchSchemas}; one that leaves a single non-null branch reads as that branch. */
  private SchemaNode union(JsonNode parent, List<JsonNode> branchSchemas, int depth) {
    List<SchemaNode> branches = new ArrayList<>();
    boolean nullable = false;
    for (JsonNode branchSchema : branchSchemas) {
      SchemaNode branch = read(branchSchema, depth + 1);
      List<SchemaNode> parts = branch.isUnion() ? branch.branches() : List.of(branch);
      nullable |= branch.nullable();
      for (SchemaNode part : parts) {
        if (part.types().equals(Set.of("null"))) {
          nullable = true;
        } else if (!branches.contains(part.alternatives().get(0))) {
          branches.add(part.alternatives().get(0));
        }
      }
    }
    SortedSet<String> nullType = new TreeSet<>(nullable ? Set.of("null") : Set.of());
    if (branches.isEmpty()) {
      return SchemaNode.ANY.withTypes(new TreeSet<>(Set.of("null")));
    }
    if (branches.size() == 1) {
      SchemaNode only = branches.get(0);
      if (!nullable || only.types().isEmpty()) {
        return only;
      }
      SortedSet<String> types = new TreeSet<>(only.types());
      types.add("null");
      return only.withTypes(types);
    }
    return new SchemaNode(
        nullType, null, new TreeMap<>(), new TreeMap<>(), new TreeSet<>(), false, new TreeMap<>(), new TreeSet<>(),
        null, null, parent.path("title").asText(""), branches);
  }

  /** A schema without combinators. */
  private SchemaNode plain(JsonNode schema, int depth) {
    SortedSet<String> types = types(schema);
    SortedMap<String, SchemaNode> properties = new TreeMap<>();
    if (schema.get("properties") instanceof ObjectNode declared) {
      for (Map.Entry<String, JsonNode> property : declared.properties()) {
        properties.put(property.getKey(), read(property.getValue(), depth + 1));
      }
    }
    SortedSet<String> required = new TreeSet<>();
    if (schema.get("required") instanceof ArrayNode names) {
      names.forEach(name -> required.add(name.asText()));
    }
    JsonNode additionalSchema = schema.get("additionalProperties");
    SchemaNode additional = additionalSchema != null && additionalSchema.isObject() ? read(additionalSchema, depth + 1) : null;
    SchemaNode items = null;
    JsonNode itemSchema = schema.get("items");
    if (itemSchema instanceof ArrayNode tuple) {
      List<JsonNode> each = new ArrayList<>();
      tuple.forEach(each::add);
      items = union(JsonNodeFactory.instance.objectNode(), each, depth + 1);
    } else if (itemSchema != null) {
      items = read(itemSchema, depth + 1);
    }
    return new SchemaNode(
        types,
        enumValues(schema, types),
        bounds(schema, LOWER, types),
        bounds(schema, UPPER, types),
        formats(schema),
        additionalSchema != null && additionalSchema.isBoolean() && !additionalSchema.booleanValue(),
        properties,
        required,
        items,
        additional,
        schema.path("title").asText(""),
        List.of());
  }

  /** The declared types; else those its values, fields or items imply; else none (any). */
  private static SortedSet<String> types(JsonNode schema) {
    SortedSet<String> types = new TreeSet<>();
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual()) {
      types.add(type.textValue());
    } else if (type instanceof ArrayNode list) {
      list.forEach(t -> types.add(t.asText()));
    } else if (schema.has("const")) {
      types.add(kind(schema.get("const")));
    } else if (schema.get("enum") instanceof ArrayNode values && !values.isEmpty()) {
      values.forEach(value -> types.add(kind(value)));
    } else if (schema.has("properties") || schema.has("additionalProperties") || schema.has("required")) {
      types.add("object");
    } else if (schema.has("items")) {
      types.add("array");
    }
    if (types.contains("number")) {
      types.remove("integer"); // every integer is a number
    }
    return types;
  }

  /** The JSON type of a value: an integral number is an {@code integer}. */
  private static String kind(JsonNode value) {
    return switch (value.getNodeType()) {
      case STRING -> "string";
      case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
      case ARRAY -> "array";
      case OBJECT -> "object";
      default -> "string";
    };
  }

  /** {@code const} or {@code enum} as JSON texts, keeping only values the node's types allow. */
  private static SortedSet<String> enumValues(JsonNode schema, SortedSet<String> types) {
    List<JsonNode> values = new ArrayList<>();
    if (schema.has("const")) {
      values.add(schema.get("const"));
    } else if (schema.get("enum") instanceof ArrayNode list) {
      list.forEach(values::add);
    } else {
      return null;
    }
    SortedSet<String> texts = new TreeSet<>();
    for (JsonNode value : values) {
      String kind = kind(value);
      if (types.isEmpty() || types.contains(kind) || kind.equals("integer") && types.contains("number")) {
        texts.add(value.toString());
      }
    }
    return texts;
  }

  private static SortedMap<String, BigDecimal> bounds(JsonNode schema, List<String> keywords, SortedSet<String> types) {
    SortedMap<String, BigDecimal> bounds = new TreeMap<>();
    for (String keyword : keywords) {
      JsonNode value = schema.get(keyword);
      String appliesTo = SchemaNode.BOUND_TYPES.get(keyword);
      boolean applies = types.isEmpty() || types.contains(appliesTo) || appliesTo.equals("number") && types.contains("integer");
      if (value != null && value.isNumber() && applies) {
        bounds.put(keyword, value.decimalValue().stripTrailingZeros());
      }
    }
    return bounds;
  }

  private static SortedSet<String> formats(JsonNode schema) {
    SortedSet<String> formats = new TreeSet<>();
    for (String keyword : List.of("format", "contentType")) {
      JsonNode value = schema.get(keyword);
      if (value != null && value.isTextual()) {
        formats.add(keyword + "=" + value.textValue());
      }
    }
    return formats;
  }

  private static int nonNullTypes(ArrayNode types) {
    int count = 0;
    for (JsonNode type : types) {
      count += type.asText().equals("null") ? 0 : 1;
    }
    return count;
  }
}
