package dev.workersai.catalog;

import java.util.List;

/**
 * A whole snapshot: its models sorted by id, its rate-limit table, and what a user should be warned
 * of while reading it.
 *
 * @param models every model, sorted by {@link CatalogModel#id()}
 * @param rateLimits the table in effect: the snapshot's own, else {@link PublishedRateLimits#table()}
 * @param rateLimitsOrigin where {@code rateLimits} came from, for the generation report
 * @param warnings one line per thing the reader worked around (a model id held by two files), in
 *     file order
 */
public record Catalog(List<CatalogModel> models, RateLimitTable rateLimits, String rateLimitsOrigin, List<String> warnings) {
  public Catalog {
    models = List.copyOf(models);
    warnings = List.copyOf(warnings);
  }

  /** A catalog built in memory, with a table given by the caller and nothing to warn of. */
  public Catalog(List<CatalogModel> models, RateLimitTable rateLimits) {
    this(models, rateLimits, "the table given", List.of());
  }
}
