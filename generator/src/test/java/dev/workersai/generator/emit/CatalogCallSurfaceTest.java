package dev.workersai.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.Generator;
import dev.workersai.generator.Rendering;
import dev.workersai.catalog.Catalog;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.CatalogReader;
import dev.workersai.catalog.RateLimitTable;
import dev.workersai.catalog.SharedCorpus;
import dev.workersai.generator.compile.GeneratedCode;
import dev.workersai.runtime.Batch;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call surface of the real batch-capable models the issue names (llama-3.3-70b-instruct-fp8-fast,
 * kimi-k2.5, bge-base-en-v1.5), generated from the third-party catalog corpus: {@code run()} returns
 * the answer with no acknowledgement branch, no {@code Input} form carries {@code stream} or the
 * {@code requests} batch wrapper, and {@code submitBatch} takes the model's own inputs.
 */
class CatalogCallSurfaceTest {
  private static final List<String> FILES = List.of("llama-3.3-70b-instruct-fp8-fast.json", "kimi-k2.5.json",
      "bge-base-en-v1.5.json");

  @TempDir
  static Path tmp;
  private static Rendering rendering;
  private static ClassLoader classes;

  @BeforeAll
  static void compile() {
    Path corpus = SharedCorpus.modelsDirectory();
    List<CatalogModel> models = FILES.stream().map(f -> CatalogReader.readModel(corpus.resolve(f))).toList();
    rendering = Generator.render(new Catalog(models, RateLimitTable.empty()), GenerationRequest.of(tmp, tmp.resolve("unused")));
    classes = GeneratedCode.compile(rendering.files(), tmp);
  }

  @Test
  void runReturnsTheAnswerAndNoFormIsAnAcknowledgement() throws Exception {
    for (String name : List.of("meta.Llama3_3_70bInstructFp8Fast", "moonshotai.KimiK2_5", "baai.BgeBaseEnV1_5")) {
      Class<?> model = model(name);
      Class<?> output = model.getMethod("run", nested(model, "Input")).getReturnType();
      assertThat(output).as(name).isEqualTo(nested(model, "Output"));
      for (Class<?> form : forms(output)) {
        assertThat(components(form)).as(form.getName()).isNotEqualTo(List.of("request_id"));
      }
      Method submit = model.getMethod("submitBatch", List.class);
      assertThat(((ParameterizedType) submit.getGenericReturnType()).getRawType()).isEqualTo(Batch.class);
      assertThat(((ParameterizedType) submit.getGenericReturnType()).getActualTypeArguments()).as(name)
          .containsExactly(output);
    }
  }

  @Test
  void inputFormsCarryNeitherTheStreamFlagNorTheBatchWrapper() throws Exception {
    for (String name : List.of("meta.Llama3_3_70bInstructFp8Fast", "moonshotai.KimiK2_5", "baai.BgeBaseEnV1_5")) {
      for (Class<?> form : forms(nested(model(name), "Input"))) {
        assertThat(components(form)).as(form.getName()).doesNotContain("stream", "requests");
      }
    }
    String kimi = rendering.files().stream().filter(f -> f.relativePath().endsWith("KimiK2_5.java")).findFirst()
        .orElseThrow().content();
    assertThat(kimi).doesNotContain("@JsonProperty(\"requests\")");
  }

  /** The records of a type: itself, or the records reachable through a sealed interface. */
  private static List<Class<?>> forms(Class<?> type) {
    Deque<Class<?>> todo = new ArrayDeque<>(List.of(type));
    List<Class<?>> out = new java.util.ArrayList<>();
    while (!todo.isEmpty()) {
      Class<?> c = todo.pop();
      if (c.isRecord()) {
        out.add(c);
      } else if (c.isSealed()) {
        todo.addAll(Arrays.asList(c.getPermittedSubclasses()));
      }
    }
    return out;
  }

  private static List<String> components(Class<?> record) {
    return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
  }

  private static Class<?> model(String name) throws ClassNotFoundException {
    return classes.loadClass(GenerationRequest.DEFAULT_PACKAGE + "." + name);
  }

  private static Class<?> nested(Class<?> owner, String simpleName) {
    return Arrays.stream(owner.getClasses()).filter(c -> c.getSimpleName().equals(simpleName)).findFirst().orElseThrow();
  }
}
