package dev.workersai.catalog.sample;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workersai.catalog.validation.InstanceValidator;
import java.util.Objects;

/**
 * Makes deterministic JSON instances of a JSON Schema: the same schema and settings always give the
 * same instance. Used by the emulator to answer with schema-valid outputs and by the conformance
 * test to build valid inputs.
 *
 * <pre>{@code
 * JsonNode input = SchemaSampler.requiredOnly().sample(inputSchema);       // minimal valid input
 * JsonNode output = SchemaSampler.full().withText("echo: hi").sample(outputSchema);
 * }</pre>
 *
 * <p>Understands {@code type} (and type arrays), {@code enum}, {@code const}, {@code default},
 * numeric bounds (inclusive and exclusive, draft 4 and later forms), {@code multipleOf}, string
 * lengths, simple {@code pattern}s (anchors, classes, escapes, groups, alternation, quantifiers; an
 * unsupported pattern falls back to candidates checked against it), common {@code format}s,
 * {@code format: binary} (a short base64 string), item counts, {@code uniqueItems}, tuples,
 * {@code properties}/{@code required}/{@code additionalProperties}/{@code min/maxProperties},
 * {@code oneOf}/{@code anyOf} (the first branch whose sample is valid, for {@code oneOf} valid for
 * that branch alone), {@code allOf} (merged), {@code not} (ignored) and local {@code $ref}s.
 * Optional members are expanded only down to a bounded depth, and recursion through {@code $ref}
 * stops at a hard limit, so recursive schemas terminate.
 *
 * <p>Instances are immutable settings; {@code with*} methods return copies.
 */
public final class SchemaSampler {
  /** How much of an object to fill in. */
  public enum Mode {
    /** Only required properties: the smallest valid instance, what a minimal caller sends. */
    REQUIRED_ONLY,
    /** Every declared property down to {@link #optionalDepth()}: what a generous server answers. */
    FULL
  }

  /** Strings are made from this text unless {@link #withText} says otherwise. */
  public static final String DEFAULT_TEXT = "sample";

  private static final int DEFAULT_OPTIONAL_DEPTH = 8;

  private final Mode mode;
  private final String text;
  private final int optionalDepth;

  private SchemaSampler(Mode mode, String text, int optionalDepth) {
    this.mode = mode;
    this.text = text;
    this.optionalDepth = optionalDepth;
  }

  /** A sampler of minimal valid instances. */
  public static SchemaSampler requiredOnly() {
    return new SchemaSampler(Mode.REQUIRED_ONLY, DEFAULT_TEXT, DEFAULT_OPTIONAL_DEPTH);
  }

  /** A sampler that fills in optional properties too. */
  public static SchemaSampler full() {
    return new SchemaSampler(Mode.FULL, DEFAULT_TEXT, DEFAULT_OPTIONAL_DEPTH);
  }

  /** A sampler of the given mode. */
  public static SchemaSampler of(Mode mode) {
    return new SchemaSampler(Objects.requireNonNull(mode, "mode"), DEFAULT_TEXT, DEFAULT_OPTIONAL_DEPTH);
  }

  /**
   * A copy whose free-form strings are made from {@code text} (cut or repeated to fit length
   * limits), so that an emulator's answer can depend on its request.
   */
  public SchemaSampler withText(String text) {
    Objects.requireNonNull(text, "text");
    return new SchemaSampler(mode, text.isEmpty() ? DEFAULT_TEXT : text, optionalDepth);
  }

  /**
   * A copy that, in {@link Mode#FULL}, fills optional properties only down to {@code depth} levels
   * of nesting (deeper objects get their required properties only).
   */
  public SchemaSampler withOptionalDepth(int depth) {
    if (depth < 0) {
      throw new IllegalArgumentException("depth must not be negative: " + depth);
    }
    return new SchemaSampler(mode, text, depth);
  }

  /** The mode. */
  public Mode mode() {
    return mode;
  }

  /** The text strings are made from. */
  public String text() {
    return text;
  }

  /** How deep optional properties are filled in {@link Mode#FULL}. */
  public int optionalDepth() {
    return optionalDepth;
  }

  /**
   * An instance of {@code schema}. {@code $ref}s are resolved against {@code schema} itself. A
   * schema no instance can satisfy (such as {@code false}) gives a best effort, never an exception.
   */
  public JsonNode sample(JsonNode schema) {
    Objects.requireNonNull(schema, "schema");
    return new InstanceGenerator(schema, this).generate();
  }

  /** Whether {@code instance} is valid against {@code schema}: the catalog's {@link InstanceValidator}. */
  public static boolean isValid(JsonNode schema, JsonNode instance) {
    return InstanceValidator.of(schema).accepts(instance);
  }
}
