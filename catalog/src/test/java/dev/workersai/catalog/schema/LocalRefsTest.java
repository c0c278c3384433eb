package dev.workersai.catalog.schema;

import static dev.workersai.catalog.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalRefsTest {
  private static final JsonNode DOC = json("{'definitions': {"
      + "'a': {'$ref': '#/definitions/b'}, 'b': {'type': 'string'},"
      + "'loop1': {'$ref': '#/definitions/loop2'}, 'loop2': {'$ref': '#/definitions/loop1'},"
      + "'node': {'type': 'object', 'properties': {'child': {'$ref': '#/definitions/node'}}}}}");

  @Test
  void aChainOfReferencesIsFollowedToTheSchemaItNames() {
    LocalRefs refs = new LocalRefs(DOC);

    assertThat(refs.follow(json("{'$ref': '#/definitions/a'}"))).isSameAs(DOC.at("/definitions/b"));
    assertThat(refs.problem(json("{'$ref': '#/definitions/a'}"))).isNull();
    JsonNode plain = json("{'type': 'integer'}");
    assertThat(refs.follow(plain)).isSameAs(plain);
  }

  @Test
  void aCycleOfReferencesStopsAndIsNamed() {
    LocalRefs refs = new LocalRefs(DOC);
    JsonNode loop = json("{'$ref': '#/definitions/loop1'}");

    assertThat(LocalRefs.isRef(refs.follow(loop))).isTrue();
    assertThat(refs.problem(loop)).hasToString("cyclic $ref #/definitions/loop1");
  }

  @Test
  void aReferenceToAMissingDefinitionIsNamedWithItsPointer() {
    LocalRefs refs = new LocalRefs(DOC);
    JsonNode missing = json("{'$ref': '#/definitions/nope'}");

    assertThat(refs.follow(missing)).isSameAs(missing);
    assertThat(refs.problem(missing)).hasToString("unresolved $ref #/definitions/nope");
    assertThat(refs.read(missing, target -> "read", Object::toString)).isEqualTo("unresolved $ref #/definitions/nope");
    assertThat(refs.problem(json("{'$ref': '#anchor'}"))).hasToString("unresolved $ref #anchor");
    assertThat(refs.problem(json("{'$ref': 'https://example.com/s.json'}")))
        .hasToString("external $ref https://example.com/s.json");
  }

  @Test
  void aRecursiveReferenceIsReadOnceOnEachPath() {
    LocalRefs refs = new LocalRefs(DOC);
    List<String> seen = new ArrayList<>();

    String result = readNode(refs, json("{'$ref': '#/definitions/node'}"), seen);

    assertThat(result).isEqualTo("node(child=recursive $ref #/definitions/node)");
    // the same reference elsewhere, once the first reading is over, is read again
    assertThat(readNode(refs, json("{'$ref': '#/definitions/node'}"), seen)).isEqualTo(result);
  }

  private static String readNode(LocalRefs refs, JsonNode ref, List<String> seen) {
    return refs.read(ref,
        target -> "node(child=" + readNode(refs, target.at("/properties/child"), seen) + ")",
        Object::toString);
  }
}
