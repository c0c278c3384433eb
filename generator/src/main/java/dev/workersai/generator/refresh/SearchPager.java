package dev.workersai.generator.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads every page of {@code /ai/models/search}. The API's paging is not to be trusted (it has been
 * seen to ignore {@code per_page} and return the whole catalog on every page), so reading stops at the
 * first page that is empty, shorter than {@code per_page}, or brings no model not seen before; models
 * are de-duplicated by {@code name}; and more than {@link RefreshTuning#maxPages()} pages is an error
 * rather than an endless loop.
 */
final class SearchPager {
  private final CatalogApi api;
  private final RefreshTuning tuning;
  private final Consumer<String> log;

  SearchPager(CatalogApi api, RefreshTuning tuning, Consumer<String> log) {
    this.api = api;
    this.tuning = tuning;
    this.log = log;
  }

  /** Every model item, first occurrence of each name, in the API's order. */
  List<ObjectNode> readAll() {
    Map<String, ObjectNode> byName = new LinkedHashMap<>();
    for (int page = 1; ; page++) {
      if (page > tuning.maxPages()) {
        throw new RefreshException("catalog search did not end after " + tuning.maxPages()
            + " pages of " + tuning.perPage() + " (" + byName.size() + " models so far); the API's paging looks broken");
      }
      JsonNode items = api.searchPage(page);
      int added = 0;
      for (int i = 0; i < items.size(); i++) {
        ObjectNode item = checked(items.get(i), page, i);
        if (byName.putIfAbsent(item.get("name").asText(), item) == null) {
          added++;
        }
      }
      log.accept("catalog search page " + page + ": " + items.size() + " models, " + added + " new");
      if (items.size() < tuning.perPage() || added == 0) {
        return new ArrayList<>(byName.values());
      }
    }
  }

  private static ObjectNode checked(JsonNode item, int page, int index) {
    String where = "catalog search page " + page + ", /result/" + index;
    if (!(item instanceof ObjectNode object)) {
      throw new RefreshException(where + ": expected a model object");
    }
    JsonNode name = object.get("name");
    if (name == null || !name.isTextual() || name.asText().isBlank()) {
      throw new RefreshException(where + ": the model has no \"name\"");
    }
    return object;
  }
}
