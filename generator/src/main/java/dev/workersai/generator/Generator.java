package dev.workersai.generator;

/**
 * The generator's entry point: snapshot in, Java sources out. Reads and checks everything, builds
 * every source in memory, and only then touches the output folder, so a bad schema writes nothing.
 * Output is byte-identical for the same snapshot and request.
 */
public final class Generator {
  private Generator() {}

  /**
   * Runs a generation.
   *
   * @throws dev.workersai.generator.catalog.CatalogException for a bad snapshot, naming file and pointer
   * @throws IllegalArgumentException for a bad request (an include glob that matches no model, with
   *     the closest model ids; an invalid package name)
   * @throws java.io.UncheckedIOException when the output cannot be written
   */
  public static GenerationResult generate(GenerationRequest request) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
