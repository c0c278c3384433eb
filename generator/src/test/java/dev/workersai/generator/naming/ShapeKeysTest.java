package dev.workersai.generator.naming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.catalog.Catalog;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.CatalogReader;
import dev.workersai.catalog.schema.ArrayType;
import dev.workersai.catalog.schema.BinaryType;
import dev.workersai.catalog.schema.EnumType;
import dev.workersai.catalog.schema.MapType;
import dev.workersai.catalog.schema.ModelReader;
import dev.workersai.catalog.schema.ModelSpec;
import dev.workersai.catalog.schema.ObjectType;
import dev.workersai.catalog.schema.Property;
import dev.workersai.catalog.schema.ScalarType;
import dev.workersai.catalog.schema.SchemaStats;
import dev.workersai.catalog.schema.SchemaType;
import dev.workersai.catalog.schema.UnionType;
import dev.workersai.catalog.schema.UntypedType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The text ShapeKeys builds is, character for character, the shape's {@code toString}: name locks
 * hold fingerprints taken over that text, so any difference would rename locked types.
 */
class ShapeKeysTest {
  @Test
  void theTextOfEveryShapeOfTheBundledCatalogIsItsToString() {
    Catalog catalog = CatalogReader.read(Path.of("..", "model-schemas"));
    ModelReader reader = new ModelReader(new SchemaStats());
    List<SchemaType> shapes = new ArrayList<>();
    for (CatalogModel model : catalog.models()) {
      ModelSpec spec = reader.read(model, catalog.rateLimits());
      spec.input().flatMap(in -> in.json()).ifPresent(root -> collect(root, shapes));
      spec.output().flatMap(out -> out.json()).ifPresent(root -> collect(root, shapes));
    }
    assertThat(shapes).hasSizeGreaterThan(1000);
    ShapeKeys keys = new ShapeKeys();
    for (SchemaType shape : shapes) {
      assertThat(keys.text(shape)).isEqualTo(shape.toString());
    }
  }

  @Test
  void theTextOfEveryKindWithEveryConstraintIsItsToString() {
    ScalarType bounded = new ScalarType(ScalarType.Kind.NUMBER, Optional.of(new BigDecimal("0.50")), true,
        Optional.of(new BigDecimal("1E+3")), false, OptionalInt.of(1), OptionalInt.of(9), Optional.of("^a[b]$"));
    ObjectType object = new ObjectType(List.of(
        new Property("n", bounded, true, Optional.of("0.5")),
        new Property("e", new EnumType(ScalarType.Kind.STRING, List.of("x", "y")), false, Optional.empty()),
        new Property("b", new BinaryType(BinaryType.Encoding.BASE64), false, Optional.empty()),
        new Property("u", new UntypedType("free-form object"), false, Optional.empty()),
        new Property("m", new MapType(new ArrayType(ScalarType.of(ScalarType.Kind.BOOLEAN), OptionalInt.of(2),
            OptionalInt.empty()), OptionalInt.empty(), OptionalInt.of(4)), false, Optional.empty())));
    ObjectType tagged = new ObjectType(List.of(
        new Property("type", new EnumType(ScalarType.Kind.STRING, List.of("t")), true, Optional.empty())));
    ObjectType other = new ObjectType(List.of(
        new Property("type", new EnumType(ScalarType.Kind.STRING, List.of("o")), true, Optional.empty())));
    UnionType union = new UnionType(List.of(new UnionType.Branch(tagged, "Tagged"), new UnionType.Branch(other, ""),
        new UnionType.Branch(new ArrayType(object, OptionalInt.empty(), OptionalInt.empty()), "")));
    assertThat(union.discriminator()).contains("type");
    ShapeKeys keys = new ShapeKeys();
    for (SchemaType shape : List.of(union, object, bounded, tagged)) {
      assertThat(keys.text(shape)).isEqualTo(shape.toString());
    }
  }

  private static void collect(SchemaType type, List<SchemaType> out) {
    out.add(type);
    if (type instanceof ObjectType o) {
      o.properties().forEach(p -> collect(p.type(), out));
    } else if (type instanceof UnionType u) {
      u.branches().forEach(b -> collect(b.type(), out));
    } else if (type instanceof ArrayType a) {
      collect(a.items(), out);
    } else if (type instanceof MapType m) {
      collect(m.values(), out);
    }
  }
}
