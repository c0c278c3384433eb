package dev.workersai.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The runtime's layers. Users put the runtime on their classpath next to generated code, so it
 * must bring nothing of the generator's side and only the libraries its pom declares; inside it,
 * the implementation sits below the public feature packages, never the other way round.
 */
@AnalyzeClasses(packages = "dev.workersai.runtime", importOptions = ImportOption.DoNotIncludeTests.class)
class RuntimeArchitectureTest {

  /** The JDK, OkHttp (with Okio and the Kotlin standard library it is written in) and Jackson: the pom's dependencies. */
  @ArchTest
  static final ArchRule dependsOnlyOnTheJdkOkHttpAndJackson = classes()
      .should().onlyDependOnClassesThat().resideInAnyPackage(
          "dev.workersai.runtime..", "java..", "okhttp3..", "okio..", "kotlin..", "com.fasterxml.jackson..")
      .because("the runtime is what users ship: nothing of dev.workersai outside it (catalog, generator, "
          + "emulator), and no library its pom does not declare");

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.workersai.runtime.(*)..")
      .should().beFreeOfCycles();

  @ArchTest
  static final ArchRule internalPackagesAreFreeOfCycles = slices().matching("dev.workersai.runtime.internal.(*)..")
      .should().beFreeOfCycles();

  @ArchTest
  static final ArchRule internalKnowsNoFeaturePackage = noClasses()
      .that().resideInAPackage("dev.workersai.runtime.internal..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.workersai.runtime.openai..",
          "dev.workersai.runtime.task..")
      .because("the implementation serves the features (OpenAI-compatible calls, task interfaces); what a "
          + "feature needs from below is passed in, as OpenAiCalls passes its chunk conversion to V1Transport");

  @ArchTest
  static final ArchRule internalsOwnClassesUseNoneOfItsSubpackages = noClasses()
      .that().resideInAPackage("dev.workersai.runtime.internal")
      .should().dependOnClassesThat().resideInAnyPackage("dev.workersai.runtime.internal.(*)..")
      .because("the context, errors and clock in internal are what http, sse, openai and ratelimit build on");

  @ArchTest
  static final ArchRule whatGeneratedCodeAndAdaptersCompileAgainstUsesNoInternals = noClasses()
      .that().resideInAnyPackage("dev.workersai.runtime.json..", "dev.workersai.runtime.model..",
          "dev.workersai.runtime.observe..")
      .should().dependOnClassesThat().resideInAPackage("dev.workersai.runtime.internal..")
      .because("generated classes (json, model) and telemetry adapters (observe) compile against these "
          + "packages; an internal type in them would leak into their signatures or behaviour");

  @ArchTest
  static final ArchRule modelDescriptorsAreALeaf = classes()
      .that().resideInAPackage("dev.workersai.runtime.model..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("dev.workersai.runtime.model..", "java..")
      .because("a model's descriptor is plain data every other package reads");
}
