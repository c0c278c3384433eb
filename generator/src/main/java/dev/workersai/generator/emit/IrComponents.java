package dev.workersai.generator.emit;

import dev.workersai.catalog.schema.ArrayType;
import dev.workersai.catalog.schema.BinaryType;
import dev.workersai.catalog.schema.EnumType;
import dev.workersai.catalog.schema.InputSpec;
import dev.workersai.catalog.schema.MapType;
import dev.workersai.catalog.schema.ModelFacts;
import dev.workersai.catalog.schema.ModelSpec;
import dev.workersai.catalog.schema.ObjectType;
import dev.workersai.catalog.schema.OutputSpec;
import dev.workersai.catalog.schema.Property;
import dev.workersai.catalog.schema.ScalarType;
import dev.workersai.catalog.schema.UnionType;
import dev.workersai.catalog.schema.UntypedType;
import dev.workersai.catalog.transport.Transport;

/**
 * The components of each IR record a render key digests, in declaration order, read by their
 * accessors. Not through reflection: {@code Method.invoke} on ~60 accessors called thousands of
 * times made the JDK generate a class per accessor in the short-lived JVM that generates
 * (docs/performance.md, round 7). A record type with no rule here, or a rule that misses a component
 * (their counts differ), fails loudly, so nothing in the IR silently drops out of a render key.
 */
final class IrComponents {
  private static final ClassValue<Integer> COUNTS = new ClassValue<>() {
    @Override
    protected Integer computeValue(Class<?> type) {
      return type.getRecordComponents().length;
    }
  };

  private IrComponents() {}

  /** {@code record}'s component values, in the order its record header declares them. */
  static Object[] of(Record record) {
    Object[] components = read(record);
    int declared = COUNTS.get(record.getClass());
    if (components.length != declared) {
      throw new IllegalStateException("a render key reads " + components.length + " of the " + declared
          + " components of " + record.getClass().getName() + ": teach IrComponents the others");
    }
    return components;
  }

  private static Object[] read(Record record) {
    if (record instanceof ObjectType o) {
      return new Object[] {o.properties()};
    }
    if (record instanceof Property p) {
      return new Object[] {p.name(), p.type(), p.required(), p.defaultValue()};
    }
    if (record instanceof ScalarType s) {
      return new Object[] {s.kind(), s.minimum(), s.exclusiveMinimum(), s.maximum(), s.exclusiveMaximum(),
          s.minLength(), s.maxLength(), s.pattern()};
    }
    if (record instanceof ArrayType a) {
      return new Object[] {a.items(), a.minItems(), a.maxItems()};
    }
    if (record instanceof UnionType u) {
      return new Object[] {u.branches(), u.discriminator()};
    }
    if (record instanceof UnionType.Branch b) {
      return new Object[] {b.type(), b.title()};
    }
    if (record instanceof MapType m) {
      return new Object[] {m.values(), m.minProperties(), m.maxProperties()};
    }
    if (record instanceof EnumType e) {
      return new Object[] {e.kind(), e.values()};
    }
    if (record instanceof BinaryType b) {
      return new Object[] {b.encoding()};
    }
    if (record instanceof UntypedType u) {
      return new Object[] {u.reason()};
    }
    if (record instanceof ModelSpec m) {
      return new Object[] {m.id(), m.facts(), m.input(), m.output(), m.schemaPublished(), m.transport(),
          m.openAiEndpoints()};
    }
    if (record instanceof ModelFacts f) {
      return new Object[] {f.task(), f.sourceFile(), f.requestsPerMinute(), f.rateLimitSource(), f.contextWindow(),
          f.maxInputTokens(), f.outputDimensions(), f.prices(), f.flags(), f.deprecated(), f.plannedDeprecation(),
          f.terms(), f.info()};
    }
    if (record instanceof InputSpec i) {
      return new Object[] {i.json(), i.rawBody(), i.multipart(), i.batch()};
    }
    if (record instanceof OutputSpec o) {
      return new Object[] {o.json(), o.binaryContentType(), o.stream()};
    }
    if (record instanceof Transport t) {
      return new Object[] {t.jsonBody(), t.rawBody(), t.bodyField(), t.multipart(), t.stream(), t.jsonAnswer(),
          t.binaryAnswer(), t.batchForm(), t.batches()};
    }
    throw new IllegalStateException("a render key cannot digest a " + record.getClass().getName()
        + ": teach IrComponents about it");
  }
}
