package dev.workersai.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The catalog module is the one reading of a snapshot that the generator, the emulator and the
 * change report share, so it sits below all of them: it needs the runtime's model metadata and
 * Jackson, and nothing that generates code or serves requests.
 */
@AnalyzeClasses(packages = "dev.workersai.catalog", importOptions = ImportOption.DoNotIncludeTests.class)
class CatalogArchitectureTest {
  @ArchTest
  static final ArchRule dependsOnlyOnTheRuntimeAndJackson = classes()
      .should().onlyDependOnClassesThat().resideInAnyPackage(
          "dev.workersai.catalog..", "dev.workersai.runtime..", "com.fasterxml.jackson..", "com.networknt..", "java..");

  @ArchTest
  static final ArchRule knowsNothingOfItsUsers = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage(
          "dev.workersai.generator..", "dev.workersai.emulator..", "dev.workersai.maven..", "com.palantir.javapoet..");

  /** {@code (**)} makes each package its own slice, the top-level one included. */
  @ArchTest
  static final ArchRule hasNoPackageCycles = slices().matching("dev.workersai.(**)").should().beFreeOfCycles();
}
