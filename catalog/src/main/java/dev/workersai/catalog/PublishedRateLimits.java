package dev.workersai.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Cloudflare's published rate limits, shipped with the generator: the table a snapshot without its
 * own {@value CatalogReader#RATE_LIMITS_FILE} uses (Cloudflare's own catalog folder has none, and a
 * first {@code refresh} writes none), so that no model silently loses its client-side limiter.
 */
public final class PublishedRateLimits {
  static final String RESOURCE = "published-rate-limits.json";

  private static final JsonNode DOCUMENT = load();
  private static final RateLimitTable TABLE = RateLimitsParser.parse(Path.of(RESOURCE), DOCUMENT);

  private PublishedRateLimits() {}

  /** The published table. */
  public static RateLimitTable table() {
    return TABLE;
  }

  /** Where the figures were published. */
  public static String source() {
    return DOCUMENT.path("source").asText();
  }

  /** The date the figures were taken from {@link #source()}, {@code YYYY-MM-DD}. */
  public static String asOf() {
    return DOCUMENT.path("asOf").asText();
  }

  /** One line naming the table, for reports. */
  public static String describe() {
    return "the published table bundled with the generator (" + source() + ", as of " + asOf() + ")";
  }

  private static JsonNode load() {
    try (InputStream in = PublishedRateLimits.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE + " beside " + PublishedRateLimits.class.getName());
      }
      return JsonFiles.readResource(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
