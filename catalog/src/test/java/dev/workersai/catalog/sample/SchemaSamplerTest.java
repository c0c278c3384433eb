package dev.workersai.catalog.sample;

import static dev.workersai.catalog.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

/** Keyword by keyword: each sample is asserted exactly and validated with networknt. */
class SchemaSamplerTest {
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  /** Samples in the given mode, checks validity with networknt, and returns the sample as JSON text. */
  private static String sample(SchemaSampler sampler, String schemaText) {
    JsonNode schema = json(schemaText);
    JsonNode instance = sampler.sample(schema);
    assertThat(REGISTRY.getSchema(schema).validate(instance)).as("networknt errors for %s", instance).isEmpty();
    assertThat(SchemaSampler.isValid(schema, instance)).isTrue();
    return instance.toString().replace('"', '\'');
  }

  private static String minimal(String schema) {
    return sample(SchemaSampler.requiredOnly(), schema);
  }

  private static String full(String schema) {
    return sample(SchemaSampler.full(), schema);
  }

  @Test
  void requiredOnlyLeavesOptionalPropertiesOutAndFullFillsThem() {
    String schema =
        "{'type': 'object', 'required': ['prompt'], 'properties': {'prompt': {'type': 'string', 'minLength': 1},"
            + " 'max_tokens': {'type': 'integer', 'default': 256}, 'stream': {'type': 'boolean'}}}";

    assertThat(minimal(schema)).isEqualTo("{'prompt':'sample'}");
    assertThat(full(schema)).isEqualTo("{'prompt':'sample','max_tokens':256,'stream':false}");
  }

  @Test
  void textDrivesFreeFormStringsWithinTheirLengths() {
    SchemaSampler echo = SchemaSampler.full().withText("echo: what is cloudflare");

    assertThat(sample(echo, "{'type': 'string'}")).isEqualTo("'echo: what is cloudflare'");
    assertThat(sample(echo, "{'type': 'string', 'maxLength': 4}")).isEqualTo("'echo'");
    assertThat(sample(SchemaSampler.full().withText("ab"), "{'type': 'string', 'minLength': 7}")).isEqualTo("'ab ab ab'");
  }

  @Test
  void numbersRespectInclusiveExclusiveAndMultipleOfBounds() {
    assertThat(minimal("{'type': 'integer', 'minimum': 1, 'maximum': 5}")).isEqualTo("1");
    assertThat(minimal("{'type': 'integer', 'exclusiveMinimum': 1}")).isEqualTo("2");
    assertThat(minimal("{'type': 'number', 'exclusiveMaximum': 0}")).isEqualTo("-0.5");
    assertThat(minimal("{'type': 'number', 'minimum': -2, 'maximum': 2}")).isEqualTo("0");
    assertThat(minimal("{'type': 'integer', 'minimum': 3, 'multipleOf': 4}")).isEqualTo("4");
    assertThat(minimal("{'type': 'number', 'minimum': 0.1, 'maximum': 0.2}")).isEqualTo("0.1");
  }

  @Test
  void draft4BooleanExclusiveBoundsAreHonoured() {
    JsonNode schema = json("{'type': 'integer', 'minimum': 0, 'exclusiveMinimum': true}");

    JsonNode instance = SchemaSampler.requiredOnly().sample(schema);

    assertThat(instance.intValue()).isEqualTo(1);
    assertThat(SchemaSampler.isValid(schema, instance)).isTrue();
  }

  @Test
  void defaultsOutsideTheSchemasOwnRangeAreNotUsed() {
    assertThat(minimal("{'type': 'number', 'minimum': 0, 'maximum': 1, 'default': 7}")).isEqualTo("0");
    assertThat(minimal("{'type': 'number', 'minimum': 0, 'maximum': 1, 'default': 0.7}")).isEqualTo("0.7");
  }

  @Test
  void enumsConstsAndTypeArrays() {
    assertThat(minimal("{'type': 'string', 'enum': ['low', 'medium', 'high']}")).isEqualTo("'low'");
    assertThat(minimal("{'type': 'string', 'enum': ['low', 'medium'], 'default': 'medium'}")).isEqualTo("'medium'");
    assertThat(minimal("{'const': {'kind': 'fixed'}}")).isEqualTo("{'kind':'fixed'}");
    assertThat(minimal("{'type': ['null', 'integer'], 'minimum': 2}")).isEqualTo("2");
    assertThat(minimal("{'type': 'null'}")).isEqualTo("null");
  }

  @Test
  void anEnumValueTheSchemasOtherKeywordsRefuseIsNotChosen() {
    assertThat(minimal("{'type': 'integer', 'minimum': 2, 'enum': [1, 2, 3]}")).isEqualTo("2");
    assertThat(minimal("{'type': 'string', 'maxLength': 3, 'enum': ['medium', 'low']}")).isEqualTo("'low'");
  }

  @Test
  void simplePatternsAreMatched() {
    assertThat(minimal("{'type': 'string', 'pattern': '^[0-9]+$'}")).isEqualTo("'0'");
    assertThat(minimal("{'type': 'string', 'pattern': '[a-zA-Z0-9]{9}'}")).isEqualTo("'aaaaaaaaa'");
    assertThat(minimal("{'type': 'string', 'pattern': '^\\\\s*(clef|clef-flash)\\\\s*$'}")).isEqualTo("'clef'");
    assertThat(minimal("{'type': 'string', 'pattern': '^[Dd][Aa][Tt][Aa]:'}")).isEqualTo("'DATA:'");
    assertThat(minimal("{'type': 'string', 'pattern': '^(?:[^x]|y)+z?$', 'minLength': 3}")).isEqualTo("'aaz'");
  }

  @Test
  void anUnsupportedPatternFallsBackToACandidateThatMatches() {
    assertThat(minimal("{'type': 'string', 'pattern': '^(?=a)a$'}")).isEqualTo("'a'");
  }

  @Test
  void formatsGiveValidLookingValues() {
    assertThat(minimal("{'type': 'string', 'format': 'binary'}")).isEqualTo("'c2FtcGxl'");
    assertThat(minimal("{'type': 'string', 'format': 'date-time'}")).isEqualTo("'2025-01-01T00:00:00Z'");
    assertThat(minimal("{'type': 'string', 'format': 'uri'}")).isEqualTo("'https://example.com/0'");
  }

  @Test
  void arraysHonourItemCountsAndUniqueness() {
    assertThat(minimal("{'type': 'array', 'items': {'type': 'number', 'minimum': 0, 'maximum': 255}}")).isEqualTo("[0]");
    assertThat(minimal("{'type': 'array', 'minItems': 3, 'uniqueItems': true, 'items': {'type': 'integer'}}")).isEqualTo("[0,1,2]");
    assertThat(minimal("{'type': 'array', 'minItems': 2, 'uniqueItems': true, 'items': {'enum': ['a', 'b', 'c']}}")).isEqualTo("['a','b']");
    assertThat(minimal("{'type': 'array', 'maxItems': 0}")).isEqualTo("[]");
    assertThat(minimal("{'type': 'array', 'prefixItems': [{'type': 'string'}, {'type': 'integer'}], 'items': false}")).isEqualTo("['sample',1]");
  }

  @Test
  void oneOfTakesTheFirstBranchValidForItselfAlone() {
    String promptOrMessages =
        "{'type': 'object', 'oneOf': [{'properties': {'prompt': {'type': 'string'}}, 'required': ['prompt']},"
            + " {'properties': {'messages': {'type': 'array', 'items': {'type': 'object', 'properties': {'role': {'type': 'string'},"
            + " 'content': {'type': 'string'}}, 'required': ['role', 'content']}}}, 'required': ['messages']}]}";
    String overlapping = "{'oneOf': [{'type': 'number'}, {'type': 'integer'}, {'type': 'string'}]}";

    assertThat(minimal(promptOrMessages)).isEqualTo("{'prompt':'sample'}");
    // 0 is a number and an integer: both first branches match, so only the string is valid for one
    assertThat(minimal(overlapping)).isEqualTo("'sample'");
  }

  @Test
  void anyOfAndAllOf() {
    assertThat(minimal("{'anyOf': [{'type': 'string', 'maxLength': 2}, {'type': 'null'}]}")).isEqualTo("'sa'");
    assertThat(
            minimal(
                "{'allOf': [{'type': 'object', 'properties': {'a': {'type': 'integer', 'minimum': 1}}, 'required': ['a']},"
                    + " {'properties': {'b': {'type': 'boolean'}}, 'required': ['b']}, {'properties': {'a': {'minimum': 3}}}]}"))
        .isEqualTo("{'a':3,'b':false}");
  }

  @Test
  void minPropertiesAndAdditionalProperties() {
    assertThat(minimal("{'type': 'object', 'minProperties': 1, 'additionalProperties': {'type': 'integer'}}"))
        .isEqualTo("{'property1':1}");
    assertThat(minimal("{'type': 'object', 'properties': {'x': {'type': 'string'}}, 'minProperties': 1}")).isEqualTo("{'x':'sample'}");
    assertThat(full("{'type': 'object', 'properties': {'x': {'type': 'string'}, 'y': {'type': 'string'}}, 'maxProperties': 1}"))
        .isEqualTo("{'x':'sample'}");
  }

  @Test
  void recursiveReferencesTerminate() {
    String tree =
        "{'$defs': {'node': {'type': 'object', 'properties': {'name': {'type': 'string'}, 'children': {'type': 'array',"
            + " 'items': {'$ref': '#/$defs/node'}}}, 'required': ['name']}}, '$ref': '#/$defs/node'}";

    assertThat(minimal(tree)).isEqualTo("{'name':'sample'}");
    String deep = full(tree);
    assertThat(deep).startsWith("{'name':'sample','children':[{'name':'sample','children':[");
    assertThat(SchemaSampler.full().withOptionalDepth(1).sample(json(tree)).toString())
        .isEqualTo("{\"name\":\"sample\",\"children\":[{\"name\":\"sample\"}]}");
  }

  @Test
  void theMisplacedRequiredListOfAPublishedSchemaIsNotTakenForAProperty() {
    JsonNode schema = json("{'type': 'object', 'properties': {'multipart': {'type': 'object'}, 'required': ['multipart']}}");

    assertThat(SchemaSampler.full().sample(schema).toString()).isEqualTo("{\"multipart\":{}}");
  }

  @Test
  void samplingIsDeterministic() {
    JsonNode schema = json("{'type': 'object', 'properties': {'a': {'type': 'array', 'items': {'type': 'string'}}, 'b': {'type': 'number'}}}");

    assertThat(SchemaSampler.full().sample(schema)).isEqualTo(SchemaSampler.full().sample(schema));
  }
}
