package dev.workersai.generator;

import com.palantir.javapoet.JavaFile;
import dev.workersai.catalog.schema.ModelSpec;
import dev.workersai.generator.write.Digests;
import dev.workersai.generator.write.FileHashes;
import dev.workersai.runtime.model.RateLimit;

/**
 * The identity of the code that turns the IR into text: the generator, the catalog's IR, the runtime
 * whose names generated code uses, and JavaPoet. Part of every render key, so that a file rendered
 * by other code is never taken for current.
 */
final class Renderer {
  private static volatile String identity;

  private Renderer() {}

  /**
   * Jars are known by their directories ({@link Digests#jar}); the files of a build output folder
   * are hashed through {@code hashes}, and not read when their stamps hold.
   */
  static String identity(FileHashes hashes) {
    String known = identity;
    if (known == null) {
      known = String.join(" ", Digests.codeOf(Generator.class, hashes::sha256), Digests.codeOf(ModelSpec.class, hashes::sha256),
          Digests.codeOf(RateLimit.class, hashes::sha256), Digests.codeOf(JavaFile.class, hashes::sha256));
      identity = known;
    }
    return known;
  }
}
