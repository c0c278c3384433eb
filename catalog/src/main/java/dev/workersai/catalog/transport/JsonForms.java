package dev.workersai.catalog.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The JSON part of a schema: the schema with its top-level forms that are not JSON on the wire left
 * out (the raw, multipart and batch forms of an input; the binary, stream and acknowledgement forms of
 * an output), which is what a JSON run body is checked against and a JSON answer is made from. The
 * schemas given are never changed.
 */
public final class JsonForms {
  private JsonForms() {}

  /** The JSON part of {@code input}, empty when a run sends no JSON. */
  public static Optional<JsonNode> ofInput(JsonNode input) {
    List<JsonNode> forms = Schemas.forms(input);
    return keep(input, form -> InputForm.of(form, forms.size() == 1) == InputForm.JSON);
  }

  /** The JSON part of {@code output} (of a model taking {@code input}), empty when a run is never answered JSON. */
  public static Optional<JsonNode> ofOutput(JsonNode input, JsonNode output) {
    List<JsonNode> forms = Schemas.forms(output);
    boolean inputDeclaresStream = Schemas.declaresStream(input);
    return keep(output, form -> OutputForm.of(form, forms.size() == 1, inputDeclaresStream) == OutputForm.JSON);
  }

  private static Optional<JsonNode> keep(JsonNode root, Predicate<JsonNode> json) {
    Optional<String> keyword = Schemas.unionKeyword(root);
    List<JsonNode> forms = Schemas.forms(root);
    if (keyword.isEmpty() || forms.size() == 1 && forms.get(0) == root || !(root instanceof ObjectNode object)) {
      return json.test(root) ? Optional.of(root) : Optional.empty(); // the schema is its own one form
    }
    ArrayNode kept = object.arrayNode();
    boolean jsonForm = false;
    for (JsonNode branch : root.get(keyword.get())) {
      if (Schemas.isNull(branch)) {
        kept.add(branch); // null stays allowed where it was
      } else if (json.test(branch)) {
        kept.add(branch);
        jsonForm = true;
      }
    }
    if (!jsonForm) {
      return Optional.empty();
    }
    ObjectNode copy = object.deepCopy();
    copy.set(keyword.get(), kept);
    return Optional.of(copy);
  }
}
