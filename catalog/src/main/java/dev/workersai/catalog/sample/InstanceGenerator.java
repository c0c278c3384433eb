package dev.workersai.catalog.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.catalog.schema.LocalRefs;
import dev.workersai.catalog.schema.SchemaMerge;
import dev.workersai.catalog.validation.InstanceValidator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One sampling run of a {@link SchemaSampler}: walks the schema and builds the instance. */
final class InstanceGenerator {
  /** Recursion through {@code $ref} or absurd nesting stops here. */
  private static final int HARD_DEPTH = 48;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonNode root;
  private final SchemaSampler settings;
  private final InstanceValidator check;
  private final LocalRefs refs;

  InstanceGenerator(JsonNode root, SchemaSampler settings) {
    this.root = root;
    this.settings = settings;
    this.check = InstanceValidator.of(root);
    this.refs = new LocalRefs(root);
  }

  JsonNode generate() {
    return sample(root, 0, 0);
  }

  /**
   * @param depth object nesting so far (optional members are filled only near the top)
   * @param variant which of several equally valid values to make, so array elements can differ
   */
  private JsonNode sample(JsonNode schema, int depth, int variant) {
    JsonNode s = refs.follow(schema);
    if (s.isBoolean()) {
      return s.booleanValue() ? NODES.textNode(text(variant)) : NODES.nullNode();
    }
    if (!s.isObject() || depth > HARD_DEPTH) {
      return NODES.nullNode();
    }
    if (s.has("const")) {
      return s.get("const").deepCopy();
    }
    if (s.has("allOf") && s.get("allOf").isArray()) {
      return sample(SchemaMerge.mergeAllOf(s, refs), depth, variant);
    }
    for (String union : List.of("oneOf", "anyOf")) {
      JsonNode branches = s.get(union);
      if (branches != null && branches.isArray() && !branches.isEmpty()) {
        return sampleUnion(s, union, depth, variant);
      }
    }
    JsonNode fromDefault = usableDefault(s);
    if (fromDefault != null) {
      return fromDefault;
    }
    JsonNode values = s.get("enum");
    if (values != null && values.isArray() && !values.isEmpty()) {
      return enumValue(s, values, variant);
    }
    return switch (chooseType(s)) {
      case "object" -> object(s, depth, variant);
      case "array" -> array(s, depth, variant);
      case "integer" -> NODES.numberNode(NumericBounds.of(s).pick(true, variant).toBigInteger());
      case "number" -> number(s, variant);
      case "boolean" -> NODES.booleanNode(variant % 2 == 1);
      case "null" -> NODES.nullNode();
      default -> NODES.textNode(string(s, variant));
    };
  }

  /**
   * The first branch whose sample the whole schema accepts. The branch is merged with the schema's
   * own keywords first (a parent's {@code properties} plus a branch's {@code required} is common).
   * When no sample is accepted the first one is returned, a best effort.
   */
  private JsonNode sampleUnion(JsonNode s, String union, int depth, int variant) {
    ObjectNode parent = SchemaMerge.without(s, union);
    JsonNode first = null;
    for (JsonNode branch : s.get(union)) {
      JsonNode candidate = sample(SchemaMerge.merge(parent, refs.follow(branch)), depth, variant);
      if (first == null) {
        first = candidate;
      }
      if (check.accepts(s, candidate)) {
        return candidate;
      }
    }
    return first;
  }

  /** A {@code default} the schema's own constraints accept; catalog defaults are sometimes out of range. */
  private JsonNode usableDefault(JsonNode s) {
    JsonNode value = s.get("default");
    if (value == null || !check.accepts(s, value)) {
      return null;
    }
    return value.deepCopy();
  }

  /** The values the whole schema accepts (an enum may list values its type or bounds refuse). */
  private JsonNode enumValue(JsonNode s, JsonNode values, int variant) {
    List<JsonNode> valid = new ArrayList<>();
    for (JsonNode value : values) {
      if (check.accepts(s, value)) {
        valid.add(value);
      }
    }
    List<JsonNode> from = valid.isEmpty() ? List.of(values.get(0)) : valid;
    return from.get(variant % from.size()).deepCopy();
  }

  /** The declared type to make; the first non-null one of a list; inferred from keywords when absent. */
  private static String chooseType(JsonNode s) {
    JsonNode type = s.get("type");
    if (type != null && type.isTextual()) {
      return type.textValue();
    }
    if (type != null && type.isArray() && !type.isEmpty()) {
      for (JsonNode t : type) {
        if (!t.asText().equals("null")) {
          return t.asText();
        }
      }
      return "null";
    }
    if (s.has("properties") || s.has("required") || s.has("additionalProperties") || s.has("minProperties")) {
      return "object";
    }
    if (s.has("items") || s.has("prefixItems") || s.has("minItems") || s.has("maxItems")) {
      return "array";
    }
    if (s.has("minimum") || s.has("maximum") || s.has("exclusiveMinimum") || s.has("exclusiveMaximum") || s.has("multipleOf")) {
      return "number";
    }
    return "string";
  }

  private JsonNode object(JsonNode s, int depth, int variant) {
    ObjectNode out = NODES.objectNode();
    JsonNode properties = s.path("properties");
    Set<String> required = new LinkedHashSet<>();
    s.path("required").forEach(name -> required.add(name.asText()));
    boolean optionals = settings.mode() == SchemaSampler.Mode.FULL && depth < settings.optionalDepth();
    JsonNode additional = s.get("additionalProperties");
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      if (isSchema(property.getValue()) && (optionals || required.contains(property.getKey()))) {
        out.set(property.getKey(), sample(property.getValue(), depth + 1, variant));
      }
    }
    for (String name : required) {
      if (!out.has(name)) {
        out.set(name, sample(additional != null && additional.isObject() ? additional : NODES.objectNode(), depth + 1, variant));
      }
    }
    int maxProperties = s.path("maxProperties").asInt(Integer.MAX_VALUE);
    if (out.size() > maxProperties) {
      trimOptional(out, required, maxProperties);
    }
    int minProperties = s.path("minProperties").asInt(0);
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      if (out.size() >= minProperties) {
        break;
      }
      if (isSchema(property.getValue()) && !out.has(property.getKey())) {
        out.set(property.getKey(), sample(property.getValue(), depth + 1, variant));
      }
    }
    boolean closed = additional != null && additional.isBoolean() && !additional.booleanValue();
    for (int i = 1; out.size() < minProperties && !closed && i <= minProperties; i++) {
      String name = "property" + i;
      if (!out.has(name)) {
        out.set(name, sample(additional != null && additional.isObject() ? additional : NODES.objectNode(), depth + 1, i));
      }
    }
    return out;
  }

  /** A {@code properties} member that is a schema; one published file puts its required list there. */
  private static boolean isSchema(JsonNode node) {
    return node.isObject() || node.isBoolean();
  }

  private static void trimOptional(ObjectNode out, Set<String> required, int maxProperties) {
    List<String> names = new ArrayList<>();
    out.fieldNames().forEachRemaining(names::add);
    for (int i = names.size() - 1; i >= 0 && out.size() > maxProperties; i--) {
      if (!required.contains(names.get(i))) {
        out.remove(names.get(i));
      }
    }
  }

  private JsonNode array(JsonNode s, int depth, int variant) {
    ArrayNode out = NODES.arrayNode();
    JsonNode prefix = s.has("prefixItems") ? s.get("prefixItems") : s.path("items").isArray() ? s.get("items") : null;
    JsonNode rest = s.has("prefixItems") ? s.get("items") : prefix != null ? s.get("additionalItems") : s.get("items");
    int min = s.path("minItems").asInt(0);
    int max = s.path("maxItems").asInt(Integer.MAX_VALUE);
    int count = Math.min(Math.max(min, 1), max);
    if (prefix != null) {
      count = Math.min(Math.max(count, Math.min(prefix.size(), max)), max);
    }
    for (int i = 0; i < count; i++) {
      JsonNode itemSchema = prefix != null && i < prefix.size() ? prefix.get(i) : rest;
      if (itemSchema == null) {
        itemSchema = NODES.objectNode();
      } else if (itemSchema.isBoolean() && !itemSchema.booleanValue()) {
        break;
      }
      out.add(sample(itemSchema, depth + 1, variant + i));
    }
    return out;
  }

  private JsonNode number(JsonNode s, int variant) {
    BigDecimal value = NumericBounds.of(s).pick(false, variant);
    return value.scale() <= 0 ? NODES.numberNode(value.toBigInteger()) : NODES.numberNode(value);
  }

  private String string(JsonNode s, int variant) {
    int min = s.path("minLength").asInt(0);
    int max = s.has("maxLength") ? s.get("maxLength").asInt() : -1;
    String base = formatted(s.path("format").asText(""), variant);
    JsonNode pattern = s.get("pattern");
    if (pattern != null && pattern.isTextual()) {
      Optional<String> example =
          PatternExamples.example(pattern.textValue(), min, max, List.of(base, fit(base, min, max), "a", "0", ""));
      if (example.isPresent()) {
        return example.get();
      }
    }
    return fit(base, min, max);
  }

  private String formatted(String format, int variant) {
    return switch (format) {
      case "binary", "byte" -> Base64.getEncoder().encodeToString(text(variant).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      case "date-time" -> "2025-01-0" + (1 + variant % 9) + "T00:00:00Z";
      case "date" -> "2025-01-0" + (1 + variant % 9);
      case "time" -> "00:00:0" + variant % 10 + "Z";
      case "email" -> "user" + variant + "@example.com";
      case "uri", "url", "iri", "uri-reference" -> "https://example.com/" + variant;
      case "uuid" -> String.format("00000000-0000-4000-8000-%012d", variant);
      case "ipv4" -> "192.0.2." + (1 + variant % 250);
      case "ipv6" -> "2001:db8::" + (1 + variant % 250);
      case "hostname" -> "host" + variant + ".example.com";
      default -> text(variant);
    };
  }

  private String text(int variant) {
    return variant == 0 ? settings.text() : settings.text() + " " + variant;
  }

  /** The text cut to {@code max} code points or repeated up to {@code min}. */
  private static String fit(String text, int min, int max) {
    StringBuilder out = new StringBuilder(text);
    String filler = text.isEmpty() ? "a" : text;
    while (out.codePointCount(0, out.length()) < min) {
      out.append(' ').append(filler);
    }
    String fitted = out.toString();
    if (max >= 0 && fitted.codePointCount(0, fitted.length()) > max) {
      fitted = fitted.substring(0, fitted.offsetByCodePoints(0, max));
    }
    return fitted;
  }
}
