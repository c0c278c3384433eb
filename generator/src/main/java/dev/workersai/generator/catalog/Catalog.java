package dev.workersai.generator.catalog;

import java.util.List;

/**
 * A whole snapshot: its models sorted by id, and its rate-limit table.
 *
 * @param models every model, sorted by {@link CatalogModel#id()}
 * @param rateLimits the table, {@link RateLimitTable#empty()} when the snapshot has none
 */
public record Catalog(List<CatalogModel> models, RateLimitTable rateLimits) {
  public Catalog {
    models = List.copyOf(models);
  }
}
