package dev.workersai.emulator.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.workersai.catalog.Catalog;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.CatalogReader;
import dev.workersai.catalog.RateLimitTable;
import dev.workersai.catalog.schema.ModelSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Loads a snapshot folder through the catalog's {@link CatalogReader}, the single reader of the
 * catalog format, with each model's schemas and transport as the generated client reads them
 * ({@link ModelSchemas}), and re-reads each file only for the listing fields the reader does not keep
 * (UUIDs, description, {@code created_at}).
 */
public final class SnapshotLoader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SnapshotLoader() {}

  /**
   * Reads {@code directory}. The rate-limit table is {@code rateLimitsFile} when given, else the
   * folder's own {@code rate-limits.json}; {@code rateLimitOverrides} (model id → requests per
   * minute) win over both.
   */
  public static EmulatedCatalog load(
      Path directory, Optional<Path> rateLimitsFile, Map<String, Integer> rateLimitOverrides) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("snapshot folder does not exist: " + directory.toAbsolutePath());
    }
    Catalog catalog = CatalogReader.read(directory);
    RateLimitTable limits = rateLimitsFile.map(CatalogReader::readRateLimits).orElse(catalog.rateLimits());
    List<EmulatedModel> models = new ArrayList<>();
    for (CatalogModel model : catalog.models()) {
      JsonNode raw = readRaw(model.source().file());
      int rpm = rateLimitOverrides.getOrDefault(
          model.id(), limits.resolve(model.id(), model.task()).requestsPerMinute());
      models.add(new EmulatedModel(
          model.id(),
          text(raw.path("id")).orElseGet(() -> nameUuid("model:" + model.id())),
          model.task(),
          text(raw.path("task").path("id")).orElseGet(() -> nameUuid("task:" + model.task())),
          text(raw.path("description")),
          text(raw.path("created_at")),
          propertiesArray(model.properties().all()),
          model.properties().outputDimensions(),
          rpm,
          model.inputSchema(),
          model.outputSchema(),
          ModelSchemas.of(model)));
    }
    return new EmulatedCatalog(models);
  }

  private static ArrayNode propertiesArray(Map<String, JsonNode> all) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    all.forEach((id, value) -> array.addObject().put("property_id", id).set("value", value));
    return array;
  }

  private static JsonNode readRaw(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot re-read catalog file " + file, e);
    }
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
  }

  // Facts-only snapshots may drop the UUIDs; a name-based UUID keeps the listing stable run to run.
  private static String nameUuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
