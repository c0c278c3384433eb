package dev.workersai.maven;

import dev.workersai.generator.build.FailureKind;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * How a failed generation fails the build, whether it ran in Maven's JVM or a forked one: the user's
 * input at fault is a {@link MojoFailureException} (Maven's "BUILD FAILURE" with the message alone),
 * the file system or a bug a {@link MojoExecutionException}.
 */
final class GenerationFailures {
  private GenerationFailures() {}

  /** Throws the exception for {@code kind}, always. */
  static void raise(FailureKind kind, String message, Throwable cause) throws MojoFailureException, MojoExecutionException {
    if (kind == FailureKind.BAD_INPUT) {
      throw new MojoFailureException(message, cause);
    }
    throw new MojoExecutionException(message, cause);
  }
}
