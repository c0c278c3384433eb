package dev.workersai.catalog.schema;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance per distinct object or union shape, for the models read with one table: the catalog's
 * models repeat most of their deep shapes (messages, tools, usage), each model file read into its
 * own tree. Shapes are built bottom-up, so a new shape's children are already the kept instances and
 * comparing it with an equal one compares its own level only ({@code Objects.equals} stops at the
 * same child); afterwards equal shapes are one instance, and the maps keyed by shape in naming and
 * emitting find their key by identity instead of walking two equal trees. Models are read on every
 * core, so the table is concurrent; which of two equal shapes is kept does not matter (they are
 * equal values).
 */
public final class Shapes {
  private final Map<SchemaType, SchemaType> kept = new ConcurrentHashMap<>();

  /** The instance kept for shapes equal to {@code shape}: the first one offered. */
  @SuppressWarnings("unchecked") // equal records are of one class
  <T extends SchemaType> T of(T shape) {
    SchemaType known = kept.putIfAbsent(shape, shape);
    return known == null ? shape : (T) known;
  }
}
