package dev.workersai.maven;

import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.build.ChildArguments;
import dev.workersai.generator.build.FailureKind;
import dev.workersai.generator.build.IncrementalGeneration;
import dev.workersai.generator.state.GenerationState;
import dev.workersai.generator.write.FileHashes;
import dev.workersai.catalog.CatalogReader;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates one typed Java class per Workers AI model from a catalog snapshot, and adds the output
 * folder to the compile source roots.
 *
 * <p>Incremental: the goal fingerprints every file the generation reads, every field of the
 * generation request and the plugin version ({@link GenerationState}, the generator's own check) in
 * <code>target/workers-ai/state-v2.properties</code>. When nothing changed
 * and the generated sources are as the last run left them, it does no work and says so in one line.
 * A file whose size and modification time are those recorded last time is not read again
 * ({@link FileHashes}, <code>target/workers-ai/file-stamps.tsv</code>).
 * Otherwise it generates; the generator rewrites only files whose bytes differ and deletes the files
 * of models that are gone.
 *
 * <p>The generation itself runs in a short-lived JVM the goal starts for it ({@link #fork}), which
 * maps the classes it needs from a per-user archive ({@link #classDataSharing}); the check never does.
 *
 * <p>A bad schema fails the build naming the file and JSON pointer; an include that matches no model
 * fails naming the closest model ids.
 *
 * @since 0.1.0
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {
  private static final String DEFAULT_FOLDER = "model-schemas";
  /** The state file inside the plugin's work folder. */
  static final String STATE_FILE = "state-v2.properties";
  /** The size, time and SHA-256 of each file the check read, inside the work folder ({@link FileHashes}). */
  static final String STAMPS_FILE = "file-stamps.tsv";

  /**
   * The catalog snapshot to generate from: model {@code *.json} files directly in it or in its
   * {@code models/} subfolder, and an optional {@code rate-limits.json}. The {@code refresh} goal
   * writes this folder. When the default folder ({@code model-schemas/} beside the pom) does not
   * exist, the snapshot bundled in the plugin is used, written to
   * {@code target/workers-ai/bundled-snapshot/}; copy that folder to {@code model-schemas/} to keep
   * it in version control.
   *
   * @since 0.1.0
   */
  @Parameter(property = "workers-ai.schemaDirectory", defaultValue = "${project.basedir}/model-schemas", required = true)
  File schemaDirectory;

  /**
   * Where the Java sources go; added to the project's compile source roots. The generator owns the
   * package folders it writes under it and deletes stale files there.
   *
   * @since 0.1.0
   */
  @Parameter(property = "workers-ai.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/workers-ai", required = true)
  File outputDirectory;

  /**
   * The base package of the generated classes, for example {@code com.example.ai}. Each model's class
   * goes in a sub-package named after its author.
   *
   * @since 0.1.0
   */
  @Parameter(property = "workers-ai.packageName", defaultValue = GenerationRequest.DEFAULT_PACKAGE, required = true)
  String packageName;

  /**
   * Model id globs to generate, such as {@code @cf/meta/*}: {@code *} matches within one id segment,
   * {@code **} across segments ({@code @cf/**}), {@code ?} one character. Empty generates every model. An include that matches no model fails the
   * build and lists the closest ids. On the command line: {@code -Dworkers-ai.includes=@cf/meta/*,@cf/baai/*}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "workers-ai.includes")
  List<String> includes;

  /**
   * Model id globs to leave out, applied after {@link #includes}, such as {@code **-fp8}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "workers-ai.excludes")
  List<String> excludes;

  /**
   * Task names to generate, such as {@code Text Generation} or {@code Text Embeddings}. Empty keeps
   * every task.
   *
   * @since 0.1.0
   */
  @Parameter(property = "workers-ai.tasks")
  List<String> tasks;

  /**
   * Skips the goal: nothing is generated and no source root is added.
   *
   * @since 0.1.0
   */
  @Parameter(property = "workers-ai.skip", defaultValue = "false")
  boolean skip;

  /**
   * The plugin's work folder; holds {@code state-v2.properties}, the fingerprint of the last run, and
   * {@code file-stamps.tsv}, the size and time of each file it hashed.
   *
   * @since 0.1.0
   */
  @Parameter(defaultValue = "${project.build.directory}/workers-ai", readonly = true, required = true)
  File workDirectory;

  /**
   * Generates in a short-lived JVM of its own, started with flags fit for a job of a second or two
   * (the {@code java} of the JVM running Maven, C1 only, the serial collector, a heap that starts
   * small), instead of in Maven's JVM, which compiles for a long build. Only a run that generates
   * forks; an up-to-date check never does. When no JVM can be started, the goal says why and
   * generates in Maven's JVM. Set it to {@code false} to always generate in Maven's JVM.
   *
   * @since 0.1.0
   */
  @Parameter(property = "workers-ai.fork", defaultValue = "true")
  boolean fork;

  /**
   * With {@link #fork}: the forked JVM maps the classes it needs from a class data sharing archive
   * (AppCDS) in {@link #classDataCache} instead of loading and verifying them one by one, which
   * shortens its start. The first generation after the plugin or the JDK changed stores the archive
   * (about 7 MB; that run takes about 0.2 s longer); the four most recently used archives are kept.
   * An archive the JVM cannot use is ignored without a word, and a folder that cannot be written
   * means no archive: the generation never fails because of it. Set it to {@code false} to neither
   * store nor use archives.
   *
   * @since 0.1.0
   */
  @Parameter(property = "workers-ai.classDataSharing", defaultValue = "true")
  boolean classDataSharing;

  /**
   * The folder of the forked JVM's class data sharing archives ({@link #classDataSharing}): per user
   * and outside {@code target/}, so that a clean build keeps them; by default beside the artifacts in
   * the local repository. Deleting it is always safe.
   *
   * @since 0.1.0
   */
  @Parameter(property = "workers-ai.classDataCache",
      defaultValue = "${settings.localRepository}/.cache/workers-ai-maven-plugin/cds")
  File classDataCache;

  /** The project whose compile source roots receive {@link #outputDirectory}. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** This plugin, for its version, which is part of the fingerprint. */
  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  PluginDescriptor plugin;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping Workers AI generation (workers-ai.skip is true).");
      return;
    }
    Path output = outputDirectory.toPath();
    GenerationRequest request = new GenerationRequest(snapshotFolder(), output, packageName,
        orEmpty(includes), orEmpty(excludes), orEmpty(tasks), Optional.empty());
    Path stateFile = workDirectory.toPath().resolve(STATE_FILE);
    try {
      List<Path> files = request.inputs();
      if (!GenerationState.hasModelFiles(files)) {
        // Generating nothing is never what was meant; with includes the generator fails outright.
        getLog().warn("No Workers AI model files in " + request.schemaDirectory() + " (*.json directly in it or in its "
            + CatalogReader.MODELS_FOLDER + "/ folder): nothing to generate. Run workers-ai:refresh, or point"
            + " schemaDirectory at a snapshot.");
      }
      // Reads only the files (schemas, outputs) whose size or time moved.
      Path stampsFile = workDirectory.toPath().resolve(STAMPS_FILE);
      FileHashes hashes = FileHashes.load(stampsFile);
      String tool = PluginFingerprint.of(plugin);
      // With no record (a clean build) there is nothing to compare with: the inputs are hashed where
      // the generation runs, as it reads them, not here first.
      Optional<String> reason = GenerationState.check(tool, request, files, stateFile, hashes);
      if (getLog().isDebugEnabled()) {
        getLog().debug("The up-to-date check read and hashed " + hashes.hashedCount() + " files (of " + files.size()
            + " inputs, and the generated sources); the others were taken by their stamps.");
      }
      if (reason.isEmpty()) {
        if (hashes.hasNewStamps()) {
          hashes.save(stampsFile);   // the files read this time are taken by their stamps next time
        }
        getLog().info("Workers AI sources in " + output + " are up to date: schemas, configuration and plugin unchanged.");
      } else {
        getLog().info("Generating Workers AI sources because " + reason.get() + ".");
        generate(request, tool, files, hashes, stateFile, stampsFile);
      }
    } catch (RuntimeException e) {
      FailureKind kind = FailureKind.of(e);
      if (kind == FailureKind.INTERNAL) {
        throw e;
      }
      GenerationFailures.raise(kind, e.getMessage(), e);
    }
    project.addCompileSourceRoot(output.toString());
  }

  /**
   * {@link #schemaDirectory}, or the bundled snapshot when the default folder is missing. A folder
   * configured elsewhere is never replaced: its absence is reported as it always was.
   */
  private Path snapshotFolder() {
    Path configured = schemaDirectory.toPath();
    boolean isDefault = project.getBasedir() != null
        && configured.toAbsolutePath().normalize().equals(project.getBasedir().toPath().resolve(DEFAULT_FOLDER).toAbsolutePath().normalize());
    if (Files.exists(configured) || !isDefault) {
      return configured;
    }
    BundledSnapshot bundled = BundledSnapshot.load();
    Path folder = bundled.writeTo(workDirectory.toPath().resolve(BundledSnapshot.RESOURCE_FOLDER));
    getLog().info("No " + DEFAULT_FOLDER + "/ folder: using the catalog snapshot bundled with the plugin (" + bundled.date()
        + ", " + bundled.modelCount() + " models). Run workers-ai:refresh to pull your own, or copy " + folder + " to "
        + configured + " to keep this one in version control.");
    return folder;
  }

  /**
   * Generates in a forked JVM when {@link #fork} is on and one starts, else in this one. The child
   * is handed the stamps this check just took, so that it reads no input the check already hashed;
   * an input the check did not hash (every input, on a clean build) is hashed as the generation reads it.
   */
  private void generate(GenerationRequest request, String tool, List<Path> files, FileHashes hashes, Path stateFile,
      Path stampsFile) throws MojoFailureException, MojoExecutionException {
    if (fork) {
      if (hashes.hasNewStamps()) {
        hashes.save(stampsFile);
      }
      ChildArguments args = new ChildArguments(request, tool, stateFile, stampsFile);
      Optional<ClassDataCache> cache = classDataSharing && classDataCache != null
          ? Optional.of(new ClassDataCache(classDataCache.toPath(), getLog())) : Optional.empty();
      if (new ForkedGeneration(getLog(), ChildJvm.java(), cache).run(args, workDirectory.toPath())) {
        return;
      }
    }
    IncrementalGeneration.run(request, tool, files, hashes, stateFile, stampsFile, new MavenBuildLog(getLog()));
  }

  private static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }
}
