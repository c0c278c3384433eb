package dev.workersai.catalog.validation;

import static dev.workersai.catalog.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class InstanceValidatorTest {
  private static final JsonNode CHAT = json("{'type': 'object', 'required': ['messages'], 'properties': {"
      + "'messages': {'type': 'array', 'items': {'$ref': '#/definitions/message'}},"
      + "'max_tokens': {'type': 'integer', 'minimum': 1}},"
      + "'definitions': {'message': {'type': 'object', 'required': ['role', 'content'],"
      + " 'properties': {'role': {'type': 'string'}, 'content': {'type': 'string'}}}}}");

  @Test
  void violationsNameTheFieldAsAJsonPointerTheDeepestFirst() {
    InstanceValidator validator = InstanceValidator.of(CHAT);

    assertThat(validator.validate(json("{'messages': [{'role': 'user', 'content': 'hi'}]}"))).isEmpty();
    assertThat(validator.validate(json("{'messages': [{'role': 'user'}], 'max_tokens': 0}")))
        .extracting(Violation::pointer, Violation::keyword)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/messages/0/content", "required"),
            org.assertj.core.groups.Tuple.tuple("/max_tokens", "minimum"));
    assertThat(validator.validate(json("{}")).get(0).toString()).startsWith("/messages: ").contains("messages");
    assertThat(validator.validate(json("[]")).get(0).pointer()).isEqualTo("/");
  }

  @Test
  void aUnionSummaryComesAfterTheViolationsOfItsBranches() {
    InstanceValidator validator = InstanceValidator.of(json("{'type': 'object', 'properties': {'input': {'oneOf': ["
        + "{'type': 'string'}, {'type': 'object', 'required': ['text'], 'properties': {'text': {'type': 'string'}}}]}}}"));

    assertThat(validator.validate(json("{'input': {}}")).get(0))
        .extracting(Violation::pointer, Violation::keyword).containsExactly("/input/text", "required");
    assertThat(validator.validate(json("{'input': {}}"))).last().matches(Violation::isUnionSummary);
  }

  @Test
  void partsOfTheDocumentResolveTheirReferencesAgainstIt() {
    InstanceValidator validator = InstanceValidator.of(CHAT);
    JsonNode messages = CHAT.at("/properties/messages");
    JsonNode mergedCopy = json("{'type': 'array', 'maxItems': 1, 'items': {'$ref': '#/definitions/message'}}");

    assertThat(validator.accepts(messages, json("[{'role': 'user', 'content': 'hi'}]"))).isTrue();
    assertThat(validator.accepts(messages, json("[{'role': 'user'}]"))).isFalse();
    assertThat(validator.accepts(mergedCopy, json("[{'role': 'user', 'content': 'hi'}]"))).isTrue();
    assertThat(validator.accepts(mergedCopy, json("[{'role': 'user', 'content': 1}]"))).isFalse();
    assertThat(validator.accepts(mergedCopy, json("[{'role': 'a', 'content': 'b'}, {'role': 'a', 'content': 'b'}]"))).isFalse();
  }

  @Test
  void recursiveReferencesValidateToAnyDepth() {
    InstanceValidator validator = InstanceValidator.of(json("{'$ref': '#/definitions/node', 'definitions': {'node': {"
        + "'type': 'object', 'required': ['name'], 'properties': {'name': {'type': 'string'},"
        + " 'children': {'type': 'array', 'items': {'$ref': '#/definitions/node'}}}}}}"));

    assertThat(validator.accepts(json("{'name': 'a', 'children': [{'name': 'b', 'children': [{'name': 'c'}]}]}"))).isTrue();
    assertThat(validator.validate(json("{'name': 'a', 'children': [{'name': 'b', 'children': [{}]}]}")))
        .extracting(Violation::pointer).containsExactly("/children/0/children/0/name");
  }

  @Test
  void aMisplacedRequiredListIsNotTakenForAPropertyAsTheCatalogReadsIt() {
    JsonNode flux = json("{'type': 'object', 'properties': {'multipart': {'type': 'object'}, 'required': ['multipart']}}");
    InstanceValidator validator = InstanceValidator.of(flux);

    assertThat(validator.isUsable()).isTrue();
    assertThat(validator.accepts(json("{'multipart': {}}"))).isTrue();
    assertThat(validator.validate(json("{'multipart': 3}"))).extracting(Violation::pointer).containsExactly("/multipart");
    assertThat(flux.at("/properties/required").isArray()).as("the input is not changed").isTrue();
  }

  @Test
  void aReferenceThatCannotBeFollowedAcceptsEverything() {
    InstanceValidator validator = InstanceValidator.of(json("{'type': 'object', 'properties': {'a': {'$ref': '#/definitions/nope'}}}"));

    assertThat(validator.validate(json("{'a': 1}"))).isEmpty();
    assertThat(validator.validate(json("[]"))).extracting(Violation::keyword).containsExactly("type");
  }
}
