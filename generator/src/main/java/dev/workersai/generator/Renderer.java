package dev.workersai.generator;

import com.palantir.javapoet.JavaFile;
import dev.workersai.catalog.schema.ModelSpec;
import dev.workersai.generator.write.Digests;
import dev.workersai.runtime.model.RateLimit;

/**
 * The identity of the code that turns the IR into text: the generator, the catalog's IR, the runtime
 * whose names generated code uses, and JavaPoet. Part of every render key, so that a file rendered
 * by other code is never taken for current.
 */
final class Renderer {
  private static volatile String identity;

  private Renderer() {}

  static String identity() {
    String known = identity;
    if (known == null) {
      known = String.join(" ", Digests.codeOf(Generator.class), Digests.codeOf(ModelSpec.class),
          Digests.codeOf(RateLimit.class), Digests.codeOf(JavaFile.class));
      identity = known;
    }
    return known;
  }
}
