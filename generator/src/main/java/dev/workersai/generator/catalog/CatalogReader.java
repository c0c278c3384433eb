package dev.workersai.generator.catalog;

import java.nio.file.Path;

/**
 * Reads a snapshot folder: every {@code *.json} file in it (not recursively) is one model, except
 * {@value #RATE_LIMITS_FILE}, the rate-limit table. Throws {@link CatalogException} naming the file
 * and pointer for anything it cannot read; two files with the same model id are an error too.
 */
public final class CatalogReader {
  /** The file name of the rate-limit table inside a snapshot folder. */
  public static final String RATE_LIMITS_FILE = "rate-limits.json";

  private CatalogReader() {}

  /** Reads the whole folder. */
  public static Catalog read(Path directory) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Reads one model file. */
  public static CatalogModel readModel(Path file) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Reads a rate-limit table file. */
  public static RateLimitTable readRateLimits(Path file) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
