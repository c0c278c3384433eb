package dev.workersai.generator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.catalog.sample.SchemaSampler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One sample instance of a schema per branch of each of its unions: the schema is copied with that
 * union (and every union on the way to it) narrowed to the one branch, and the copy is sampled with
 * its optional members filled in, so the branch is reached however deep it sits.
 */
final class BranchSamples {
  private BranchSamples() {}

  /**
   * A sample that takes one branch.
   *
   * @param pointer the union's place in the schema, such as {@code /properties/messages/items}
   * @param branch the branch's index in the union's {@code oneOf}/{@code anyOf}
   * @param instance the sample
   */
  record Sample(String pointer, int branch, JsonNode instance) {}

  /** A sample for every branch of every union of {@code schema} (unions of fewer than two non-null branches left out). */
  static List<Sample> of(JsonNode schema) {
    List<String[]> unions = new ArrayList<>();
    collect(schema, "", unions);
    List<Sample> out = new ArrayList<>();
    for (String[] union : unions) {
      String pointer = union[0];
      String keyword = union[1];
      JsonNode branches = schema.at(pointer).get(keyword);
      for (int i = 0; i < branches.size(); i++) {
        if (!isNull(branches.get(i))) {
          JsonNode narrowed = narrow(schema, pointer + "/" + keyword + "/" + i);
          out.add(new Sample(pointer, i, SchemaSampler.full().withOptionalDepth(12).sample(narrowed)));
        }
      }
    }
    return out;
  }

  /** Every union below {@code node}, as {pointer, keyword}. */
  private static void collect(JsonNode node, String pointer, List<String[]> out) {
    if (!node.isObject()) {
      return;
    }
    for (String keyword : List.of("oneOf", "anyOf")) {
      JsonNode branches = node.get(keyword);
      if (branches != null && branches.isArray()) {
        long real = 0;
        for (JsonNode b : branches) {
          real += isNull(b) ? 0 : 1;
        }
        if (real >= 2) {
          out.add(new String[] {pointer, keyword});
        }
        for (int i = 0; i < branches.size(); i++) {
          collect(branches.get(i), pointer + "/" + keyword + "/" + i, out);
        }
      }
    }
    JsonNode properties = node.get("properties");
    if (properties != null && properties.isObject()) {
      for (Map.Entry<String, JsonNode> p : properties.properties()) {
        collect(p.getValue(), pointer + "/properties/" + escape(p.getKey()), out);
      }
    }
    for (String single : List.of("items", "additionalProperties")) {
      if (node.has(single)) {
        collect(node.get(single), pointer + "/" + single, out);
      }
    }
  }

  /** A copy of {@code schema} whose unions on the way to {@code branchPointer} keep only that branch. */
  private static JsonNode narrow(JsonNode schema, String branchPointer) {
    List<String[]> cuts = new ArrayList<>();
    String[] tokens = branchPointer.substring(1).split("/");
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < tokens.length; i++) {
      if ((tokens[i].equals("oneOf") || tokens[i].equals("anyOf")) && i + 1 < tokens.length) {
        cuts.add(new String[] {prefix.toString(), tokens[i], tokens[i + 1]});
      }
      prefix.append('/').append(tokens[i]);
    }
    JsonNode copy = schema.deepCopy();
    // Deepest first: narrowing an outer union renumbers the branches on the way to an inner one.
    cuts.sort(Comparator.comparingInt((String[] c) -> c[0].length()).reversed());
    for (String[] cut : cuts) {
      ObjectNode union = (ObjectNode) copy.at(cut[0]);
      JsonNode kept = union.get(cut[1]).get(Integer.parseInt(cut[2]));
      ArrayNode only = union.putArray(cut[1]);
      only.add(kept);
    }
    return copy;
  }

  private static boolean isNull(JsonNode branch) {
    return branch.path("type").asText().equals("null");
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
