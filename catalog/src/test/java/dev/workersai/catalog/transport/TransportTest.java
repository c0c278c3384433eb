package dev.workersai.catalog.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.CatalogReader;
import dev.workersai.catalog.RateLimitTable;
import dev.workersai.catalog.SharedCorpus;
import dev.workersai.catalog.schema.BinaryType;
import dev.workersai.catalog.schema.ModelReader;
import dev.workersai.catalog.schema.ModelSchemas;
import dev.workersai.catalog.schema.ModelSpec;
import dev.workersai.catalog.schema.ObjectType;
import dev.workersai.catalog.schema.Property;
import dev.workersai.catalog.schema.SchemaStats;
import dev.workersai.catalog.schema.SchemaType;
import dev.workersai.catalog.schema.UnionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The transport decision, and the typed reading of the same models agreeing with it, over the whole catalog. */
class TransportTest {
  private static final Path BUNDLED = Path.of("..", "model-schemas", "models");

  @Test
  void typedReadingAgreesWithTheTransportForEveryModel() throws IOException {
    List<CatalogModel> models = new ArrayList<>(models(BUNDLED).values());
    models.addAll(models(SharedCorpus.modelsDirectory()).values());
    assertThat(models).hasSizeGreaterThan(150);
    ModelReader reader = new ModelReader(new SchemaStats());
    int typed = 0;
    for (CatalogModel model : models) {
      ModelSpec spec = reader.read(model, RateLimitTable.empty());
      Optional<ModelSchemas> schemas = ModelSchemas.of(model);
      assertThat(spec.typed()).as(model.id()).isEqualTo(schemas.isPresent());
      if (schemas.isEmpty()) {
        continue;
      }
      typed++;
      Transport t = schemas.get().transport();
      String at = model.source().file().getFileName().toString();
      assertThat(spec.input().orElseThrow().json().isPresent()).as(at + " JSON body").isEqualTo(t.jsonBody())
          .isEqualTo(JsonForms.ofInput(schemas.get().input()).isPresent());
      assertThat(spec.output().orElseThrow().json().isPresent()).as(at + " JSON answer").isEqualTo(t.jsonAnswer())
          .isEqualTo(JsonForms.ofOutput(schemas.get().input(), schemas.get().output()).isPresent());
      assertThat(spec.acceptsBatches()).as(at + " batches").isEqualTo(t.batches());
      // Generated code sends a {body, contentType} property's bytes as the body: the field the transport names.
      assertThat(bodyFields(spec.input().orElseThrow().json())).as(at + " body field")
          .isEqualTo(t.bodyField().stream().toList());
    }
    assertThat(typed).isGreaterThan(150);
  }

  @Test
  void decidesEachKindOfModel() throws IOException {
    Map<String, CatalogModel> corpus = models(SharedCorpus.modelsDirectory());

    Transport whisper = transport(corpus, "@cf/openai/whisper");
    assertThat(whisper.jsonBody()).isTrue();
    assertThat(whisper.rawBody()).isTrue();
    assertThat(whisper.answerContentType()).isEqualTo("application/json");

    Transport nova = transport(corpus, "@cf/deepgram/nova-3");
    assertThat(nova.rawBody()).isFalse();
    assertThat(nova.bodyField()).hasValue("audio");
    assertThat(nova.acceptsBytes()).isTrue();

    Transport flux2 = transport(corpus, "@cf/black-forest-labs/flux-2-dev");
    assertThat(flux2.multipart()).isTrue();
    assertThat(flux2.jsonBody()).isFalse();

    Transport sdxl = transport(corpus, "@cf/stabilityai/stable-diffusion-xl-base-1.0");
    assertThat(sdxl.acceptsBytes()).isFalse(); // its image input is a uint8 array inside the JSON
    assertThat(sdxl.jsonAnswer()).isFalse();
    assertThat(sdxl.answerContentType()).isEqualTo("image/png");

    Transport melo = transport(corpus, "@cf/myshell-ai/melotts");
    assertThat(melo.binaryAnswer()).hasValue("audio/mpeg");
    assertThat(melo.answerContentType()).isEqualTo("application/json");

    Transport llama = transport(corpus, "@cf/meta/llama-3.3-70b-instruct-fp8-fast");
    assertThat(llama.stream()).isTrue();
    assertThat(llama.batchForm()).isTrue();
    assertThat(llama.answerContentType()).isEqualTo("application/json");

    // Published without a schema: the task's common one, which streams.
    assertThat(transport(corpus, "@cf/qwen/qwq-32b").stream()).isTrue();
    // No batch form in its schema, but the catalog says async_queue.
    Transport aura = transport(corpus, "@cf/deepgram/aura-1");
    assertThat(aura.batchForm()).isFalse();
    assertThat(aura.batches()).isTrue();
  }

  @Test
  void jsonFormsLeaveOutWhatIsNotJson() throws IOException {
    Map<String, CatalogModel> corpus = models(SharedCorpus.modelsDirectory());
    JsonNode llama = JsonForms.ofInput(schemas(corpus, "@cf/meta/llama-3.3-70b-instruct-fp8-fast").input()).orElseThrow();
    assertThat(llama.path("oneOf")).extracting(b -> b.path("title").asText()).containsExactly("Prompt", "Messages");

    JsonNode resnet = JsonForms.ofInput(schemas(corpus, "@cf/microsoft/resnet-50").input()).orElseThrow();
    assertThat(resnet.path("oneOf")).hasSize(1);
    assertThat(resnet.path("oneOf").get(0).path("properties").has("image")).isTrue();

    assertThat(JsonForms.ofInput(schemas(corpus, "@cf/black-forest-labs/flux-2-dev").input())).isEmpty();
    ModelSchemas sdxl = schemas(corpus, "@cf/stabilityai/stable-diffusion-xl-base-1.0");
    assertThat(JsonForms.ofOutput(sdxl.input(), sdxl.output())).isEmpty();

    ModelSchemas qwen = schemas(corpus, "@cf/qwen/qwen3-30b-a3b-fp8");
    JsonNode answer = JsonForms.ofOutput(qwen.input(), qwen.output()).orElseThrow();
    assertThat(answer.path("oneOf")).hasSize(2)
        .allSatisfy(b -> assertThat(b.path("properties").has("request_id")).isFalse());
  }

  @Test
  void aFormAloneIsTheModelsOwn() throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode batchShape = json.readTree("{\"properties\": {\"requests\": {\"type\": \"array\"}}}");
    JsonNode ackShape = json.readTree("{\"properties\": {\"request_id\": {\"type\": \"string\"}}}");
    JsonNode undeclaredBinary = json.readTree("{\"type\": \"string\", \"format\": \"binary\"}");

    Transport t = Transport.of(batchShape, undeclaredBinary, false);
    assertThat(t.jsonBody()).isTrue();
    assertThat(t.batches()).isFalse();
    assertThat(t.stream()).isFalse(); // no "stream" input: the bytes are the answer
    assertThat(t.answerContentType()).isEqualTo("application/octet-stream");
    assertThat(Transport.of(batchShape, ackShape, false).jsonAnswer()).isTrue();

    JsonNode onlyNull = json.readTree("{\"type\": \"object\", \"oneOf\": [{\"type\": \"null\"}]}");
    assertThat(Transport.of(onlyNull, ackShape, false).jsonBody()).isTrue();
    assertThat(JsonForms.ofInput(onlyNull)).hasValue(onlyNull);
  }

  private static List<String> bodyFields(Optional<SchemaType> json) {
    List<String> fields = new ArrayList<>();
    List<SchemaType> forms = json.map(t -> t instanceof UnionType u
        ? u.branches().stream().map(UnionType.Branch::type).toList() : List.of(t)).orElse(List.of());
    for (SchemaType form : forms) {
      if (form instanceof ObjectType object) {
        object.properties().stream()
            .filter(p -> p.type() instanceof BinaryType b && b.encoding() == BinaryType.Encoding.BODY)
            .map(Property::name).findFirst().filter(f -> !fields.contains(f)).ifPresent(fields::add);
      }
    }
    return fields;
  }

  private static Transport transport(Map<String, CatalogModel> models, String id) {
    return schemas(models, id).transport();
  }

  private static ModelSchemas schemas(Map<String, CatalogModel> models, String id) {
    assertThat(models).containsKey(id);
    return ModelSchemas.of(models.get(id)).orElseThrow();
  }

  /** The models of a folder by id; of two files for one id, the first in file-name order. */
  static Map<String, CatalogModel> models(Path folder) throws IOException {
    Map<String, CatalogModel> models = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> CatalogReader.isModelFileName(f.getFileName().toString())).sorted().toList()) {
        CatalogModel model = CatalogReader.readModel(file);
        models.putIfAbsent(model.id(), model);
      }
    }
    return models;
  }
}
