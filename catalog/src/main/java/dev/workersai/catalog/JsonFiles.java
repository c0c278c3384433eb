package dev.workersai.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads catalog files into Jackson trees, turning every failure into a {@link CatalogException}.
 *
 * <p>Trees are built from jackson-core's parser directly, not through an {@code ObjectMapper}:
 * building a mapper (and {@code JsonNode.toString}'s own one) loads and initialises hundreds of
 * classes, more than a fresh JVM spends reading the whole bundled catalog. The trees are those
 * {@code ObjectMapper.readTree} would give with the reading rules below.
 */
public final class JsonFiles {
  /**
   * Strict on purpose: a duplicate key makes a catalog entry ambiguous, a second value after the
   * first is refused, and numbers with a fraction or exponent are kept as exact decimals (trailing
   * zeros too) so that ranges and prices survive a read/write round trip unchanged. Duplicate keys
   * are caught while building the tree ({@link #value}), with the message and location of
   * {@code StreamReadFeature.STRICT_DUPLICATE_DETECTION}, which would keep a hash set per object.
   */
  private static final JsonFactory FACTORY = new JsonFactory();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * The capacity an object's map starts with: most objects of a schema have one to three keys (95% of
   * the bundled snapshot's 14,000), which a map for three holds without the default table of sixteen.
   */
  private static final int OBJECT_CAPACITY = 4;

  private static final Pattern START_MARKER =
      Pattern.compile(" \\(start marker at \\[Source: .*?; line: (\\d+), column: (\\d+)\\]\\)");

  private JsonFiles() {}

  /** Parses one whole file; malformed JSON is reported with its line and column. */
  public static JsonNode read(Path file) {
    return read(file, FileSource.DISK);
  }

  /** {@link #read(Path)}, with the file's bytes from {@code source}. */
  public static JsonNode read(Path file, FileSource source) {
    SourceLocation whole = new SourceLocation(file, "");
    byte[] bytes;
    try {
      bytes = source.read(file);
    } catch (NoSuchFileException e) {
      throw new CatalogException("no-such-file", whole, "file does not exist", e);
    } catch (IOException e) {
      throw new CatalogException("unreadable-file", whole, "cannot read: " + e.getMessage(), e);
    }
    try {
      JsonNode tree = parse(bytes);
      if (tree == null) {
        throw new CatalogException("malformed-json", whole, "file is empty");
      }
      return tree;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
      throw new CatalogException("malformed-json", whole, where + firstLine(e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new CatalogException("unreadable-file", whole, "cannot read: " + e.getMessage(), e);
    }
  }

  /** Parses one JSON document by the rules above; null when there is nothing but white space. */
  public static JsonNode parse(byte[] json) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return document(parser);
    }
  }

  /** Parses a JSON stream (a resource bundled with this library, a file), by the same rules. */
  public static JsonNode readResource(InputStream in) throws IOException {
    try (JsonParser parser = FACTORY.createParser(in)) {
      return document(parser);
    }
  }

  /**
   * A node as compact JSON text: what {@code node.toString()} gives, written without the mapper
   * that {@code toString} builds on first use.
   */
  public static String compact(JsonNode node) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      write(generator, node);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string", e);
    }
    return out.toString();
  }

  private static JsonNode document(JsonParser parser) throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      return null;
    }
    JsonNode tree = value(parser, first);
    JsonToken trailing = parser.nextToken();
    if (trailing != null) {
      throw new JsonParseException(parser, "a second JSON value (" + trailing + ") after the first",
          parser.currentTokenLocation());
    }
    return tree;
  }

  /** The value starting at {@code token} (the parser is on it), as {@code readTree} builds it. */
  private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT: {
        ObjectNode object = new ObjectNode(NODES, new LinkedHashMap<>(OBJECT_CAPACITY));
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
          if (object.has(name)) {
            throw new JsonParseException(parser, "Duplicate field '" + name + "'", parser.currentTokenLocation());
          }
          object.set(name, value(parser, parser.nextToken()));
        }
        return object;
      }
      case START_ARRAY: {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(value(parser, t));
        }
        return array;
      }
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            return NODES.numberNode(parser.getIntValue());
          case LONG:
            return NODES.numberNode(parser.getLongValue());
          default:
            return NODES.numberNode(parser.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(parser.getDecimalValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new JsonParseException(parser, "unexpected token " + token, parser.currentTokenLocation());
    }
  }

  private static void write(JsonGenerator generator, JsonNode node) throws IOException {
    if (node.isObject()) {
      generator.writeStartObject();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        generator.writeFieldName(field.getKey());
        write(generator, field.getValue());
      }
      generator.writeEndObject();
    } else if (node.isArray()) {
      generator.writeStartArray();
      for (JsonNode element : node) {
        write(generator, element);
      }
      generator.writeEndArray();
    } else if (node.isTextual()) {
      generator.writeString(node.textValue());
    } else if (node.isBigDecimal()) {
      generator.writeNumber(node.decimalValue());
    } else if (node.isBigInteger()) {
      generator.writeNumber(node.bigIntegerValue());
    } else if (node.isLong()) {
      generator.writeNumber(node.longValue());
    } else if (node.isIntegralNumber()) {
      generator.writeNumber(node.intValue());
    } else if (node.isNumber()) {
      generator.writeNumber(node.doubleValue());
    } else if (node.isBoolean()) {
      generator.writeBoolean(node.booleanValue());
    } else if (node.isNull()) {
      generator.writeNull();
    } else {
      throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
    }
  }

  /**
   * Jackson's messages run on with hints about the parser; the first line says what is wrong, and
   * an unclosed object's start is worth keeping without Jackson's source description.
   */
  private static String firstLine(String message) {
    if (message == null) {
      return "not valid JSON";
    }
    int newline = message.indexOf('\n');
    String first = newline < 0 ? message : message.substring(0, newline);
    return START_MARKER.matcher(first).replaceAll(" (opened at line $1, column $2)");
  }

  /** A short name for a node's JSON type, for "expected X, found Y" messages. */
  static String typeName(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "an unexpected value";
    };
  }
}
