package dev.workersai.catalog.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workersai.catalog.SourceLocation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ShapesTest {
  private static final String MESSAGE = "{'type': 'object', 'properties': {'role': {'type': 'string'},"
      + " 'content': {'type': 'object', 'properties': {'text': {'type': 'string'}}}}}";
  private static final String UNION = "{'oneOf': [" + MESSAGE + ", {'type': 'object', 'properties': {'prompt': {'type': 'string'}}}]}";

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void equalShapesReadWithOneTableAreOneInstanceAtEveryLevel() throws Exception {
    Shapes shapes = new Shapes();
    ObjectType a = (ObjectType) read(MESSAGE, shapes);
    ObjectType b = (ObjectType) read("{'type': 'object', 'description': 'other prose', 'properties': {'role': {'type': 'string'},"
        + " 'content': {'type': 'object', 'properties': {'text': {'type': 'string', 'description': 'x'}}}}}", shapes);
    assertThat(b).isSameAs(a);
    UnionType u = (UnionType) read(UNION, shapes);
    assertThat(u.branches().get(0).type()).isSameAs(a);
    assertThat(read(UNION, shapes)).isSameAs(u);
  }

  @Test
  void differentShapesStayApartAndSeparateTablesShareNothing() throws Exception {
    Shapes shapes = new Shapes();
    SchemaType a = read(MESSAGE, shapes);
    SchemaType required = read(MESSAGE.replace("}}}}}", "}}}}, 'required': ['role']}"), shapes);
    assertThat(required).isNotEqualTo(a);
    assertThat(((ObjectType) required).properties().get(1).type()).isSameAs(((ObjectType) a).properties().get(1).type());
    SchemaType elsewhere = read(MESSAGE, new Shapes());
    assertThat(elsewhere).isEqualTo(a).isNotSameAs(a);
  }

  private SchemaType read(String json, Shapes shapes) throws Exception {
    JsonNode node = mapper.readTree(json.replace('\'', '"'));
    return new SchemaReader(node, new SchemaStats(), shapes).read(node, new SourceLocation(Path.of("m.json"), "/s"), "");
  }
}
