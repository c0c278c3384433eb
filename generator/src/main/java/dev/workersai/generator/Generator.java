package dev.workersai.generator;

import dev.workersai.catalog.Catalog;
import dev.workersai.catalog.CatalogException;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.CatalogReader;
import dev.workersai.catalog.FileSource;
import dev.workersai.catalog.RateLimitTable;
import dev.workersai.catalog.schema.ModelReader;
import dev.workersai.catalog.schema.ModelSpec;
import dev.workersai.catalog.schema.SchemaStats;
import dev.workersai.catalog.schema.Shapes;
import dev.workersai.generator.emit.Sources;
import dev.workersai.generator.naming.JavaNames;
import dev.workersai.generator.naming.ModelNames;
import dev.workersai.generator.naming.NameLock;
import dev.workersai.generator.naming.TypeNames;
import dev.workersai.generator.write.FileHashes;
import dev.workersai.generator.write.OutputWriter;
import dev.workersai.generator.write.RenderKeys;
import dev.workersai.generator.write.SourceFile;
import dev.workersai.generator.write.WriteResult;
import dev.workersai.runtime.model.RateLimit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The generator's entry point: snapshot in, Java sources out. Reads and checks everything, builds
 * every source in memory, and only then touches the output folder, so a bad schema writes nothing.
 * Output is byte-identical for the same snapshot and request.
 */
public final class Generator {
  private Generator() {}

  /**
   * Runs a generation.
   *
   * @throws CatalogException for a bad snapshot, naming file and pointer: every bad file at once
   *     ({@link CatalogException#problems()})
   * @throws GenerationRequestException for a bad request (an include glob that matches no model, with
   *     the closest model ids; an invalid package name)
   * @throws java.io.UncheckedIOException when the output cannot be written, or holds a file the
   *     generator did not write where it would write one; nothing is changed then
   */
  public static GenerationResult generate(GenerationRequest request) {
    return generate(request, FileHashes.none(), FileSource.DISK);
  }

  /**
   * {@link #generate(GenerationRequest)}, with the stamps of an up-to-date check: a generated file
   * whose size and time did not move is not read to see whether it can be reused, and every file
   * written is stamped in {@code hashes} (from the digest of its text) so that no one reads it again.
   * The inputs are read through {@code hashes} ({@link FileHashes#read}), once each: their state
   * ({@link dev.workersai.generator.state.GenerationState#ofInputs}) taken afterwards with
   * {@code hashes} holds the hashes of the bytes this run parsed.
   */
  public static GenerationResult generate(GenerationRequest request, FileHashes hashes) {
    return generate(request, hashes, hashes);
  }

  private static GenerationResult generate(GenerationRequest request, FileHashes hashes, FileSource inputs) {
    Planned planned = plan(request, inputs);
    // Model-level incrementality: a file whose render key is what it was when the file now in the
    // output was rendered is not rendered again (RenderKeys checks the file's bytes are still those).
    RenderKeys previous = RenderKeys.read(request.outputDirectory());
    String renderer = Renderer.identity(hashes);
    List<Sources.Job> toRender = new ArrayList<>();
    Map<String, String> keys = new TreeMap<>();
    Set<String> reused = new TreeSet<>();
    List<String> digests = Sources.keys(planned.jobs(), renderer);
    for (int i = 0; i < digests.size(); i++) {
      Sources.Job job = planned.jobs().get(i);
      String key = digests.get(i);
      keys.put(job.relativePath(), key);
      if (previous.isCurrent(job.relativePath(), key, hashes)) {
        reused.add(job.relativePath());
      } else {
        toRender.add(job);
      }
    }
    List<SourceFile> files = Sources.render(toRender);
    RenderKeys current = previous.next(keys, files);
    WriteResult written = OutputWriter.write(request.outputDirectory(), files, reused, current.bytes());
    current.stampWritten(hashes);
    Rendering rendering = planned.rendering(files);
    List<String> notes = new ArrayList<>(rendering.notes());
    written.kept().forEach(path -> notes.add(path + ": no longer generated, but kept: it lacks the generated header"));
    notes.sort(null);
    return new GenerationResult(rendering.modelsGenerated(), rendering.metadataOnly(), written.written(),
        written.unchanged(), written.deleted(), notes, rendering.warnings(), rendering.rateLimitsOrigin(),
        rendering.unknownRateLimits(), files.size(), reused.size());
  }

  /**
   * Builds every source of a generation in memory without writing anything ({@code outputDirectory}
   * is not used). Throws as {@link #generate} does for a bad snapshot or request.
   */
  public static Rendering render(GenerationRequest request) {
    Planned planned = plan(request, FileSource.DISK);
    return planned.rendering(Sources.render(planned.jobs()));
  }

  /**
   * Reads the request's snapshot and plans it. Every bad file of the snapshot is reported at once:
   * reading goes on past each one, and the models that could be read are still checked, so one run
   * lists everything to fix. Every file is read from {@code inputs}.
   */
  private static Planned plan(GenerationRequest request, FileSource inputs) {
    List<CatalogException> problems = new ArrayList<>();
    Catalog catalog = CatalogReader.read(request.schemaDirectory(), problems, inputs);
    NameLock lock = NameLock.EMPTY;
    try {
      lock = NameLock.read(request.schemaDirectory(), inputs);
    } catch (CatalogException e) {
      problems.add(e);
    }
    return plan(catalog, lock, request, problems, inputs);
  }

  /**
   * Builds every source for an already read catalog, without a name lock ({@code schemaDirectory}
   * and {@code outputDirectory} of the request are not used).
   */
  public static Rendering render(Catalog catalog, GenerationRequest request) {
    return render(catalog, NameLock.EMPTY, request);
  }

  /**
   * The type names of every model of {@code catalog}, planned as a generation plans them: over the
   * whole catalog, keeping what {@code lock} holds.
   */
  public static TypeNames planNames(Catalog catalog, NameLock lock, String basePackage) {
    List<CatalogException> problems = new ArrayList<>();
    List<ModelSpec> all = new ArrayList<>();
    for (ModelRead read : readAll(catalog.models(), RateLimitTable.empty())) {
      read.spec().ifPresentOrElse(all::add, () -> problems.add(read.problem()));
    }
    CatalogException.throwIfAny(problems);
    return TypeNames.plan(all, ModelNames.assign(all.stream().map(ModelSpec::id).toList(), basePackage), basePackage, lock);
  }

  /**
   * Builds every source for an already read catalog, keeping the type names {@code lock} holds
   * ({@code schemaDirectory} and {@code outputDirectory} of the request are not used).
   */
  public static Rendering render(Catalog catalog, NameLock lock, GenerationRequest request) {
    Planned planned = plan(catalog, lock, request, new ArrayList<>(), FileSource.DISK);
    return planned.rendering(Sources.render(planned.jobs()));
  }

  /**
   * Everything up to rendering: the models read, their names planned, their files listed; or every
   * problem found thrown, those in {@code problems} and those of the models. A replacement rate-limit
   * table is read from {@code inputs}.
   */
  private static Planned plan(Catalog catalog, NameLock lock, GenerationRequest request,
      List<CatalogException> problems, FileSource inputs) {
    RateLimitTable limits = catalog.rateLimits();
    try {
      limits = request.rateLimits().map(file -> CatalogReader.readRateLimits(file, inputs)).orElse(limits);
    } catch (CatalogException e) {
      problems.add(e);
    }
    String limitsOrigin = request.rateLimits().map(Object::toString).orElse(catalog.rateLimitsOrigin());
    List<CatalogModel> selected;
    try {
      selected = ModelFilter.select(catalog.models(), request);
    } catch (GenerationRequestException e) {
      // A model file that could not be read may be the one the include meant: the snapshot first.
      CatalogException.throwIfAny(problems);
      throw e;
    }
    // Names are planned over the whole snapshot, so that a model's class does not depend on what
    // else a build selects; only the selected models (and the shared types they reach) are written
    // and counted.
    Set<String> selectedIds = new HashSet<>();
    selected.forEach(m -> selectedIds.add(m.id()));
    SchemaStats stats = new SchemaStats();
    List<ModelSpec> all = new ArrayList<>();
    List<ModelSpec> specs = new ArrayList<>();
    for (ModelRead read : readAll(catalog.models(), limits)) {
      if (read.spec().isEmpty()) {
        problems.add(read.problem());
        continue;
      }
      all.add(read.spec().get());
      if (selectedIds.contains(read.model().id())) {
        specs.add(read.spec().get());
        stats.add(read.stats());
      }
    }
    CatalogException.throwIfAny(problems);
    if (!JavaNames.isPackageName(request.packageName())) {
      throw new GenerationRequestException("not a valid Java package name: " + request.packageName());
    }
    ModelNames modelNames = ModelNames.assign(all.stream().map(ModelSpec::id).toList(), request.packageName());
    TypeNames typeNames = TypeNames.plan(all, modelNames, request.packageName(), lock);
    List<Sources.Job> jobs = Sources.plan(specs, modelNames, typeNames);
    int typed = (int) specs.stream().filter(ModelSpec::typed).count();
    List<String> notes = new ArrayList<>(stats.notes());
    notes.sort(null);
    List<String> unknownLimits = specs.stream()
        .filter(spec -> spec.facts().rateLimitSource() == RateLimit.Source.UNKNOWN)
        .map(ModelSpec::id)
        .sorted()
        .toList();
    return new Planned(jobs, typed, specs.size() - typed, stats.nodes(), stats.untyped(), notes, catalog.warnings(),
        limitsOrigin, unknownLimits);
  }

  /**
   * Every model read into its spec, on every core (each with its own reader and counts: a fresh JVM
   * spends a third of a second here on the bundled snapshot; one table of {@link Shapes}, so that a
   * shape many models hold is one instance), in the catalog's order, so that what
   * is made of them, problems included, does not depend on which thread read which.
   */
  private static List<ModelRead> readAll(List<CatalogModel> models, RateLimitTable limits) {
    Shapes shapes = new Shapes();
    return models.parallelStream().map(model -> ModelRead.of(model, limits, shapes)).toList();
  }

  /** One model's spec and the counts of reading it; or no spec, and the problem that stopped it. */
  private record ModelRead(CatalogModel model, Optional<ModelSpec> spec, SchemaStats stats, CatalogException problem) {
    static ModelRead of(CatalogModel model, RateLimitTable limits, Shapes shapes) {
      SchemaStats stats = new SchemaStats();
      try {
        return new ModelRead(model, Optional.of(new ModelReader(stats, shapes).read(model, limits)), stats, null);
      } catch (CatalogException e) {
        return new ModelRead(model, Optional.empty(), stats, e);
      }
    }
  }

  /** A generation's plan: the files to render and what the run reports besides them. */
  private record Planned(List<Sources.Job> jobs, int typed, int metadataOnly, int schemaNodes, int untypedNodes,
      List<String> notes, List<String> warnings, String limitsOrigin, List<String> unknownLimits) {
    Rendering rendering(List<SourceFile> files) {
      return new Rendering(files, typed, metadataOnly, schemaNodes, untypedNodes, notes, warnings, limitsOrigin, unknownLimits);
    }
  }
}
