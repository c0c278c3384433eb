package dev.workersai.generator;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.workersai.generator.write.SourceFile;

/**
 * The generator's layers. The public API ({@code dev.workersai.generator}) reads the catalog,
 * plans names, emits and writes; the CLI, refresh and the up-to-date check ({@code state}) sit on
 * top of it, and a build tool's generation step ({@code build}) on the check; emit is reached only through the API, printing JavaPoet files to text only through emit,
 * and writing depends on nothing else of the generator.
 */
@AnalyzeClasses(packages = "dev.workersai.generator", importOptions = ImportOption.DoNotIncludeTests.class)
class GeneratorArchitectureTest {
  /** {@code (**)} makes each package its own slice, the API package included. */
  @ArchTest
  static final ArchRule hasNoPackageCycles = slices().matching("dev.workersai.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
      .layer("cli").definedBy("dev.workersai.generator.cli..")
      .layer("build").definedBy("dev.workersai.generator.build..")
      .layer("refresh").definedBy("dev.workersai.generator.refresh..")
      .layer("state").definedBy("dev.workersai.generator.state..")
      .layer("api").definedBy("dev.workersai.generator")
      .layer("diff").definedBy("dev.workersai.generator.diff..")
      .layer("emit").definedBy("dev.workersai.generator.emit..")
      .layer("print").definedBy("dev.workersai.generator.print..")
      .layer("naming").definedBy("dev.workersai.generator.naming..")
      .layer("write").definedBy("dev.workersai.generator.write..")
      .whereLayer("cli").mayNotBeAccessedByAnyLayer()
      .whereLayer("refresh").mayNotBeAccessedByAnyLayer()
      .whereLayer("build").mayNotBeAccessedByAnyLayer()
      .whereLayer("state").mayOnlyBeAccessedByLayers("cli", "build")
      .whereLayer("api").mayOnlyBeAccessedByLayers("cli", "refresh", "state", "build")
      // the change report says which generated types a change touches, so it asks naming, not emit
      .whereLayer("diff").mayOnlyBeAccessedByLayers("refresh")
      .whereLayer("emit").mayOnlyBeAccessedByLayers("api")
      .whereLayer("print").mayOnlyBeAccessedByLayers("emit")
      .whereLayer("naming").mayOnlyBeAccessedByLayers("api", "emit", "diff", "refresh")
      .whereLayer("write").mayOnlyBeAccessedByLayers("api", "emit", "cli", "refresh", "state", "build");

  /** Emit hands its sources over as {@link SourceFile}s; how and when they are written is not its business. */
  @ArchTest
  static final ArchRule emitOnlyProducesSourceFiles = noClasses().that().resideInAPackage("dev.workersai.generator.emit..")
      .should().dependOnClassesThat(resideInAPackage("dev.workersai.generator.write..").and(not(type(SourceFile.class))));

  /** Printing knows JavaPoet's code model and the JDK, nothing of the catalog, the IR or the rest of the generator. */
  @ArchTest
  static final ArchRule printKnowsOnlyJavaPoet = classes().that().resideInAPackage("dev.workersai.generator.print..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("dev.workersai.generator.print..", "com.palantir.javapoet..",
          "java..", "javax.lang.model..");

  /** The generator builds on the catalog module; the emulator and the plugin build on the generator or beside it. */
  @ArchTest
  static final ArchRule knowsNothingOfItsUsers = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage("dev.workersai.emulator..", "dev.workersai.maven..");
}
