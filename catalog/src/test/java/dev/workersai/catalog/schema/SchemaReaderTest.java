package dev.workersai.catalog.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workersai.catalog.SourceLocation;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SchemaReaderTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private final SchemaStats stats = new SchemaStats();

  @Test
  void nullableUnionsAndTypeArraysReadAsTheNonNullType() throws Exception {
    assertThat(read("{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]}"))
        .isEqualTo(ScalarType.of(ScalarType.Kind.STRING));
    assertThat(read("{\"type\":[\"integer\",\"null\"]}")).isEqualTo(ScalarType.of(ScalarType.Kind.INTEGER));
  }

  @Test
  void descriptionsAndTitlesDoNotChangeAShape() throws Exception {
    SchemaType a = read("{\"type\":\"object\",\"title\":\"A\",\"description\":\"one\",\"properties\":{\"x\":{\"type\":\"string\",\"description\":\"p\"}}}");
    SchemaType b = read("{\"type\":\"object\",\"title\":\"B\",\"properties\":{\"x\":{\"type\":\"string\"}}}");
    assertThat(a).isEqualTo(b).isInstanceOf(ObjectType.class);
  }

  @Test
  void constraintsAreKept() throws Exception {
    ScalarType t = (ScalarType) read("{\"type\":\"number\",\"exclusiveMinimum\":0,\"maximum\":2}");
    assertThat(t.minimum()).contains(BigDecimal.ZERO);
    assertThat(t.exclusiveMinimum()).isTrue();
    assertThat(t.maximum()).contains(new BigDecimal("2"));
    ScalarType s = (ScalarType) read("{\"type\":\"string\",\"minLength\":1,\"pattern\":\"^a\"}");
    assertThat(s.minLength()).isEqualTo(OptionalInt.of(1));
    assertThat(s.pattern()).isEqualTo(Optional.of("^a"));
  }

  @Test
  void binaryConventionsAreRecognised() throws Exception {
    assertThat(read("{\"type\":\"object\",\"properties\":{\"image\":{\"type\":\"array\",\"items\":{\"type\":\"number\"}}}}"))
        .isEqualTo(new ObjectType(java.util.List.of(new Property("image",
            new BinaryType(BinaryType.Encoding.UINT8_ARRAY), false, Optional.empty()))));
    assertThat(read("{\"type\":\"array\",\"items\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":255}}"))
        .isEqualTo(new BinaryType(BinaryType.Encoding.UINT8_ARRAY));
    assertThat(read("{\"type\":\"array\",\"items\":{\"type\":\"number\"}}")).isInstanceOf(ArrayType.class);
    assertThat(read("{\"type\":\"string\",\"format\":\"binary\"}")).isEqualTo(new BinaryType(BinaryType.Encoding.BASE64));
    assertThat(read("{\"type\":\"object\",\"properties\":{\"body\":{\"type\":\"object\"},\"contentType\":{\"type\":\"string\"}}}"))
        .isEqualTo(new BinaryType(BinaryType.Encoding.BODY));
  }

  @Test
  void unionsKeepDistinctBranchesAndFlattenNestedOnes() throws Exception {
    UnionType u = (UnionType) read("{\"oneOf\":[{\"type\":\"string\"},{\"oneOf\":[{\"type\":\"integer\"},{\"type\":\"string\"}]}]}");
    assertThat(u.branches()).extracting(UnionType.Branch::type)
        .containsExactly(ScalarType.of(ScalarType.Kind.STRING), ScalarType.of(ScalarType.Kind.INTEGER));
  }

  @Test
  void whatCannotBeTypedIsCountedAndNoted() throws Exception {
    assertThat(read("{\"type\":\"object\"}")).isEqualTo(new MapType(new UntypedType("free-form object"),
        OptionalInt.empty(), OptionalInt.empty()));
    assertThat(read("{\"type\":\"wat\"}")).isInstanceOf(UntypedType.class);
    assertThat(stats.untyped()).isEqualTo(2);
    assertThat(stats.notes()).hasSize(2).allMatch(n -> n.startsWith("m.json#/s: "));
  }

  @Test
  void aReferenceToAMissingDefinitionIsNotedWithItsPointer() throws Exception {
    ObjectType t = (ObjectType) read("{'type': 'object', 'properties': {'a': {'$ref': '#/definitions/nope'},"
        + " 'b': {'type': 'string'}}}");

    assertThat(t.properties().get(0).type()).isEqualTo(new UntypedType("unresolved $ref #/definitions/nope"));
    assertThat(stats.notes()).containsExactly("m.json#/s/properties/a: unresolved $ref #/definitions/nope; typed as JsonNode");
  }

  @Test
  void aCycleOfReferencesEndsAsUntyped() throws Exception {
    SchemaType t = read("{'definitions': {'x': {'$ref': '#/definitions/y'}, 'y': {'$ref': '#/definitions/x'}},"
        + " '$ref': '#/definitions/x'}");

    assertThat(t).isEqualTo(new UntypedType("recursive $ref #/definitions/x"));
  }

  @Test
  void anAllOfPartThatIsAReferenceIsFollowedAndMergedWithTheOthers() throws Exception {
    ObjectType t = (ObjectType) read("{'definitions': {'base': {'type': 'object', 'properties': {'a': {'type': 'integer'}}}},"
        + " 'allOf': [{'$ref': '#/definitions/base'}, {'properties': {'b': {'type': 'string'}}, 'required': ['b']}]}");

    assertThat(t.properties()).extracting(Property::name, Property::required)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a", false), org.assertj.core.groups.Tuple.tuple("b", true));
  }

  @Test
  void aUnionBranchKeepsTheConstraintsItsParentPutsOnTheSameProperty() throws Exception {
    ObjectType t = (ObjectType) read("{'type': 'object', 'properties': {'prompt': {'type': 'string', 'maxLength': 5}},"
        + " 'oneOf': [{'properties': {'prompt': {'minLength': 1}}, 'required': ['prompt']}]}");

    ScalarType prompt = (ScalarType) t.properties().get(0).type();
    assertThat(prompt.minLength()).isEqualTo(OptionalInt.of(1));
    assertThat(prompt.maxLength()).isEqualTo(OptionalInt.of(5));
  }

  private SchemaType read(String json) throws Exception {
    JsonNode node = mapper.readTree(json.replace('\'', '"'));
    return new SchemaReader(node, stats).read(node, new SourceLocation(Path.of("m.json"), "/s"), "");
  }
}
