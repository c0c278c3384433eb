package dev.workersai.catalog.sample;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A small JSON Schema validator, enough for the sampler to choose among {@code oneOf}/{@code anyOf}
 * branches and to trust a {@code default}: types, enum/const, numeric bounds, lengths, patterns,
 * items, properties, required, additional properties and the combinators. Unknown keywords are
 * ignored. Not a replacement for a full validator (the tests use networknt for that).
 */
final class InstanceCheck {
  private static final int MAX_DEPTH = 64;

  private final JsonNode root;
  private final Map<String, Pattern> patterns = new HashMap<>();

  InstanceCheck(JsonNode root) {
    this.root = root;
  }

  boolean matches(JsonNode schema, JsonNode instance) {
    return matches(schema, instance, 0);
  }

  private boolean matches(JsonNode schema, JsonNode instance, int depth) {
    if (depth > MAX_DEPTH) {
      return true;
    }
    JsonNode s = Refs.resolve(root, schema);
    if (s.isBoolean()) {
      return s.booleanValue();
    }
    if (!s.isObject()) {
      return true;
    }
    return typeMatches(s.get("type"), instance)
        && valueMatches(s, instance)
        && numberMatches(s, instance)
        && stringMatches(s, instance)
        && arrayMatches(s, instance, depth)
        && objectMatches(s, instance, depth)
        && combinatorsMatch(s, instance, depth);
  }

  static boolean typeMatches(JsonNode type, JsonNode instance) {
    if (type == null) {
      return true;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isOfType(t.asText(), instance)) {
          return true;
        }
      }
      return false;
    }
    return isOfType(type.asText(), instance);
  }

  static boolean isOfType(String type, JsonNode instance) {
    return switch (type) {
      case "object" -> instance.isObject();
      case "array" -> instance.isArray();
      case "string" -> instance.isTextual();
      case "boolean" -> instance.isBoolean();
      case "null" -> instance.isNull();
      case "number" -> instance.isNumber();
      case "integer" -> instance.isIntegralNumber()
          || instance.isNumber() && instance.decimalValue().stripTrailingZeros().scale() <= 0;
      default -> true;
    };
  }

  private static boolean valueMatches(JsonNode s, JsonNode instance) {
    JsonNode constant = s.get("const");
    if (constant != null && !sameValue(constant, instance)) {
      return false;
    }
    JsonNode values = s.get("enum");
    if (values != null && values.isArray()) {
      for (JsonNode value : values) {
        if (sameValue(value, instance)) {
          return true;
        }
      }
      return false;
    }
    return true;
  }

  /** JSON equality, with numbers compared by value ({@code 1} equals {@code 1.0}). */
  static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  private static boolean numberMatches(JsonNode s, JsonNode instance) {
    if (!instance.isNumber()) {
      return true;
    }
    BigDecimal value = instance.decimalValue();
    return NumericBounds.of(s).contains(value);
  }

  private boolean stringMatches(JsonNode s, JsonNode instance) {
    if (!instance.isTextual()) {
      return true;
    }
    String text = instance.textValue();
    int length = text.codePointCount(0, text.length());
    JsonNode min = s.get("minLength");
    JsonNode max = s.get("maxLength");
    if (min != null && min.isNumber() && length < min.asInt() || max != null && max.isNumber() && length > max.asInt()) {
      return false;
    }
    JsonNode pattern = s.get("pattern");
    if (pattern != null && pattern.isTextual()) {
      Pattern compiled = compile(pattern.textValue());
      return compiled == null || compiled.matcher(text).find();
    }
    return true;
  }

  private Pattern compile(String regex) {
    return patterns.computeIfAbsent(regex, r -> {
      try {
        return Pattern.compile(r);
      } catch (PatternSyntaxException e) {
        return null;
      }
    });
  }

  private boolean arrayMatches(JsonNode s, JsonNode instance, int depth) {
    if (!instance.isArray()) {
      return true;
    }
    JsonNode min = s.get("minItems");
    JsonNode max = s.get("maxItems");
    if (min != null && min.isNumber() && instance.size() < min.asInt() || max != null && max.isNumber() && instance.size() > max.asInt()) {
      return false;
    }
    JsonNode prefix = s.has("prefixItems") ? s.get("prefixItems") : s.get("items");
    int from = 0;
    if (prefix != null && prefix.isArray()) {
      for (; from < prefix.size() && from < instance.size(); from++) {
        if (!matches(prefix.get(from), instance.get(from), depth + 1)) {
          return false;
        }
      }
    }
    JsonNode rest = s.has("prefixItems") ? s.get("items") : prefix != null && prefix.isArray() ? s.get("additionalItems") : s.get("items");
    if (rest != null && !rest.isArray()) {
      for (int i = from; i < instance.size(); i++) {
        if (!matches(rest, instance.get(i), depth + 1)) {
          return false;
        }
      }
    }
    if (s.path("uniqueItems").asBoolean(false)) {
      Set<JsonNode> seen = new HashSet<>();
      for (JsonNode item : instance) {
        if (!seen.add(item)) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean objectMatches(JsonNode s, JsonNode instance, int depth) {
    if (!instance.isObject()) {
      return true;
    }
    JsonNode required = s.get("required");
    if (required != null && required.isArray()) {
      for (JsonNode name : required) {
        if (!instance.has(name.asText())) {
          return false;
        }
      }
    }
    JsonNode min = s.get("minProperties");
    JsonNode max = s.get("maxProperties");
    if (min != null && min.isNumber() && instance.size() < min.asInt() || max != null && max.isNumber() && instance.size() > max.asInt()) {
      return false;
    }
    JsonNode properties = s.path("properties");
    JsonNode additional = s.get("additionalProperties");
    for (Map.Entry<String, JsonNode> member : instance.properties()) {
      JsonNode declared = properties.get(member.getKey());
      if (declared != null && (declared.isObject() || declared.isBoolean())) {
        if (!matches(declared, member.getValue(), depth + 1)) {
          return false;
        }
      } else if (additional != null && !matchesPatternProperty(s, member.getKey())) {
        if (!matches(additional, member.getValue(), depth + 1)) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean matchesPatternProperty(JsonNode s, String name) {
    JsonNode patternProperties = s.get("patternProperties");
    if (patternProperties == null || !patternProperties.isObject()) {
      return false;
    }
    for (String regex : (Iterable<String>) patternProperties::fieldNames) {
      Pattern compiled = compile(regex);
      if (compiled != null && compiled.matcher(name).find()) {
        return true;
      }
    }
    return false;
  }

  private boolean combinatorsMatch(JsonNode s, JsonNode instance, int depth) {
    JsonNode allOf = s.get("allOf");
    if (allOf != null && allOf.isArray()) {
      for (JsonNode branch : allOf) {
        if (!matches(branch, instance, depth + 1)) {
          return false;
        }
      }
    }
    JsonNode anyOf = s.get("anyOf");
    if (anyOf != null && anyOf.isArray() && !anyOf.isEmpty()) {
      boolean any = false;
      for (JsonNode branch : anyOf) {
        if (matches(branch, instance, depth + 1)) {
          any = true;
          break;
        }
      }
      if (!any) {
        return false;
      }
    }
    JsonNode oneOf = s.get("oneOf");
    if (oneOf != null && oneOf.isArray() && !oneOf.isEmpty() && matchingBranches(oneOf, instance, depth) != 1) {
      return false;
    }
    JsonNode not = s.get("not");
    return not == null || !matches(not, instance, depth + 1);
  }

  int matchingBranches(JsonNode branches, JsonNode instance, int depth) {
    int count = 0;
    for (JsonNode branch : branches) {
      if (matches(branch, instance, depth + 1)) {
        count++;
      }
    }
    return count;
  }
}
