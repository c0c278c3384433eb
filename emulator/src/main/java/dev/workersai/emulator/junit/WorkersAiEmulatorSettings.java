package dev.workersai.emulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Configures the emulator that {@link WorkersAiEmulatorExtension} starts for an annotated test
 * class. Every attribute is optional.
 *
 * <pre>{@code
 * @ExtendWith(WorkersAiEmulatorExtension.class)
 * @WorkersAiEmulatorSettings(schemas = "src/test/resources/snapshot", enforceRateLimits = true)
 * class MyTest { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WorkersAiEmulatorSettings {
  /** The snapshot folder, relative to the working directory; empty for the bundled snapshot. */
  String schemas() default "";

  /** The bearer token; empty for a random one. */
  String token() default "";

  /** The account id; empty for the default. */
  String accountId() default "";

  /** Whether to enforce the snapshot's per-minute rate limits. */
  boolean enforceRateLimits() default false;

  /** How many polls a queued batch stays {@code "running"}. */
  int batchPendingPolls() default 1;
}
