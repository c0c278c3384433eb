package dev.workersai.generator.diff;

import dev.workersai.catalog.ModelProperties;
import dev.workersai.catalog.Price;
import dev.workersai.catalog.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/** Catalog values for tests that build models in code. */
final class TestModels {
  static final SourceLocation SOURCE = new SourceLocation(Path.of("m.json"), "");
  static final ModelProperties NO_PROPERTIES = properties(OptionalInt.empty(), List.of(), false, false, false, false);

  private TestModels() {}

  static ModelProperties properties(
      OptionalInt contextWindow, List<Price> prices, boolean beta, boolean functionCalling, boolean reasoning, boolean asyncQueue) {
    return new ModelProperties(contextWindow, OptionalInt.empty(), OptionalInt.empty(), prices, beta, false, functionCalling,
        reasoning, false, asyncQueue, false, false, false, Optional.empty(), Optional.empty(), Optional.empty(), new TreeMap<>());
  }
}
