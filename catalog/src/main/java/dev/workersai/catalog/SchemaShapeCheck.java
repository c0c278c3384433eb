package dev.workersai.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * Checks that the JSON Schema keywords of a model's schema have the JSON types JSON Schema gives
 * them ({@code "type"} a string or array of strings, {@code "properties"} an object of schemas,
 * {@code "required"} an array of strings, ...), so that later stages can read them without
 * re-checking and a broken file is reported once, at its pointer. Unknown keywords are ignored:
 * the catalog uses non-standard ones such as {@code contentType}.
 */
final class SchemaShapeCheck {
  private static final Set<String> SCHEMA_MAPS = SchemaWalker.SCHEMA_MAPS;
  private static final Set<String> SCHEMA_LISTS = SchemaWalker.SCHEMA_LISTS;
  private static final Set<String> SCHEMAS = SchemaWalker.SCHEMAS;
  private static final Set<String> NUMBERS =
      Set.of("minimum", "maximum", "multipleOf", "minLength", "maxLength", "minItems", "maxItems", "minProperties",
          "maxProperties");
  private static final Set<String> STRINGS = Set.of("pattern", "$ref", "format");

  private SchemaShapeCheck() {}

  static void check(JsonNode schema, SourceLocation at) {
    check(schema, new Where(null, null, at));
  }

  /**
   * A position in the schema, rendered into a {@link SourceLocation} only for an error: building
   * pointer strings for every node of a 300 KB schema would cost more than the check itself.
   */
  private record Where(Where parent, String token, SourceLocation base) {
    Where child(String childToken) {
      return new Where(this, childToken, null);
    }

    SourceLocation location() {
      return parent == null ? base : parent.location().child(token);
    }
  }

  private static void check(JsonNode schema, Where at) {
    if (schema.isBoolean()) {
      return;
    }
    if (!schema.isObject()) {
      throw ModelFileParser.wrongType(at.location(), "a schema (an object or a boolean)", schema);
    }
    for (Map.Entry<String, JsonNode> field : schema.properties()) {
      checkKeyword(field.getKey(), field.getValue(), at);
    }
  }

  /**
   * Checks one keyword of the schema at {@code schema}; the keyword's own position is made only
   * when it is needed, since most keywords (descriptions, titles, defaults) need none.
   */
  private static void checkKeyword(String keyword, JsonNode value, Where schema) {
    if (keyword.equals("type")) {
      checkType(value, schema.child(keyword));
    } else if (keyword.equals("required")) {
      checkStrings(value, schema.child(keyword), "\"required\" must be an array of property names");
    } else if (keyword.equals("enum")) {
      if (!value.isArray()) {
        throw bad(schema.child(keyword), "\"enum\" must be an array, found " + JsonFiles.typeName(value));
      }
    } else if (keyword.equals("items")) {
      if (value.isArray()) {
        checkList(value, schema.child(keyword));
      } else {
        check(value, schema.child(keyword));
      }
    } else if (keyword.equals("exclusiveMinimum") || keyword.equals("exclusiveMaximum")) {
      // draft 4 uses a boolean modifier, later drafts a number
      if (!value.isNumber() && !value.isBoolean()) {
        throw bad(schema.child(keyword), "\"" + keyword + "\" must be a number, found " + JsonFiles.typeName(value));
      }
    } else if (SCHEMA_MAPS.contains(keyword)) {
      if (!value.isObject()) {
        throw bad(schema.child(keyword),
            "\"" + keyword + "\" must be an object of schemas, found " + JsonFiles.typeName(value));
      }
      Where map = schema.child(keyword);
      for (Map.Entry<String, JsonNode> member : value.properties()) {
        if (!isMisplacedRequired(keyword, member.getKey(), member.getValue())) {
          check(member.getValue(), map.child(member.getKey()));
        }
      }
    } else if (SCHEMA_LISTS.contains(keyword)) {
      if (!value.isArray() || value.isEmpty()) {
        throw bad(schema.child(keyword),
            "\"" + keyword + "\" must be a non-empty array of schemas, found " + describe(value));
      }
      checkList(value, schema.child(keyword));
    } else if (SCHEMAS.contains(keyword)) {
      check(value, schema.child(keyword));
    } else if (NUMBERS.contains(keyword)) {
      if (!value.isNumber()) {
        throw bad(schema.child(keyword), "\"" + keyword + "\" must be a number, found " + JsonFiles.typeName(value));
      }
    } else if (STRINGS.contains(keyword) && !value.isTextual()) {
      throw bad(schema.child(keyword), "\"" + keyword + "\" must be a string, found " + JsonFiles.typeName(value));
    }
  }

  /**
   * A published file ({@code flux-2-dev}) puts its {@code "required"} list inside
   * {@code "properties"}: a member named {@code required} whose value is an array of strings. It is
   * not a property schema; later stages skip members of {@code properties} that are not schemas.
   */
  private static boolean isMisplacedRequired(String keyword, String name, JsonNode value) {
    if (!keyword.equals("properties") || !name.equals("required") || !value.isArray()) {
      return false;
    }
    for (JsonNode member : value) {
      if (!member.isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static void checkType(JsonNode value, Where at) {
    if (value.isTextual()) {
      return;
    }
    if (value.isArray() && !value.isEmpty()) {
      for (JsonNode member : value) {
        if (!member.isTextual()) {
          throw bad(at, "\"type\" must be a string or an array of strings");
        }
      }
      return;
    }
    throw bad(at, "\"type\" must be a string or an array of strings, found " + describe(value));
  }

  private static void checkStrings(JsonNode value, Where at, String problem) {
    if (!value.isArray()) {
      throw bad(at, problem + ", found " + JsonFiles.typeName(value));
    }
    for (JsonNode member : value) {
      if (!member.isTextual()) {
        throw bad(at, problem + ", found an element that is " + JsonFiles.typeName(member));
      }
    }
  }

  private static void checkList(JsonNode list, Where at) {
    for (int i = 0; i < list.size(); i++) {
      check(list.get(i), at.child(Integer.toString(i)));
    }
  }

  private static String describe(JsonNode value) {
    return value.isArray() && value.isEmpty() ? "an empty array" : JsonFiles.typeName(value);
  }

  private static CatalogException bad(Where at, String problem) {
    return new CatalogException("bad-schema", at.location(), problem);
  }
}
