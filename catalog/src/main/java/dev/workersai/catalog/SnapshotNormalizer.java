package dev.workersai.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a catalog entry, as Cloudflare publishes it or as the REST API returns it (a search item
 * with its schema set as {@code schema}), into the facts-only snapshot form: {@code name},
 * {@code task} (its name), {@code deprecated} where present, {@code properties} (sorted by id) and
 * {@code schema.input}/{@code schema.output}. Everything that is prose goes: the entry's and the
 * task's {@code description}, every {@code description}, {@code $comment}, {@code example} and
 * {@code examples} keyword of the schemas. A property that is merely <em>named</em>
 * {@code description} (a member of a {@code properties} map) is a fact and stays. Names, types,
 * ranges, defaults, enums, required lists, content types, formats and titles stay.
 *
 * <p>The output is deterministic: members of schema objects are sorted by keyword, while the
 * members of name maps ({@code properties}, {@code patternProperties}, {@code $defs},
 * {@code definitions}) keep the catalog's order, which is the order a reader of the model's page
 * expects; files are pretty-printed with two spaces, {@code \n} line ends and a final newline.
 */
public final class SnapshotNormalizer {
  /** Schema keywords that hold prose rather than facts. */
  private static final Set<String> PROSE = Set.of("description", "$comment", "example", "examples");
  private static final Set<String> SCHEMA_MAPS = SchemaWalker.SCHEMA_MAPS;
  private static final Set<String> SCHEMA_LISTS = SchemaWalker.SCHEMA_LISTS;
  private static final Set<String> SCHEMAS = SchemaWalker.SCHEMAS;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectWriter WRITER = JsonMapper.builder().build().writer(prettyPrinter());

  private SnapshotNormalizer() {}

  /**
   * One normalized entry.
   *
   * @param modelId the entry's {@code name}
   * @param fileName the snapshot file name: the last segment of the id, such as
   *     {@code llama-3.1-8b-instruct.json}, the name Cloudflare's documentation uses too
   * @param document the facts-only entry
   */
  public record Entry(String modelId, String fileName, JsonNode document) {
    /** The file's bytes: UTF-8, pretty-printed, deterministic. */
    public byte[] bytes() {
      return SnapshotNormalizer.toBytes(document);
    }
  }

  /**
   * Normalizes an entry, then checks that the result reads as a model file (so that a schema the
   * generator could not read is refused now, at its pointer, and not after it was written).
   *
   * @throws CatalogException when the entry has no usable {@code name} or its facts do not read as
   *     a model file; the location names the file the entry would be written to
   */
  public static Entry normalize(JsonNode entry) {
    SourceLocation unnamed = new SourceLocation(Path.of("catalog entry"), "");
    if (!entry.isObject()) {
      throw ModelFileParser.wrongType(unnamed, "an object", entry);
    }
    JsonNode name = entry.get("name");
    if (name == null || !name.isTextual() || name.textValue().isBlank()) {
      throw new CatalogException("missing-name", unnamed.child("name"), "a catalog entry needs a \"name\", the model id");
    }
    String modelId = name.textValue();
    String fileName = fileName(modelId);
    ObjectNode facts = facts(entry);
    ModelFileParser.parse(Path.of(fileName), facts);
    return new Entry(modelId, fileName, facts);
  }

  /**
   * The snapshot file name of a model id: its last {@code /} segment with every character outside
   * {@code [A-Za-z0-9._-]} replaced by {@code _}, so that no id can name a path outside the folder.
   * A leading {@code _} is added where the segment would otherwise be empty, hidden, or the
   * rate-limit table's name ({@code @cf/x/rate-limits} becomes {@code _rate-limits.json}; compared
   * ignoring case, for case-insensitive file systems), which the reader would not take for a model.
   */
  public static String fileName(String modelId) {
    String slug = modelId.substring(modelId.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
    if (slug.isEmpty() || slug.startsWith(".") || (slug + ".json").equalsIgnoreCase(CatalogReader.RATE_LIMITS_FILE)
        || (slug + ".json").equalsIgnoreCase(CatalogReader.TYPE_NAMES_FILE)) {
      slug = "_" + slug;
    }
    return slug + ".json";
  }

  /** The snapshot form of a document, as bytes: what {@link Entry#bytes()} writes. */
  static byte[] toBytes(JsonNode document) {
    try {
      return (WRITER.writeValueAsString(document) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  private static ObjectNode facts(JsonNode entry) {
    ObjectNode facts = NODES.objectNode();
    facts.set("name", entry.get("name"));
    String task = taskName(entry.get("task"));
    if (task != null) {
      facts.put("task", task);
    }
    if (entry.has("deprecated")) {
      facts.set("deprecated", entry.get("deprecated"));
    }
    JsonNode properties = entry.get("properties");
    if (properties != null && !properties.isNull()) {
      facts.set("properties", sortedProperties(properties));
    }
    JsonNode schema = entry.get("schema");
    if (schema != null && schema.isObject() && !schema.isEmpty()) {
      ObjectNode parts = NODES.objectNode();
      for (String part : List.of("input", "output")) {
        JsonNode node = schema.get(part);
        if (node != null) {
          parts.set(part, schemaFacts(node));
        }
      }
      facts.set("schema", parts);
    } else if (schema != null && !schema.isObject()) {
      facts.set("schema", schema);
    }
    return facts;
  }

  private static String taskName(JsonNode task) {
    if (task == null || task.isNull()) {
      return null;
    }
    if (task.isObject()) {
      JsonNode name = task.get("name");
      return name != null && name.isTextual() ? name.textValue() : null;
    }
    return task.asText();
  }

  /** {@code {property_id, value}} pairs, sorted by id; anything else in a pair is dropped. */
  private static JsonNode sortedProperties(JsonNode properties) {
    if (!properties.isArray()) {
      return properties;
    }
    List<JsonNode> items = new ArrayList<>();
    properties.forEach(items::add);
    items.sort(Comparator.comparing(item -> item.path("property_id").asText()));
    ArrayNode sorted = NODES.arrayNode();
    for (JsonNode item : items) {
      if (item.isObject()) {
        ObjectNode pair = NODES.objectNode();
        pair.set("property_id", item.get("property_id"));
        if (item.has("value")) {
          pair.set("value", item.get("value"));
        }
        sorted.add(pair);
      } else {
        sorted.add(item);
      }
    }
    return sorted;
  }

  /** A schema without its prose, keywords sorted; values of unknown keywords are copied as they are. */
  private static JsonNode schemaFacts(JsonNode schema) {
    if (!schema.isObject()) {
      return schema;
    }
    List<String> keywords = new ArrayList<>();
    schema.fieldNames().forEachRemaining(keywords::add);
    keywords.sort(Comparator.naturalOrder());
    ObjectNode facts = NODES.objectNode();
    for (String keyword : keywords) {
      JsonNode value = schema.get(keyword);
      if (PROSE.contains(keyword)) {
        continue;
      }
      if (SCHEMA_MAPS.contains(keyword) && value.isObject()) {
        facts.set(keyword, schemaMap(value));
      } else if ((SCHEMA_LISTS.contains(keyword) || SCHEMAS.contains(keyword)) && value.isArray()) {
        ArrayNode list = NODES.arrayNode();
        value.forEach(member -> list.add(schemaFacts(member)));
        facts.set(keyword, list);
      } else if (SCHEMAS.contains(keyword)) {
        facts.set(keyword, schemaFacts(value));
      } else {
        facts.set(keyword, value);
      }
    }
    return facts;
  }

  /** A map from names to schemas, in the catalog's order; its member names are facts, whatever they are. */
  private static JsonNode schemaMap(JsonNode map) {
    ObjectNode facts = NODES.objectNode();
    for (Map.Entry<String, JsonNode> member : map.properties()) {
      facts.set(member.getKey(), schemaFacts(member.getValue()));
    }
    return facts;
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators = Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER);
    return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
  }
}
