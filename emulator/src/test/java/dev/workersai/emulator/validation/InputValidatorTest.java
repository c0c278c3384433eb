package dev.workersai.emulator.validation;

import static dev.workersai.catalog.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class InputValidatorTest {
  @Test
  void theProblemNamesTheDeepestFieldAsAPointerAndCountsTheOthers() throws Exception {
    JsonNode schema = json("{'type': 'object', 'required': ['messages'], 'properties': {"
        + "'messages': {'type': 'array', 'items': {'type': 'object', 'required': ['role', 'content'],"
        + " 'properties': {'role': {'type': 'string'}, 'content': {'type': 'string'}}}},"
        + "'max_tokens': {'type': 'integer', 'minimum': 1}}}");
    InputValidator validator = new InputValidator();

    assertThat(validator.problem("@cf/x/chat", schema, json("{'messages': [{'role': 'user', 'content': 'hi'}]}"), ""))
        .isEmpty();
    assertThat(validator.problem("@cf/x/chat", schema, json("{'messages': [{'role': 'user'}]}"), "/requests/2"))
        .hasValueSatisfying(p -> assertThat(p).startsWith("/requests/2/messages/0/content: ").doesNotContain("more problem"));
    assertThat(validator.problem("@cf/x/chat", schema, json("{'messages': [{'role': 'user'}], 'max_tokens': 0}"), ""))
        .hasValueSatisfying(p -> assertThat(p).startsWith("/messages/0/content: ").endsWith(" (1 more problem)"));
  }

  @Test
  void aSchemaTheValidatorCannotCompileAcceptsAnything() throws Exception {
    JsonNode broken = json("{'type': 'object', 'properties': {'a': {'type': 'string', 'pattern': '(unclosed'}}}");

    assertThat(new InputValidator().problem("@cf/x/broken", broken, json("{'a': 'x'}"), "")).isEmpty();
  }
}
