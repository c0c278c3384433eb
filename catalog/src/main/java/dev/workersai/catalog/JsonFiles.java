package dev.workersai.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Reads catalog files into Jackson trees, turning every failure into a {@link CatalogException}. */
public final class JsonFiles {
  /**
   * Strict on purpose: a duplicate key makes a catalog entry ambiguous, and big numbers are kept
   * exact so that ranges and prices survive a read/write round trip unchanged.
   */
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private static final Pattern START_MARKER =
      Pattern.compile(" \\(start marker at \\[Source: .*?; line: (\\d+), column: (\\d+)\\]\\)");

  private JsonFiles() {}

  /** Parses one whole file; malformed JSON is reported with its line and column. */
  public static JsonNode read(Path file) {
    SourceLocation whole = new SourceLocation(file, "");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CatalogException("no-such-file", whole, "file does not exist", e);
    } catch (IOException e) {
      throw new CatalogException("unreadable-file", whole, "cannot read: " + e.getMessage(), e);
    }
    try (JsonParser parser = MAPPER.createParser(bytes)) {
      JsonNode tree = MAPPER.readTree(parser);
      if (tree == null || tree.isMissingNode()) {
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

  /**
   * A node as compact JSON text, the text {@code node.toString()} gives, written by this class's
   * mapper: {@code JsonNode.toString} builds a second mapper of its own on first use, which in a
   * fresh JVM costs as much as reading a dozen model files.
   */
  public static String compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always writes", e);
    }
  }

  /** Parses a JSON resource bundled with this library, as strictly as a catalog file. */
  public static JsonNode readResource(InputStream in) throws IOException {
    return MAPPER.readTree(in);
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
