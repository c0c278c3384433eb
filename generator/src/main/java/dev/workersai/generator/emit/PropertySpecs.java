package dev.workersai.generator.emit;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.lang.model.element.Modifier;

/**
 * A builder's field for a property and its setter's parameter, by type and Java name, built once per
 * generation: the models repeat the same properties ({@code prompt}, {@code maxTokens},
 * {@code temperature}...) record after record, and each spec costs JavaPoet most of a kilobyte. Specs
 * are immutable, so the files rendered in parallel share them.
 */
final class PropertySpecs {
  private final Map<Key, FieldSpec> fields = new ConcurrentHashMap<>();
  private final Map<Key, ParameterSpec> parameters = new ConcurrentHashMap<>();

  /** {@code private <type> <name>;}. */
  FieldSpec privateField(TypeName type, String name) {
    Key key = new Key(type, name);
    FieldSpec spec = fields.get(key);
    return spec != null ? spec : fields.computeIfAbsent(key, k -> FieldSpec.builder(type, name, Modifier.PRIVATE).build());
  }

  /** The parameter {@code <type> <name>}, without modifiers or annotations. */
  ParameterSpec parameter(TypeName type, String name) {
    Key key = new Key(type, name);
    ParameterSpec spec = parameters.get(key);
    return spec != null ? spec : parameters.computeIfAbsent(key, k -> ParameterSpec.builder(type, name).build());
  }

  /** JavaPoet's type names are equal when they print alike (annotations included). */
  private record Key(TypeName type, String name) {}
}
