package dev.workersai.maven;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The goals only translate Maven parameters into calls of the generator's public API: the
 * {@code dev.workersai.generator} package (generation, model selection) and the refresh entry
 * point ({@code dev.workersai.generator.refresh}), the up-to-date check ({@code
 * dev.workersai.generator.state}), the generation step it runs in-process or forked ({@code
 * dev.workersai.generator.build}), plus the types those hand back or need: the change report a
 * refresh returns, the atomic folder swap that unpacks the bundled snapshot, the file hashes the
 * check is made of, and the digests that identify the plugin's own jars.
 * Of the catalog module only its top-level package (file layout, {@code CatalogException}).
 */
@AnalyzeClasses(packages = "dev.workersai.maven", importOptions = ImportOption.DoNotIncludeTests.class)
class PluginArchitectureTest {
  @ArchTest
  static final ArchRule reachesOnlyTheGeneratorsPublicApi = classes()
      .should().onlyDependOnClassesThat(resideInAnyPackage(
              "dev.workersai.maven..", "dev.workersai.generator", "dev.workersai.generator.refresh",
              "dev.workersai.generator.state", "dev.workersai.generator.build", "dev.workersai.catalog",
              "org.apache.maven..", "org.codehaus.plexus..", "org.sonatype.plexus..", "javax.inject..", "java..")
          .or(name("dev.workersai.generator.diff.ChangeReport"))
          .or(name("dev.workersai.generator.write.SnapshotFolderSwap"))
          .or(name("dev.workersai.generator.write.FileHashes"))
          .or(name("dev.workersai.generator.write.Digests")));

  @ArchTest
  static final ArchRule neverReachesCodeGenerationItself = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage(
          "dev.workersai.generator.emit..", "dev.workersai.generator.naming..", "dev.workersai.generator.cli..",
          "dev.workersai.catalog.schema..", "dev.workersai.catalog.sample..", "com.palantir.javapoet..");
}
