package dev.workersai.catalog.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workersai.catalog.CatalogException;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.ModelProperties;
import dev.workersai.catalog.RateLimitTable;
import dev.workersai.catalog.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a catalog model into a {@link ModelSpec}: its facts, and the top of its input and output
 * schemas, where the transport is decided (a raw body, multipart, JSON, a binary or streamed answer),
 * before everything below is read by {@link SchemaReader}. What belongs to the wire rather than to a
 * call is left out here, once: the {@code stream} flag of a streaming model's input, and the
 * async-queue batch form and its acknowledgement ({@link AsyncQueue}).
 */
public final class ModelReader {
  private static final String EVENT_STREAM = "text/event-stream";

  private final SchemaStats stats;

  /** @param stats where every model's schema nodes and notes are counted */
  public ModelReader(SchemaStats stats) {
    this.stats = stats;
  }

  /** Reads one model, resolving its rate limit in {@code rateLimits}. */
  public ModelSpec read(CatalogModel model, RateLimitTable rateLimits) {
    checkConstant(model.id(), model.source().child("name"), "the model id");
    checkConstant(model.task(), model.source().child("task"), "the task name");
    ModelFacts facts = facts(model, rateLimits);
    if (!model.hasSchema()) {
      Optional<CommonSchemas.Common> common = CommonSchemas.of(model.task());
      if (common.isEmpty()) {
        stats.note(model.id() + ": the catalog entry has no schema; generated metadata only");
        return new ModelSpec(model.id(), facts, Optional.empty(), Optional.empty());
      }
      stats.note(model.id() + ": the catalog entry has no schema; typed with the common input and output of "
          + model.task());
      JsonNode document = common.get().document();
      SourceLocation at = common.get().at();
      InputSpec in = readInput(document.get("input"), at.child("input"));
      OutputSpec out = readOutput(document.get("output"), at.child("output"), declaresStream(document.get("input")));
      return new ModelSpec(model.id(), facts, Optional.of(in), Optional.of(out), false);
    }
    SourceLocation schema = model.source().child("schema");
    JsonNode input = model.inputSchema().orElseThrow();
    JsonNode output = model.outputSchema().orElseThrow();
    InputSpec in = readInput(input, schema.child("input"));
    OutputSpec out = readOutput(output, schema.child("output"), declaresStream(input));
    if (out.stream()) {
      // stream() sets the flag on the wire and run() never streams, so it is no input field.
      in = new InputSpec(in.json().map(ModelReader::withoutStreamFlag), in.rawBody(), in.multipart(), in.batch());
    }
    return new ModelSpec(model.id(), facts, Optional.of(in), Optional.of(out));
  }

  private InputSpec readInput(JsonNode root, SourceLocation at) {
    boolean raw = false;
    boolean multipart = false;
    boolean batch = false;
    List<Combinators.Located> branches = topBranches(root, at);
    List<Combinators.Located> json = new ArrayList<>();
    for (Combinators.Located branch : branches) {
      if (branches.size() > 1 && AsyncQueue.isBatchSubmission(branch.node())) {
        batch = true;
      } else if (isBinaryString(branch.node())) {
        raw = true;
      } else if (isMultipart(branch.node())) {
        multipart = true;
      } else {
        json.add(branch);
      }
    }
    SchemaReader reader = new SchemaReader(root, stats);
    Optional<SchemaType> body = json.isEmpty() ? Optional.empty() : Optional.of(reader.readUnion(json, at, "", 0));
    return new InputSpec(body, raw, multipart, batch);
  }

  private OutputSpec readOutput(JsonNode root, SourceLocation at, boolean inputDeclaresStream) {
    boolean stream = false;
    Optional<String> binary = Optional.empty();
    List<Combinators.Located> branches = topBranches(root, at);
    List<Combinators.Located> json = new ArrayList<>();
    for (Combinators.Located branch : branches) {
      JsonNode node = branch.node();
      String contentType = node.path("contentType").asText("");
      if (branches.size() > 1 && AsyncQueue.isAcknowledgement(node)) {
        continue; // only a batch submission is acknowledged; run() never reads it
      }
      if (contentType.equals(EVENT_STREAM)) {
        stream = true;
      } else if (isBinaryString(node)) {
        // An undeclared binary branch next to JSON is the stream of a model that takes "stream".
        if (contentType.isEmpty() && inputDeclaresStream) {
          stream = true;
        } else if (binary.isEmpty()) {
          binary = Optional.of(contentType.isEmpty() ? "application/octet-stream" : contentType);
        }
      } else {
        json.add(branch);
      }
    }
    SchemaReader reader = new SchemaReader(root, stats);
    Optional<SchemaType> body = json.isEmpty() ? Optional.empty() : Optional.of(reader.readUnion(json, at, "", 0));
    return new OutputSpec(body, binary, stream);
  }

  /** {@code type} without a boolean {@code stream} property in its object forms. */
  private static SchemaType withoutStreamFlag(SchemaType type) {
    if (type instanceof ObjectType o) {
      List<Property> kept = o.properties().stream().filter(p -> !isStreamFlag(p)).toList();
      return kept.isEmpty() ? o : new ObjectType(kept);
    }
    if (type instanceof UnionType u) {
      List<UnionType.Branch> branches = new ArrayList<>();
      for (UnionType.Branch b : u.branches()) {
        UnionType.Branch kept = new UnionType.Branch(withoutStreamFlag(b.type()), b.title());
        if (branches.stream().noneMatch(d -> d.type().equals(kept.type()))) {
          branches.add(kept);
        }
      }
      return branches.size() == 1 ? branches.get(0).type() : new UnionType(branches);
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

  private static boolean isBinaryString(JsonNode node) {
    return node.path("type").asText().equals("string") && node.path("format").asText().equals("binary");
  }

  private static boolean isMultipart(JsonNode node) {
    JsonNode part = node.path("properties").path("multipart").path("properties");
    return part.size() == 2 && part.has("body") && part.has("contentType");
  }

  private static boolean declaresStream(JsonNode input) {
    if (input.path("properties").has("stream")) {
      return true;
    }
    for (String keyword : List.of("oneOf", "anyOf")) {
      for (JsonNode branch : input.path(keyword)) {
        if (declaresStream(branch)) {
          return true;
        }
      }
    }
    return false;
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
