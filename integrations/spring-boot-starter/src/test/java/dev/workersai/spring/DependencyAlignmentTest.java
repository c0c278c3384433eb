package dev.workersai.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Spring Boot's dependency management must not lower what the runtime is built against: the
 * starter imports Boot's BOM after ours, and pins the Kotlin standard library OkHttp 5 needs.
 */
class DependencyAlignmentTest {
  @Test
  void okHttpKeepsTheKotlinStandardLibraryItIsBuiltAgainst() {
    assertThat(kotlin.KotlinVersion.CURRENT.getMajor()).as("kotlin-stdlib %s", kotlin.KotlinVersion.CURRENT).isGreaterThanOrEqualTo(2);
  }

  @Test
  void theRuntimeKeepsItsJackson() {
    assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.getMinorVersion()).isGreaterThanOrEqualTo(23);
  }
}
