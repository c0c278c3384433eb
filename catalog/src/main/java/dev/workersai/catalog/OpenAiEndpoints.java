package dev.workersai.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which OpenAI-compatible endpoints ({@code /ai/v1/...}) answer for a model, decided from the
 * catalog alone, once, for the generator and the emulator alike:
 *
 * <ul>
 *   <li>chat completions: a Text Generation model whose input has a form with {@code messages};
 *   <li>embeddings: a Text Embeddings model;
 *   <li>responses: a Text Generation model whose input has a form requiring {@code input} (the
 *       "Responses" form of the gpt-oss models).
 * </ul>
 *
 * Forms are found through {@code oneOf}/{@code anyOf}/{@code allOf} at the top of the input schema,
 * never inside properties.
 */
public final class OpenAiEndpoints {
  private static final int MAX_DEPTH = 6;

  /** One OpenAI-compatible endpoint. */
  public enum Endpoint {
    CHAT_COMPLETIONS("chat/completions"),
    EMBEDDINGS("embeddings"),
    RESPONSES("responses");

    private final String path;

    Endpoint(String path) {
      this.path = path;
    }

    /** The path below {@code /ai/v1/}. */
    public String path() {
      return path;
    }
  }

  private OpenAiEndpoints() {}

  /** The endpoints of {@code model}. */
  public static Set<Endpoint> of(CatalogModel model) {
    return of(model.task(), model.inputSchema());
  }

  /** The endpoints of a model with {@code task} and {@code inputSchema}. */
  public static Set<Endpoint> of(String task, Optional<JsonNode> inputSchema) {
    Set<Endpoint> endpoints = EnumSet.noneOf(Endpoint.class);
    if ("Text Embeddings".equals(task)) {
      endpoints.add(Endpoint.EMBEDDINGS);
    }
    if ("Text Generation".equals(task) && inputSchema.isPresent()) {
      if (hasForm(inputSchema.get(), "messages", false, 0)) {
        endpoints.add(Endpoint.CHAT_COMPLETIONS);
      }
      if (hasForm(inputSchema.get(), "input", true, 0)) {
        endpoints.add(Endpoint.RESPONSES);
      }
    }
    return endpoints;
  }

  private static boolean hasForm(JsonNode schema, String property, boolean required, int depth) {
    if (depth > MAX_DEPTH || !schema.isObject()) {
      return false;
    }
    boolean here = required
        ? contains(schema.path("required"), property)
        : schema.path("properties").has(property);
    if (here) {
      return true;
    }
    for (String combinator : new String[] {"oneOf", "anyOf", "allOf"}) {
      for (JsonNode branch : schema.path(combinator)) {
        if (hasForm(branch, property, required, depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode item : array) {
      if (value.equals(item.asText())) {
        return true;
      }
    }
    return false;
  }
}
