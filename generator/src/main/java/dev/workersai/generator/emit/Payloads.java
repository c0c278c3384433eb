package dev.workersai.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.workersai.catalog.schema.EnumType;
import dev.workersai.catalog.schema.ObjectType;
import dev.workersai.catalog.schema.Property;
import dev.workersai.catalog.schema.ScalarType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/** The {@code toPayload()} overrides of inputs that are not sent as a JSON body. */
final class Payloads {
  private Payloads() {}

  /**
   * For an input with a {@code {body, contentType}} property: the bytes as the body, and its other
   * scalar properties as query parameters (how such models take their options over REST).
   */
  static Optional<MethodSpec> bodyPayload(ObjectType object, Map<Property, String> fields) {
    Optional<Property> body = object.properties().stream().filter(p -> RecordEmitter.isBody(p.type())).findFirst();
    if (body.isEmpty()) {
      return Optional.empty();
    }
    TypeName queryType = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), ClassName.get(String.class));
    MethodSpec.Builder m = MethodSpec.methodBuilder("toPayload").addAnnotation(Refs.OVERRIDE)
        .addModifiers(Modifier.PUBLIC).returns(Refs.REQUEST_PAYLOAD)
        .addJavadoc("$L as the request body; the other set properties as query parameters.\n", Docs.code(body.get().name()))
        .addStatement("$T query = new $T<>()", queryType, LinkedHashMap.class);
    fields.forEach((p, field) -> {
      if (p.type() instanceof ScalarType || p.type() instanceof EnumType) {
        m.beginControlFlow("if ($L != null)", field)
            .addStatement("query.put($L, $T.valueOf($L))", Docs.literal(p.name()), String.class, field)
            .endControlFlow();
      }
    });
    return Optional.of(m.addStatement("return $T.binary($L, query)", Refs.REQUEST_PAYLOAD, fields.get(body.get())).build());
  }

  /** For an input whose bytes are the whole body. */
  static MethodSpec rawPayload(String field) {
    return MethodSpec.methodBuilder("toPayload").addAnnotation(Refs.OVERRIDE)
        .addModifiers(Modifier.PUBLIC).returns(Refs.REQUEST_PAYLOAD)
        .addJavadoc("The bytes as the request body.\n")
        .addStatement("return $T.binary($L, $T.of())", Refs.REQUEST_PAYLOAD, field, Map.class).build();
  }

  /** For a {@code multipart/form-data} input. */
  static MethodSpec multipartPayload(String field) {
    return MethodSpec.methodBuilder("toPayload").addAnnotation(Refs.OVERRIDE)
        .addModifiers(Modifier.PUBLIC).returns(Refs.REQUEST_PAYLOAD)
        .addJavadoc("The fields as a {@code multipart/form-data} body.\n")
        .addStatement("return $T.multipart($L)", Refs.REQUEST_PAYLOAD, field).build();
  }
}
