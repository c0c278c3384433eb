package dev.workersai.emulator.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.emulator.catalog.EmulatedCatalog;
import dev.workersai.emulator.catalog.EmulatedModel;
import dev.workersai.emulator.fault.Fault;
import dev.workersai.emulator.fault.Faults;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code GET .../ai/models/search} and {@code GET .../ai/models/schema}, as in WIRE.md §8. */
final class CatalogEndpoints {
  /** The real endpoint's default page size. */
  static final int DEFAULT_PER_PAGE = 100;

  private final EmulatedCatalog catalog;
  private final Faults faults;

  CatalogEndpoints(EmulatedCatalog catalog, Faults faults) {
    this.catalog = catalog;
    this.faults = faults;
  }

  /**
   * One page of models matching {@code task} (task name, case-insensitive), {@code author} and
   * {@code search} (substring of the name or description), with a {@code result_info}.
   */
  Reply search(Map<String, String> query) {
    int page = positive(query, "page", 1);
    int perPage = positive(query, "per_page", DEFAULT_PER_PAGE);
    String task = query.getOrDefault("task", "");
    String author = query.getOrDefault("author", "");
    String search = query.getOrDefault("search", "").toLowerCase(Locale.ROOT);
    List<EmulatedModel> matches = catalog.models().stream()
        .filter(m -> task.isEmpty() || m.task().equalsIgnoreCase(task))
        .filter(m -> author.isEmpty() || m.author().equalsIgnoreCase(author))
        .filter(m -> search.isEmpty() || m.id().toLowerCase(Locale.ROOT).contains(search)
            || m.description().map(d -> d.toLowerCase(Locale.ROOT).contains(search)).orElse(false))
        .toList();
    int from = (int) Math.min((long) (page - 1) * perPage, matches.size());
    int to = Math.min(from + perPage, matches.size());
    ArrayNode items = Envelopes.MAPPER.createArrayNode();
    matches.subList(from, to).forEach(model -> items.add(item(model)));
    ObjectNode envelope = Envelopes.successEnvelope(items);
    envelope.putObject("result_info")
        .put("page", page)
        .put("per_page", perPage)
        .put("count", to - from)
        .put("total_count", matches.size());
    return new Reply.Whole(200, Envelopes.JSON, Envelopes.bytes(envelope), Map.of());
  }

  /** {@code {"result":{"input":..,"output":..}}} for the model named by the {@code model} parameter. */
  Reply schema(Map<String, String> query) {
    String modelId = query.getOrDefault("model", "");
    if (modelId.isEmpty()) {
      throw new ApiError(400, ErrorCodes.NO_SUCH_MODEL, "missing query parameter 'model'", Map.of(), true);
    }
    EmulatedModel model = catalog.find(modelId).orElseThrow(() -> new ApiError(
        400, ErrorCodes.NO_SUCH_MODEL, "No such model " + modelId, Map.of(), true));
    for (Fault fault : faults.take(modelId, Faults.Endpoint.SCHEMA)) {
      if (fault instanceof Fault.SchemaEndpointError error) {
        throw new ApiError(error.status(), error.code(),
            "Schema for " + modelId + " is unavailable (emulated fault)", Map.of(), true);
      }
    }
    if (!model.hasSchema()) {
      throw new ApiError(400, ErrorCodes.SCHEMA_NOT_FOUND, "Schema not found for " + modelId, Map.of(), true);
    }
    ObjectNode result = Envelopes.MAPPER.createObjectNode();
    result.set("input", model.inputSchema().get());
    result.set("output", model.outputSchema().get());
    return Envelopes.success(result, Map.of());
  }

  private static ObjectNode item(EmulatedModel model) {
    ObjectNode item = Envelopes.MAPPER.createObjectNode();
    item.put("id", model.uuid());
    item.put("source", 1);
    item.put("name", model.id());
    model.description().ifPresentOrElse(d -> item.put("description", d), () -> item.putNull("description"));
    if (model.task().isEmpty()) {
      item.putNull("task");
    } else {
      item.putObject("task").put("id", model.taskUuid()).put("name", model.task());
    }
    model.createdAt().ifPresent(c -> item.put("created_at", c));
    item.putArray("tags");
    item.set("properties", model.properties());
    return item;
  }

  private static int positive(Map<String, String> query, String name, int fallback) {
    String value = query.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.trim());
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ApiError(400, ErrorCodes.BAD_INPUT, "query parameter '" + name + "' must be a whole number >= 1, got '" + value + "'");
  }
}
