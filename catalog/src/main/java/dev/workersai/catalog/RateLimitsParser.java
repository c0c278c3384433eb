package dev.workersai.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads a rate-limit table file (format in {@code docs/catalog-format.md}):
 *
 * <pre>{@code
 * {
 *   "unit": "requests per minute",
 *   "source": "https://developers.cloudflare.com/workers-ai/platform/limits/",
 *   "asOf": "2026-11-28",
 *   "taskDefaults": { "Text Generation": 300 },
 *   "modelOverrides": { "@cf/microsoft/phi-2": 720 }
 * }
 * }</pre>
 *
 * Unknown members are an error, so that a misspelt {@code "modelOverride"} cannot silently drop
 * every override.
 */
final class RateLimitsParser {
  static final String UNIT = "requests per minute";
  private static final Set<String> MEMBERS = Set.of("unit", "source", "asOf", "taskDefaults", "modelOverrides");

  private RateLimitsParser() {}

  static RateLimitTable parse(Path file, JsonNode root) {
    SourceLocation here = new SourceLocation(file, "");
    if (!root.isObject()) {
      throw ModelFileParser.wrongType(here, "an object", root);
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!MEMBERS.contains(name)) {
        throw new CatalogException(
            "bad-rate-limits", here.child(name), "unknown member; expected unit, source, asOf, taskDefaults, modelOverrides");
      }
    }
    JsonNode unit = root.get("unit");
    if (unit != null && !(unit.isTextual() && unit.textValue().equals(UNIT))) {
      throw new CatalogException("bad-rate-limits", here.child("unit"), "the only unit supported is \"" + UNIT + "\"");
    }
    JsonNode source = root.get("source");
    if (source != null && !source.isTextual()) {
      throw ModelFileParser.wrongType(here.child("source"), "a string", source);
    }
    JsonNode asOf = root.get("asOf");
    if (asOf != null && !(asOf.isTextual() && asOf.textValue().matches("\\d{4}-\\d{2}-\\d{2}"))) {
      throw new CatalogException("bad-rate-limits", here.child("asOf"), "expected a date YYYY-MM-DD, found " + asOf);
    }
    return new RateLimitTable(
        figures(root.get("taskDefaults"), here.child("taskDefaults")),
        figures(root.get("modelOverrides"), here.child("modelOverrides")));
  }

  private static SortedMap<String, Integer> figures(JsonNode map, SourceLocation at) {
    SortedMap<String, Integer> figures = new TreeMap<>();
    if (map == null) {
      return figures;
    }
    if (!map.isObject()) {
      throw ModelFileParser.wrongType(at, "an object of name → requests per minute", map);
    }
    for (Map.Entry<String, JsonNode> entry : map.properties()) {
      JsonNode value = entry.getValue();
      if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() <= 0) {
        throw new CatalogException(
            "bad-rate-limits", at.child(entry.getKey()), "requests per minute must be a positive integer, found " + value);
      }
      figures.put(entry.getKey(), value.intValue());
    }
    return figures;
  }
}
