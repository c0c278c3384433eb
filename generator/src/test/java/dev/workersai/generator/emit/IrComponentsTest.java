package dev.workersai.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.catalog.Catalog;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.CatalogReader;
import dev.workersai.catalog.schema.ModelReader;
import dev.workersai.catalog.schema.ModelSpec;
import dev.workersai.catalog.schema.SchemaStats;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link IrComponents} reads what reflection over the record header reads, in the same order, for
 * every record of the bundled catalog's IR, and the catalog holds every record type the IR declares:
 * a component added to an IR record without a rule fails here (and in the generator), and render
 * keys recorded by earlier runs stay valid.
 */
class IrComponentsTest {
  @Test
  void everyIrRecordOfTheCatalogReadsAsItsRecordHeaderDeclares() throws Exception {
    Catalog snapshot = CatalogReader.read(Path.of("..", "model-schemas"));
    ModelReader reader = new ModelReader(new SchemaStats());
    Set<Class<?>> met = new LinkedHashSet<>();
    int records = 0;
    for (CatalogModel model : snapshot.models()) {
      records += check(reader.read(model, snapshot.rateLimits()), met);
    }

    assertThat(met).containsAll(recordTypes(ModelSpec.class, new LinkedHashSet<>()));
    assertThat(records).isGreaterThan(10_000);
  }

  /** Compares the components of {@code value} and every record below it; returns how many records it compared. */
  private static int check(Object value, Set<Class<?>> met) throws Exception {
    if (value instanceof Record record) {
      List<Object> declared = new ArrayList<>();
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        component.getAccessor().setAccessible(true);
        declared.add(component.getAccessor().invoke(record));
      }
      assertThat(IrComponents.of(record)).as(record.getClass().getName()).containsExactlyElementsOf(declared);
      met.add(record.getClass());
      int records = 1;
      for (Object component : declared) {
        records += check(component, met);
      }
      return records;
    }
    if (value instanceof Optional<?> optional) {
      return optional.isPresent() ? check(optional.get(), met) : 0;
    }
    if (value instanceof Collection<?> items) {
      int records = 0;
      for (Object item : items) {
        records += check(item, met);
      }
      return records;
    }
    assertThat(value).as("a map in the IR: teach this test to walk it").isNotInstanceOf(Map.class);
    return 0;
  }

  /** Every record type reachable from {@code type} through record components, type arguments and sealed subtypes. */
  private static Set<Class<?>> recordTypes(Type type, Set<Class<?>> found) {
    if (type instanceof ParameterizedType parameterized) {
      for (Type argument : parameterized.getActualTypeArguments()) {
        recordTypes(argument, found);
      }
    } else if (type instanceof Class<?> c && c.isSealed()) {
      for (Class<?> subtype : c.getPermittedSubclasses()) {
        recordTypes(subtype, found);
      }
    } else if (type instanceof Class<?> c && c.isRecord() && found.add(c)) {
      for (RecordComponent component : c.getRecordComponents()) {
        recordTypes(component.getGenericType(), found);
      }
    }
    return found;
  }
}
