package dev.workersai.catalog.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one JSON Schema validator of the project (networknt json-schema-validator; draft 7 rules,
 * the catalog's, unless a schema names its own {@code $schema} or uses keywords of a later draft
 * such as {@code prefixItems}): whatever checks an instance against a catalog
 * schema (the emulator's request check, the sampler's choice of a union branch or a default) goes
 * through here, so they all agree.
 *
 * <pre>{@code
 * InstanceValidator input = InstanceValidator.of(model.inputSchema().get());   // compiled once
 * List<Violation> problems = input.validate(body);   // [/messages/0/content: required property ...]
 * }</pre>
 *
 * <p>Schemas are read as the catalog reads them: a member of {@code properties} that is not a
 * schema (one published file puts its {@code required} list there) is left out, and a local
 * {@code $ref} that does not resolve stands for any value. A schema, or a part of one, that the
 * validator cannot compile accepts everything: nothing can say what it would refuse. Thread-safe.
 *
 * <p>The catalog declares the validator {@code optional} (the generator and the Maven plugin never
 * validate instances and should not load it): a module using this class, or the sample package,
 * declares {@code com.networknt:json-schema-validator} itself, as the emulator does.
 */
public final class InstanceValidator {
  private static final String DOCUMENT = "urn:workersai:schema";
  private static final String PART = "urn:workersai:part:";

  private final JsonNode document;
  private final SchemaRegistry registry;
  private final Map<JsonNode, Optional<Schema>> parts = Collections.synchronizedMap(new IdentityHashMap<>());
  private final AtomicInteger partCount = new AtomicInteger();
  /** Compiled on first use: the sampler often checks only small parts of a large document. */
  private volatile Optional<Schema> compiled;
  private volatile JsonNode readable;

  private InstanceValidator(JsonNode document) {
    this.document = document;
    // Parts of the document resolve their "#/..." references against it, loaded from this IRI.
    this.registry = SchemaRegistry.withDefaultDialect(CatalogReading.dialect(document),
        builder -> builder.schemas(iri -> DOCUMENT.equals(iri) ? readable().toString() : null));
  }

  /** A validator of instances of {@code schema} (a whole schema document). */
  public static InstanceValidator of(JsonNode schema) {
    return new InstanceValidator(schema);
  }

  /** Whether the schema compiled; a schema that did not accepts everything. */
  public boolean isUsable() {
    return whole().isPresent();
  }

  /**
   * The violations of {@code instance}, empty when it is valid. The most telling comes first: the
   * deepest one that is not a mere "no branch of the union matched".
   */
  public List<Violation> validate(JsonNode instance) {
    return whole().map(schema -> violations(schema, instance)).orElse(List.of());
  }

  /** Whether {@code instance} is valid. */
  public boolean accepts(JsonNode instance) {
    return validate(instance).isEmpty();
  }

  /**
   * Whether {@code instance} is valid against {@code part}: a schema inside this validator's
   * document, or one built from its pieces (a merged {@code allOf}). Its local {@code $ref}s
   * resolve against the document. Compiled parts are kept per node (by identity).
   */
  public boolean accepts(JsonNode part, JsonNode instance) {
    if (part == document) {
      return accepts(instance);
    }
    Optional<Schema> schema = parts.computeIfAbsent(part, p -> compile(
        SchemaLocation.of(PART + partCount.incrementAndGet()), CatalogReading.prepare(p, document, DOCUMENT)));
    return schema.map(s -> violations(s, instance).isEmpty()).orElse(true);
  }

  private Optional<Schema> whole() {
    Optional<Schema> schema = compiled;
    if (schema == null) {
      synchronized (this) {
        if (compiled == null) {
          compiled = compile(SchemaLocation.of(DOCUMENT), readable());
        }
        schema = compiled;
      }
    }
    return schema;
  }

  private JsonNode readable() {
    JsonNode prepared = readable;
    if (prepared == null) {
      prepared = CatalogReading.prepare(document, document, null);
      readable = prepared;
    }
    return prepared;
  }

  private Optional<Schema> compile(SchemaLocation location, JsonNode schema) {
    try {
      Schema compiledSchema = registry.getSchema(location, schema);
      compiledSchema.initializeValidators();
      return Optional.of(compiledSchema);
    } catch (SchemaException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static List<Violation> violations(Schema schema, JsonNode instance) {
    List<Error> errors;
    try {
      errors = schema.validate(instance);
    } catch (SchemaException e) {
      return List.of(); // a reference that cannot be followed, met only now: nothing to hold against
    }
    List<Violation> out = new ArrayList<>(errors.size());
    for (Error error : errors) {
      out.add(new Violation(pointer(error), String.valueOf(error.getKeyword()), error.getMessage()));
    }
    boolean onlySummaries = out.stream().allMatch(Violation::isUnionSummary);
    out.sort(Comparator.comparing((Violation v) -> !onlySummaries && v.isUnionSummary())
        .thenComparing(Comparator.comparingInt(Violation::depth).reversed()));
    return List.copyOf(out);
  }

  private static String pointer(Error error) {
    String pointer = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
    if (pointer.equals("$") || pointer.equals("/")) {
      pointer = "";
    }
    if (error.getProperty() != null
        && ("required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword()))) {
      pointer += "/" + error.getProperty().replace("~", "~0").replace("/", "~1");
    }
    return pointer.isEmpty() ? "/" : pointer;
  }
}
