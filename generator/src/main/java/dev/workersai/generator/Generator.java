package dev.workersai.generator;

import dev.workersai.catalog.Catalog;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.CatalogReader;
import dev.workersai.catalog.RateLimitTable;
import dev.workersai.generator.emit.Sources;
import dev.workersai.generator.naming.ModelNames;
import dev.workersai.generator.naming.NameLock;
import dev.workersai.generator.naming.TypeNames;
import dev.workersai.catalog.schema.ModelReader;
import dev.workersai.catalog.schema.ModelSpec;
import dev.workersai.catalog.schema.SchemaStats;
import dev.workersai.generator.write.OutputWriter;
import dev.workersai.generator.write.RenderKeys;
import dev.workersai.generator.write.WriteResult;
import dev.workersai.runtime.model.RateLimit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
   * @throws dev.workersai.catalog.CatalogException for a bad snapshot, naming file and pointer
   * @throws GenerationRequestException for a bad request (an include glob that matches no model, with
   *     the closest model ids; an invalid package name)
   * @throws java.io.UncheckedIOException when the output cannot be written, or holds a file the
   *     generator did not write where it would write one; nothing is changed then
   */
  public static GenerationResult generate(GenerationRequest request) {
    Planned planned = plan(CatalogReader.read(request.schemaDirectory()), NameLock.read(request.schemaDirectory()), request);
    // Model-level incrementality: a file whose render key is what it was when the file now in the
    // output was rendered is not rendered again (RenderKeys checks the file's bytes are still those).
    RenderKeys previous = RenderKeys.read(request.outputDirectory());
    String renderer = Renderer.identity();
    List<Sources.Job> toRender = new ArrayList<>();
    Map<String, String> keys = new TreeMap<>();
    Set<String> reused = new TreeSet<>();
    for (Sources.Job job : planned.jobs()) {
      String key = job.key().digest(renderer);
      keys.put(job.relativePath(), key);
      if (previous.isCurrent(job.relativePath(), key)) {
        reused.add(job.relativePath());
      } else {
        toRender.add(job);
      }
    }
    List<Sources.SourceFile> files = Sources.render(toRender);
    RenderKeys current = previous.next(keys, files);
    WriteResult written = OutputWriter.write(request.outputDirectory(), files, reused, current.bytes());
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
    return render(CatalogReader.read(request.schemaDirectory()), NameLock.read(request.schemaDirectory()), request);
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
    ModelReader reader = new ModelReader(new SchemaStats());
    List<ModelSpec> all = catalog.models().stream().map(m -> reader.read(m, RateLimitTable.empty())).toList();
    return TypeNames.plan(all, ModelNames.assign(all.stream().map(ModelSpec::id).toList(), basePackage), basePackage, lock);
  }

  /**
   * Builds every source for an already read catalog, keeping the type names {@code lock} holds
   * ({@code schemaDirectory} and {@code outputDirectory} of the request are not used).
   */
  public static Rendering render(Catalog catalog, NameLock lock, GenerationRequest request) {
    Planned planned = plan(catalog, lock, request);
    return planned.rendering(Sources.render(planned.jobs()));
  }

  /** Everything up to rendering: the models read, their names planned, their files listed. */
  private static Planned plan(Catalog catalog, NameLock lock, GenerationRequest request) {
    RateLimitTable limits = request.rateLimits().map(CatalogReader::readRateLimits).orElse(catalog.rateLimits());
    String limitsOrigin = request.rateLimits().map(Object::toString).orElse(catalog.rateLimitsOrigin());
    List<CatalogModel> selected = ModelFilter.select(catalog.models(), request);
    SchemaStats stats = new SchemaStats();
    ModelReader reader = new ModelReader(stats);
    ModelReader unselected = new ModelReader(new SchemaStats());
    // Names are planned over the whole snapshot, so that a model's class does not depend on what
    // else a build selects; only the selected models (and the shared types they reach) are written.
    Set<String> selectedIds = new HashSet<>();
    selected.forEach(m -> selectedIds.add(m.id()));
    List<ModelSpec> all = new ArrayList<>();
    List<ModelSpec> specs = new ArrayList<>();
    for (CatalogModel model : catalog.models()) {
      ModelSpec spec = (selectedIds.contains(model.id()) ? reader : unselected).read(model, limits);
      all.add(spec);
      if (selectedIds.contains(model.id())) {
        specs.add(spec);
      }
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

  /** A generation's plan: the files to render and what the run reports besides them. */
  private record Planned(List<Sources.Job> jobs, int typed, int metadataOnly, int schemaNodes, int untypedNodes,
      List<String> notes, List<String> warnings, String limitsOrigin, List<String> unknownLimits) {
    Rendering rendering(List<Sources.SourceFile> files) {
      return new Rendering(files, typed, metadataOnly, schemaNodes, untypedNodes, notes, warnings, limitsOrigin, unknownLimits);
    }
  }
}
