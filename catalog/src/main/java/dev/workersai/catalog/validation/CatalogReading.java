package dev.workersai.catalog.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.SpecificationVersion;
import dev.workersai.catalog.schema.LocalRefs;
import dev.workersai.catalog.SchemaWalker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A schema made fit for the validator, as the catalog reads it; the input is never changed. */
final class CatalogReading {
  /** Keywords only draft 2019-09 and later know: a schema that uses them is read by those rules. */
  private static final Set<String> LATER_DRAFTS = Set.of("prefixItems", "$defs", "dependentRequired",
      "dependentSchemas", "unevaluatedProperties", "unevaluatedItems", "$anchor", "$dynamicRef");

  private CatalogReading() {}

  /**
   * A copy of {@code schema}, a part of {@code document} (or the document itself), without the
   * members of {@code properties} that are not schemas, with each local {@code $ref} that does not
   * resolve in {@code document} made a schema that accepts everything and, when
   * {@code documentIri} is given, the others pointed at that document, so that a part compiles on
   * its own.
   */
  static JsonNode prepare(JsonNode schema, JsonNode document, String documentIri) {
    JsonNode copy = schema.deepCopy();
    rewrite(copy, document, documentIri);
    return copy;
  }

  /** The rules a document without {@code $schema} is read by: draft 7, the catalog's, unless it uses later keywords. */
  static SpecificationVersion dialect(JsonNode document) {
    boolean[] later = {false};
    SchemaWalker.walk(document, schema -> later[0] |= schema.properties().stream()
        .anyMatch(member -> LATER_DRAFTS.contains(member.getKey())));
    return later[0] ? SpecificationVersion.DRAFT_2020_12 : SpecificationVersion.DRAFT_7;
  }

  private static void rewrite(JsonNode root, JsonNode document, String documentIri) {
    LocalRefs refs = new LocalRefs(document);
    SchemaWalker.walk(root, object -> {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isTextual() && ref.textValue().startsWith("#")) {
        if (refs.problem(object) != null) {
          object.removeAll();
          return;
        }
        if (documentIri != null) {
          object.set("$ref", TextNode.valueOf(documentIri + ref.textValue()));
        }
      }
      if (object.get("properties") instanceof ObjectNode properties) {
        List<String> notSchemas = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : properties.properties()) {
          if (!member.getValue().isObject() && !member.getValue().isBoolean()) {
            notSchemas.add(member.getKey());
          }
        }
        properties.remove(notSchemas);
      }
    });
  }
}
