package dev.workersai.generator.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded mutations of a catalog model file, of the kinds that broke the generator before: swapped
 * types, huge and odd numbers, unicode line separators and invisible characters, long strings, deep
 * nesting, renamed keywords, deleted parts, very wide objects. Each call mutates the tree in place
 * and returns a one-line description, so that a failing mutant can be told apart. Test support.
 */
final class Mutator {
  private static final JsonNodeFactory JSON = new JsonNodeFactory(true);
  private static final List<String> TYPES = List.of("string", "integer", "number", "boolean", "object", "array", "null", "weird");
  private static final List<String> NUMBER_KEYWORDS =
      List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems",
          "minProperties", "maxProperties", "multipleOf");
  private static final List<String> NUMBERS = List.of("1e400", "-1e400", "1e-400", "1e999999999", "-1e999999999",
      "9223372036854775808", "18446744073709551611", "1e308", "-1", "2.5", "0", "1E+2", "-0.0", "4.9e-324",
      "0.1000000000000000000000000000001");
  /** Characters that look harmless or invisible but break naive emitters (U+2028/2029 line separators, bidi override, BOM...). */
  private static final List<String> ODD = List.of("\u2028", "\u2029", "\u202e", "\ufeff", "\u0000", "\n", "*/", "\\u000a",
      "\"", "\\", "$S", "😀", "日本", "@deprecated", "{@code", "<b>", "\u0085", "\t");
  /** Keywords renamed to something the reader does not know. */
  private static final List<String> KEYWORDS =
      List.of("type", "properties", "items", "required", "enum", "oneOf", "anyOf", "allOf", "$ref", "additionalProperties",
          "const", "format", "pattern");

  private final Random random;

  Mutator(Random random) {
    this.random = random;
  }

  /** Applies one random mutation to {@code model} (a whole model file); returns what it did. */
  String mutate(ObjectNode model) {
    List<ObjectNode> schemas = new ArrayList<>();
    collectObjects(model.path("schema"), schemas);
    if (schemas.isEmpty()) {
      schemas.add(model);
    }
    ObjectNode node = schemas.get(random.nextInt(schemas.size()));
    return switch (random.nextInt(10)) {
      case 0 -> swapType(node);
      case 1 -> oddNumber(node);
      case 2 -> oddText(model, node);
      case 3 -> longText(model, node);
      case 4 -> deepNesting(node);
      case 5 -> renameKeyword(node);
      case 6 -> deletePart(model, node);
      case 7 -> wideObject(node);
      case 8 -> oddEnum(node);
      default -> oddPrice(model);
    };
  }

  private String swapType(ObjectNode node) {
    if (random.nextInt(4) == 0) {
      ArrayNode types = node.putArray("type");
      types.add(pick(TYPES)).add(pick(TYPES));
      return "type array " + types;
    }
    String type = pick(TYPES);
    node.put("type", type);
    return "type " + type;
  }

  private String oddNumber(ObjectNode node) {
    String keyword = pick(NUMBER_KEYWORDS);
    String number = pick(NUMBERS);
    node.set(keyword, JSON.numberNode(new BigDecimal(number)));
    return keyword + " " + number;
  }

  private String oddText(ObjectNode model, ObjectNode node) {
    String odd = pick(ODD);
    return switch (random.nextInt(6)) {
      case 0 -> {
        model.put("name", model.path("name").asText() + odd + "x");
        yield "odd id " + escape(odd);
      }
      case 1 -> {
        model.putObject("task").put("name", "Text" + odd + "Generation");
        yield "odd task " + escape(odd);
      }
      case 2 -> {
        node.put("pattern", "^[a" + odd + "]+$");
        yield "odd pattern " + escape(odd);
      }
      case 3 -> {
        node.putArray("enum").add("a" + odd).add(odd);
        yield "odd enum " + escape(odd);
      }
      case 4 -> {
        node.put("title", "T" + odd);
        node.put("description", "*/ " + odd);
        node.put("default", odd);
        yield "odd title/description/default " + escape(odd);
      }
      default -> {
        ObjectNode props = node.has("properties") && node.get("properties").isObject()
            ? (ObjectNode) node.get("properties") : node.putObject("properties");
        props.putObject("p" + odd).put("type", "string").put("maxLength", 8);
        yield "odd property name " + escape(odd);
      }
    };
  }

  private String longText(ObjectNode model, ObjectNode node) {
    int length = random.nextBoolean() ? 5_000 : 70_000;
    String text = "x".repeat(length);
    return switch (random.nextInt(5)) {
      case 0 -> {
        node.putArray("enum").add("a").add(text);
        yield "enum value of " + length;
      }
      case 1 -> {
        node.put("type", "string").put("pattern", "^" + text + "$");
        yield "pattern of " + length;
      }
      case 2 -> {
        ObjectNode props = node.has("properties") && node.get("properties").isObject()
            ? (ObjectNode) node.get("properties") : node.putObject("properties");
        props.putObject("y".repeat(Math.min(length, 40_000))).put("type", "object")
            .putObject("properties").putObject("z").put("type", "string");
        yield "property name of " + Math.min(length, 40_000);
      }
      case 3 -> {
        node.put("title", text);
        yield "title of " + length;
      }
      default -> {
        model.put("name", "@cf/long/" + "m".repeat(Math.min(length, 5_000)));
        yield "model id of " + Math.min(length, 5_000);
      }
    };
  }

  private String deepNesting(ObjectNode node) {
    int depth = 20 + random.nextInt(180);
    boolean arrays = random.nextBoolean();
    ObjectNode innermost = JSON.objectNode().put("type", "string").put("maxLength", 3);
    JsonNode current = innermost;
    for (int i = 0; i < depth; i++) {
      ObjectNode wrapper = JSON.objectNode();
      if (arrays) {
        wrapper.put("type", "array").set("items", current);
      } else {
        wrapper.put("type", "object").putObject("properties").set("level", current);
      }
      current = wrapper;
    }
    ObjectNode props = node.has("properties") && node.get("properties").isObject()
        ? (ObjectNode) node.get("properties") : node.putObject("properties");
    props.set("deep", current);
    return "nested " + depth + (arrays ? " arrays" : " objects");
  }

  private String renameKeyword(ObjectNode node) {
    String keyword = pick(KEYWORDS);
    JsonNode value = node.remove(keyword);
    if (value == null) {
      node.putArray(keyword);
      return "empty " + keyword;
    }
    node.set(keyword + (random.nextBoolean() ? "s" : " "), value);
    return "renamed " + keyword;
  }

  private String deletePart(ObjectNode model, ObjectNode node) {
    return switch (random.nextInt(4)) {
      case 0 -> {
        model.withObjectProperty("schema").remove(random.nextBoolean() ? "input" : "output");
        yield "deleted input or output";
      }
      case 1 -> {
        model.remove(random.nextBoolean() ? "name" : "task");
        yield "deleted name or task";
      }
      case 2 -> {
        node.putArray("required").add("not-declared").add(7);
        yield "required with an undeclared name and a number";
      }
      default -> {
        Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
        if (fields.hasNext()) {
          String name = fields.next().getKey();
          node.remove(name);
          yield "deleted " + name;
        }
        yield "nothing to delete";
      }
    };
  }

  private String wideObject(ObjectNode node) {
    int count = random.nextBoolean() ? 255 : 2_000;
    ObjectNode props = node.put("type", "object").putObject("properties");
    ArrayNode required = node.putArray("required");
    for (int i = 0; i < count; i++) {
      props.putObject("p" + i).put("type", random.nextBoolean() ? "integer" : "string").put("minimum", i);
      required.add("p" + i);
    }
    return count + " properties";
  }

  private String oddEnum(ObjectNode node) {
    ArrayNode values = node.putArray(random.nextBoolean() ? "enum" : "oneOf");
    switch (random.nextInt(3)) {
      case 0 -> values.add(1).add("a").addNull();
      case 1 -> {
        for (int i = 0; i < 1_500; i++) {
          values.add(JSON.objectNode().put("const", "v" + i));
        }
      }
      default -> values.add(JSON.numberNode(new BigDecimal("1e999999999"))).add(JSON.numberNode(new BigDecimal("9223372036854775808")));
    }
    return "odd enum/oneOf " + values.size();
  }

  private String oddPrice(ObjectNode model) {
    String number = pick(NUMBERS);
    ArrayNode properties = model.has("properties") && model.get("properties").isArray()
        ? (ArrayNode) model.get("properties") : model.putArray("properties");
    for (Iterator<JsonNode> it = properties.elements(); it.hasNext(); ) {
      if (it.next().path("property_id").asText().equals("price")) {
        it.remove();
      }
    }
    ObjectNode price = properties.addObject().put("property_id", "price").putArray("value").addObject();
    price.set("price", JSON.numberNode(new BigDecimal(number)));
    price.put("unit", "per M" + pick(ODD) + "tokens").put("currency", "USD");
    return "price " + number;
  }

  private static void collectObjects(JsonNode node, List<ObjectNode> out) {
    if (node instanceof ObjectNode o) {
      out.add(o);
    }
    node.forEach(child -> collectObjects(child, out));
  }

  private String pick(List<String> from) {
    return from.get(random.nextInt(from.size()));
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().forEach(cp -> out.append(cp < 0x20 || cp > 0x7e ? String.format("U+%04X", cp) : Character.toString(cp)));
    return out.toString();
  }
}
