package dev.workersai.catalog.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workersai.catalog.CatalogException;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.ModelProperties;
import dev.workersai.catalog.OpenAiEndpoints;
import dev.workersai.catalog.RateLimitTable;
import dev.workersai.catalog.SourceLocation;
import dev.workersai.catalog.transport.InputForm;
import dev.workersai.catalog.transport.OutputForm;
import dev.workersai.catalog.transport.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a catalog model into a {@link ModelSpec}: its facts, and the JSON forms of its input and output
 * schemas, read by {@link SchemaReader}. How calls travel is the {@link Transport}
 * decided from the same schemas ({@link ModelSchemas}); what belongs to the wire rather than to a call
 * is left out of the types here, once: the {@code stream} flag of a streaming model's input, and the
 * forms that are not JSON (raw, multipart, the async-queue batch and its acknowledgement).
 */
public final class ModelReader {
  private final SchemaStats stats;
  private final Shapes shapes;

  /** @param stats where every model's schema nodes and notes are counted */
  public ModelReader(SchemaStats stats) {
    this(stats, new Shapes());
  }

  /**
   * @param stats where every model's schema nodes and notes are counted
   * @param shapes one instance per object or union shape, shared by the readers of one catalog's models
   */
  public ModelReader(SchemaStats stats, Shapes shapes) {
    this.stats = stats;
    this.shapes = shapes;
  }

  /** Reads one model, resolving its rate limit in {@code rateLimits}. */
  public ModelSpec read(CatalogModel model, RateLimitTable rateLimits) {
    checkConstant(model.id(), model.source().child("name"), "the model id");
    checkConstant(model.task(), model.source().child("task"), "the task name");
    ModelFacts facts = facts(model, rateLimits);
    Optional<ModelSchemas> found = ModelSchemas.of(model);
    if (found.isEmpty()) {
      stats.note(model.id() + ": the catalog entry has no schema; generated metadata only");
      return ModelSpec.metadataOnly(model.id(), facts);
    }
    ModelSchemas schemas = found.get();
    if (!schemas.published()) {
      stats.note(model.id() + ": the catalog entry has no schema; typed with the common input and output of "
          + model.task());
    }
    InputSpec in = readInput(schemas);
    OutputSpec out = readOutput(schemas);
    if (out.stream() && schemas.published()) {
      // stream() sets the flag on the wire and run() never streams, so it is no input field.
      in = new InputSpec(in.json().map(this::withoutStreamFlag), in.rawBody(), in.multipart(), in.batch());
    }
    return new ModelSpec(model.id(), facts, Optional.of(in), Optional.of(out), schemas.published(),
        Optional.of(schemas.transport()), OpenAiEndpoints.of(model));
  }

  /** The input's JSON forms, read; how the others travel is the {@link Transport}'s decision. */
  private InputSpec readInput(ModelSchemas schemas) {
    List<Combinators.Located> branches = topBranches(schemas.input(), schemas.inputAt());
    List<Combinators.Located> json = new ArrayList<>();
    for (Combinators.Located branch : branches) {
      if (InputForm.of(branch.node(), branches.size() == 1) == InputForm.JSON) {
        json.add(branch);
      }
    }
    Transport transport = schemas.transport();
    return new InputSpec(readUnion(schemas.input(), json, schemas.inputAt()), transport.rawBody(),
        transport.multipart(), transport.batchForm());
  }

  /** The output's JSON forms, read; the acknowledgement of a batch is left out, as run() never reads it. */
  private OutputSpec readOutput(ModelSchemas schemas) {
    boolean inputDeclaresStream = InputForm.declaresStream(schemas.input());
    List<Combinators.Located> branches = topBranches(schemas.output(), schemas.outputAt());
    List<Combinators.Located> json = new ArrayList<>();
    for (Combinators.Located branch : branches) {
      if (OutputForm.of(branch.node(), branches.size() == 1, inputDeclaresStream) == OutputForm.JSON) {
        json.add(branch);
      }
    }
    Transport transport = schemas.transport();
    return new OutputSpec(readUnion(schemas.output(), json, schemas.outputAt()), transport.binaryAnswer(),
        transport.stream());
  }

  private Optional<SchemaType> readUnion(JsonNode root, List<Combinators.Located> json, SourceLocation at) {
    SchemaReader reader = new SchemaReader(root, stats, shapes);
    return json.isEmpty() ? Optional.empty() : Optional.of(reader.readUnion(json, at, "", 0));
  }

  /** {@code type} without a boolean {@code stream} property in its object forms. */
  private SchemaType withoutStreamFlag(SchemaType type) {
    if (type instanceof ObjectType o) {
      List<Property> kept = o.properties().stream().filter(p -> !isStreamFlag(p)).toList();
      return kept.isEmpty() ? o : shapes.of(new ObjectType(kept));
    }
    if (type instanceof UnionType u) {
      List<UnionType.Branch> branches = UnionType.distinct(u.branches().stream()
          .map(b -> new UnionType.Branch(withoutStreamFlag(b.type()), b.title())).toList());
      return branches.size() == 1 ? branches.get(0).type() : shapes.of(new UnionType(branches));
    }
    return type;
  }

  private static boolean isStreamFlag(Property p) {
    return p.name().equals("stream") && p.type() instanceof ScalarType s && s.kind() == ScalarType.Kind.BOOLEAN;
  }

  private static List<Combinators.Located> topBranches(JsonNode root, SourceLocation at) {
    List<Combinators.Located> branches = Combinators.branches(root, at);
    return branches.isEmpty() ? List.of(new Combinators.Located(root, at)) : branches;
  }




  /** Refuses catalog text that generated code must hold as a literal but no class file can. */
  private static void checkConstant(String text, SourceLocation at, String what) {
    if (!JvmLimits.fitsStringConstant(text)) {
      throw new CatalogException("too-long", at, what + " has " + text.length()
          + " characters, too many for a Java string constant (65535 bytes of UTF-8)");
    }
  }

  private ModelFacts facts(CatalogModel model, RateLimitTable rateLimits) {
    ModelProperties p = model.properties();
    RateLimitTable.Resolved limit = rateLimits.resolve(model.id(), model.task());
    List<String> prices = new ArrayList<>();
    for (String price : p.prices().stream()
        .map(price -> price.price().toPlainString() + " " + price.currency() + " " + price.unit()).toList()) {
      if (JvmLimits.fitsStringConstant(price)) {
        prices.add(price);
      } else {
        stats.note(model.source().child("properties") + ": a price too long for a Java string constant; left out");
      }
    }
    List<String> flags = new ArrayList<>();
    addIf(flags, p.beta(), "beta");
    addIf(flags, p.lora(), "lora");
    addIf(flags, p.functionCalling(), "function_calling");
    addIf(flags, p.reasoning(), "reasoning");
    addIf(flags, p.vision(), "vision");
    addIf(flags, p.asyncQueue(), "async_queue");
    addIf(flags, p.realtime(), "realtime");
    addIf(flags, p.partner(), "partner");
    addIf(flags, p.requireWorkersPaid(), "require_workers_paid");
    return new ModelFacts(model.task(), model.source().file().getFileName().toString(),
        limit.requestsPerMinute(), limit.source(), p.contextWindow(), p.maxInputTokens(), p.outputDimensions(),
        prices, flags, model.deprecated(), p.plannedDeprecation(), p.terms(), p.info());
  }

  private static void addIf(List<String> flags, boolean value, String flag) {
    if (value) {
      flags.add(flag);
    }
  }
}
