package dev.workersai.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns the JSON of one model file into a {@link CatalogModel}. Accepts every shape the published
 * catalog, the REST API and our own facts-only snapshot use: {@code task} as an object with a
 * {@code name}, a plain string or null; no {@code schema}, an empty one, or {@code input} and
 * {@code output}; {@code deprecated} as a boolean.
 */
final class ModelFileParser {
  private ModelFileParser() {}

  static CatalogModel parse(Path file, JsonNode root) {
    SourceLocation here = new SourceLocation(file, "");
    if (!root.isObject()) {
      throw new CatalogException(
          "wrong-type", here, "a model file must hold a JSON object, found " + JsonFiles.typeName(root));
    }
    String id = name(root, here);
    String task = task(root.get("task"), here.child("task"));
    ModelProperties properties = PropertiesParser.parse(root.get("properties"), here.child("properties"));
    boolean deprecated = deprecated(root.get("deprecated"), here.child("deprecated"));
    SourceLocation schemaAt = here.child("schema");
    JsonNode schema = root.get("schema");
    Optional<JsonNode> input = Optional.empty();
    Optional<JsonNode> output = Optional.empty();
    if (schema != null && !schema.isNull()) {
      if (!schema.isObject()) {
        throw wrongType(schemaAt, "an object", schema);
      }
      input = schemaPart(schema, "input", schemaAt);
      output = schemaPart(schema, "output", schemaAt);
    }
    return new CatalogModel(id, task, properties, deprecated, input, output, here);
  }

  private static String name(JsonNode root, SourceLocation here) {
    SourceLocation at = here.child("name");
    JsonNode name = root.get("name");
    if (name == null || name.isNull()) {
      throw new CatalogException("missing-name", at, "a model entry needs a \"name\", the model id such as @cf/meta/llama-3.1-8b-instruct");
    }
    if (!name.isTextual()) {
      throw wrongType(at, "a string", name);
    }
    if (name.textValue().isBlank()) {
      throw new CatalogException("missing-name", at, "the model id is blank");
    }
    return name.textValue();
  }

  private static String task(JsonNode task, SourceLocation at) {
    if (task == null || task.isNull()) {
      return "";
    }
    if (task.isTextual()) {
      return task.textValue();
    }
    if (!task.isObject()) {
      throw wrongType(at, "an object or a string", task);
    }
    JsonNode name = task.get("name");
    if (name == null || name.isNull()) {
      return "";
    }
    if (!name.isTextual()) {
      throw wrongType(at.child("name"), "a string", name);
    }
    return name.textValue();
  }

  private static boolean deprecated(JsonNode deprecated, SourceLocation at) {
    if (deprecated == null || deprecated.isNull()) {
      return false;
    }
    if (!deprecated.isBoolean()) {
      throw wrongType(at, "a boolean", deprecated);
    }
    return deprecated.booleanValue();
  }

  private static Optional<JsonNode> schemaPart(JsonNode schema, String part, SourceLocation schemaAt) {
    JsonNode node = schema.get(part);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    SourceLocation at = schemaAt.child(part);
    if (!node.isObject()) {
      throw wrongType(at, "an object (a JSON Schema)", node);
    }
    SchemaShapeCheck.check(node, at);
    return Optional.of(node);
  }

  static CatalogException wrongType(SourceLocation at, String expected, JsonNode found) {
    return new CatalogException("wrong-type", at, "expected " + expected + ", found " + JsonFiles.typeName(found));
  }
}
