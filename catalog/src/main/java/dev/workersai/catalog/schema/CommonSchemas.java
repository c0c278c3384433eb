package dev.workersai.catalog.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workersai.catalog.JsonFiles;
import dev.workersai.catalog.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The common input and output of a task, for catalog entries that publish no schema: the shape every
 * model of the task accepts (as Cloudflare's own typings do for such models), written by this
 * project from the task's documented request and answer, facts only. Bundled with the generator.
 */
final class CommonSchemas {
  private static final Map<String, String> FILES = Map.of(
      "text generation", "text-generation.json",
      "text embeddings", "text-embeddings.json");

  private CommonSchemas() {}

  /**
   * A task's common schema document ({@code {"input": ..., "output": ...}}) and where it comes from.
   *
   * @param document the document
   * @param at its location, for notes and errors
   */
  record Common(JsonNode document, SourceLocation at) {}

  /** The common schema of {@code task} (compared ignoring case), if the generator has one. */
  static Optional<Common> of(String task) {
    String file = FILES.get(task.toLowerCase(Locale.ROOT));
    if (file == null) {
      return Optional.empty();
    }
    try (InputStream in = CommonSchemas.class.getResourceAsStream("common/" + file)) {
      if (in == null) {
        throw new IllegalStateException("the generator jar lacks its common schema " + file);
      }
      return Optional.of(new Common(JsonFiles.readResource(in), new SourceLocation(Path.of("common-schemas", file), "")));
    } catch (IOException e) {
      throw new UncheckedIOException("reading the common schema " + file, e);
    }
  }
}
