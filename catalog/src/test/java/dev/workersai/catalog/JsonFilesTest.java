package dev.workersai.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * JsonFiles builds its trees with jackson-core alone: they must be the trees the catalog's former mapper
 * (same reading rules) builds, node class for node class, and {@code compact} must write what
 * {@code JsonNode.toString} writes, or defaults in generated code and render keys would change.
 */
class JsonFilesTest {
  /** The mapper the catalog read its files with before JsonFiles built trees itself: the same rules. */
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private static final List<String> EDGE_CASES = List.of(
      "{\"a\":1.50,\"b\":1e308,\"c\":-0.0,\"d\":2147483648,\"e\":9223372036854775808,\"f\":-7,\"g\":1E-7}",
      "[\"\\u00e9\\u0000\\n\\\"\\\\/\\ud83d\\ude00\",\"caf\u00e9 \u2028\",true,false,null,[],{},[[1],{\"x\":{}}]]",
      "  \"text\"  ", "12", "0.10", "null");

  @Test
  void everyCatalogFileParsesToTheTreeTheMapperReads() throws Exception {
    List<Path> files = CatalogReader.snapshotFiles(Path.of("..", "model-schemas"));
    assertThat(files).hasSizeGreaterThan(90);
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      assertSameTree(JsonFiles.parse(bytes), MAPPER.readTree(bytes), file.toString());
    }
  }

  @Test
  void numbersTextAndNestingParseToTheTreeTheMapperReads() throws Exception {
    for (String json : EDGE_CASES) {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      assertSameTree(JsonFiles.parse(bytes), MAPPER.readTree(bytes), json);
      assertSameTree(JsonFiles.readResource(new ByteArrayInputStream(bytes)), MAPPER.readTree(bytes),
          json);
    }
  }

  @Test
  void compactTextIsWhatToStringWrites() throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (String json : EDGE_CASES) {
      collect(MAPPER.readTree(json), nodes);
    }
    for (Path file : CatalogReader.snapshotFiles(Path.of("..", "model-schemas"))) {
      nodes.add(JsonFiles.read(file));
    }
    for (JsonNode node : nodes) {
      assertThat(JsonFiles.compact(node)).isEqualTo(node.toString());
    }
  }

  @Test
  void nothingButWhiteSpaceIsNoDocument() throws Exception {
    assertThat(JsonFiles.parse(" \n ".getBytes(StandardCharsets.UTF_8))).isNull();
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    out.add(node);
    node.forEach(child -> collect(child, out));
  }

  private static void assertSameTree(JsonNode actual, JsonNode expected, String where) {
    assertThat(actual).as(where).isEqualTo(expected);
    assertThat(actual.getClass()).as(where).isEqualTo(expected.getClass());
    assertThat(actual.toString()).as(where).isEqualTo(expected.toString());
    if (actual.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> others = expected.properties().iterator();
      for (Map.Entry<String, JsonNode> field : actual.properties()) {
        Map.Entry<String, JsonNode> other = others.next();
        assertThat(field.getKey()).as(where).isEqualTo(other.getKey());
        assertSameTree(field.getValue(), other.getValue(), where + "/" + field.getKey());
      }
    } else if (actual.isArray()) {
      for (int i = 0; i < actual.size(); i++) {
        assertSameTree(actual.get(i), expected.get(i), where + "/" + i);
      }
    }
  }
}
