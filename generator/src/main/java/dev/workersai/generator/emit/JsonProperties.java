package dev.workersai.generator.emit;

import com.palantir.javapoet.AnnotationSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code @JsonProperty("wire name")} of each wire name, built once per generation: a snapshot's
 * record components use a few hundred wire names some two thousand times. Specs are immutable, so
 * the files rendered in parallel share them.
 */
final class JsonProperties {
  private final Map<String, AnnotationSpec> specs = new ConcurrentHashMap<>();

  /** {@code @JsonProperty("wire name")}. */
  AnnotationSpec of(String wireName) {
    AnnotationSpec spec = specs.get(wireName);
    return spec != null ? spec : specs.computeIfAbsent(wireName, Refs::jsonProperty);
  }
}
