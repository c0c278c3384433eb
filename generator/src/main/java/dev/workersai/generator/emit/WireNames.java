package dev.workersai.generator.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What generated code says about a property's wire name, built once per generation: a snapshot's
 * records use a few hundred wire names some two thousand times. Specs are immutable, so the files
 * rendered in parallel share them.
 */
final class WireNames {
  private final Map<String, AnnotationSpec> wireNames = new ConcurrentHashMap<>();
  private final Map<String, CodeBlock> paths = new ConcurrentHashMap<>();

  /** {@code @JsonProperty("wire name")}. */
  AnnotationSpec jsonProperty(String wireName) {
    AnnotationSpec spec = wireNames.get(wireName);
    return spec != null ? spec : wireNames.computeIfAbsent(wireName, Refs::jsonProperty);
  }

  /** {@code Checks.path(path, "wire name")}: where a property's value is, in a {@code validate(String path)}. */
  CodeBlock path(String wireName) {
    CodeBlock path = paths.get(wireName);
    return path != null ? path
        : paths.computeIfAbsent(wireName, name -> CodeBlock.of("$T.path(path, $L)", Refs.CHECKS, Docs.literal(name)));
  }
}
