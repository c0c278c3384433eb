package dev.workersai.generator.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Flattens a JSON Schema into the instance paths it describes ({@code $}, {@code $.prompt},
 * {@code $.messages[].role}, {@code $.options.*}) and the {@link FieldFacts} of each, so that two
 * versions of a schema can be compared path by path whatever their {@code oneOf} structure. Local
 * {@code $ref}s ({@code #/...}) are followed; recursion stops at a bounded depth.
 */
final class SchemaFlattener {
  /** Deeper than any published schema (20 levels) and than any sane recursive one needs. */
  private static final int MAX_DEPTH = 40;

  private static final List<String> LOWER = List.of("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties");
  private static final List<String> UPPER = List.of("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties");
  private static final Set<String> UNIONS = Set.of("oneOf", "anyOf", "allOf");
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

  private final JsonNode root;
  private final Map<String, FieldFacts> facts = new HashMap<>();

  private SchemaFlattener(JsonNode root) {
    this.root = root;
  }

  /** Path → facts, sorted by path. */
  static SortedMap<String, FieldFacts> flatten(JsonNode schema) {
    SchemaFlattener flattener = new SchemaFlattener(schema);
    flattener.visit(schema, "$", false, 0);
    return new TreeMap<>(flattener.facts);
  }

  private void visit(JsonNode schema, String path, boolean required, int depth) {
    if (depth > MAX_DEPTH || schema == null || !schema.isObject()) {
      return;
    }
    record(path, describe(schema, required, depth));
    visitChildren(schema, path, Set.of(), depth);
  }

  /**
   * The facts of a schema object: its own, completed by those of its union branches where it states
   * none itself (a {@code oneOf} of a string and an array is "string or array").
   */
  private FieldFacts describe(JsonNode schema, boolean required, int depth) {
    JsonNode resolved = resolve(schema);
    FieldFacts own = own(resolved, required);
    FieldFacts branches = null;
    if (depth <= MAX_DEPTH) {
      for (String union : UNIONS) {
        JsonNode list = resolved.get(union);
        if (list != null && list.isArray()) {
          for (JsonNode branch : list) {
            if (branch.isObject()) {
              FieldFacts facts = describe(branch, required, depth + 1);
              branches = branches == null ? facts : branches.merge(facts);
            }
          }
        }
      }
    }
    return branches == null ? own : own.completedBy(branches);
  }

  /**
   * Visits the fields a schema object describes, including those its union branches describe: a
   * branch is the same instance as its parent, so its properties are the parent's properties.
   */
  private void visitChildren(JsonNode schema, String path, Set<String> inheritedRequired, int depth) {
    if (depth > MAX_DEPTH || !schema.isObject()) {
      return;
    }
    JsonNode resolved = resolve(schema);
    Set<String> requiredNames = new TreeSet<>(inheritedRequired);
    JsonNode requiredList = resolved.get("required");
    if (requiredList != null && requiredList.isArray()) {
      requiredList.forEach(name -> requiredNames.add(name.asText()));
    }
    JsonNode properties = resolved.get("properties");
    if (properties != null && properties.isObject()) {
      for (Map.Entry<String, JsonNode> property : properties.properties()) {
        visit(property.getValue(), member(path, property.getKey()), requiredNames.contains(property.getKey()), depth + 1);
      }
    }
    JsonNode additional = resolved.get("additionalProperties");
    if (additional != null && additional.isObject()) {
      visit(additional, path + ".*", false, depth + 1);
    }
    JsonNode items = resolved.get("items");
    if (items != null && items.isArray()) {
      items.forEach(item -> visit(item, path + "[]", false, depth + 1));
    } else if (items != null) {
      visit(items, path + "[]", false, depth + 1);
    }
    for (String union : UNIONS) {
      JsonNode list = resolved.get(union);
      if (list != null && list.isArray()) {
        for (JsonNode branch : list) {
          visitChildren(branch, path, requiredNames, depth + 1);
        }
      }
    }
  }

  private JsonNode resolve(JsonNode schema) {
    JsonNode current = schema;
    for (int hops = 0; hops < MAX_DEPTH; hops++) {
      JsonNode ref = current.get("$ref");
      if (ref == null || !ref.isTextual() || !ref.textValue().startsWith("#")) {
        return current;
      }
      JsonNode target = root.at(ref.textValue().substring(1));
      if (!target.isObject()) {
        return current;
      }
      current = target;
    }
    return current;
  }

  /** The facts a schema object states itself, without looking into its branches. */
  private static FieldFacts own(JsonNode schema, boolean required) {
    TreeSet<String> types = new TreeSet<>();
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual()) {
      types.add(type.textValue());
    } else if (type != null && type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    }
    TreeSet<String> enumValues = null;
    JsonNode values = schema.get("enum");
    if (schema.has("const")) {
      enumValues = new TreeSet<>(List.of(schema.get("const").toString()));
    } else if (values != null && values.isArray()) {
      enumValues = new TreeSet<>();
      for (JsonNode value : values) {
        enumValues.add(value.toString());
      }
    }
    return new FieldFacts(
        types,
        enumValues,
        bounds(schema, LOWER),
        bounds(schema, UPPER),
        formats(schema),
        required);
  }

  private static Map<String, BigDecimal> bounds(JsonNode schema, List<String> keywords) {
    Map<String, BigDecimal> bounds = new LinkedHashMap<>();
    for (String keyword : keywords) {
      JsonNode value = schema.get(keyword);
      if (value != null && value.isNumber()) {
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

  /** Several occurrences of one path (in different branches) merge. */
  private void record(String path, FieldFacts own) {
    FieldFacts earlier = facts.get(path);
    facts.put(path, earlier == null ? own : earlier.merge(own));
  }

  private static String member(String path, String name) {
    return PLAIN_NAME.matcher(name).matches() ? path + "." + name : path + "['" + name.replace("'", "\\'") + "']";
  }
}
