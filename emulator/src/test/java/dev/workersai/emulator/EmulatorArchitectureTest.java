package dev.workersai.emulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The emulator serves a snapshot as the catalog module reads it; it never generates code, so the
 * generator and JavaPoet stay off its classpath and out of its classes.
 */
@AnalyzeClasses(packages = "dev.workersai.emulator", importOptions = ImportOption.DoNotIncludeTests.class)
class EmulatorArchitectureTest {
  @ArchTest
  static final ArchRule neverReachesTheGenerator = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage(
          "dev.workersai.generator..", "com.palantir.javapoet..", "dev.workersai.maven..");

  /** {@code (**)} makes each package its own slice, the top-level one included. */
  @ArchTest
  static final ArchRule hasNoPackageCycles = slices().matching("dev.workersai.(**)").should().beFreeOfCycles();
}
