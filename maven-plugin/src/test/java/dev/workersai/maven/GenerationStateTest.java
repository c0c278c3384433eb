package dev.workersai.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workersai.catalog.CatalogReader;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationStateTest {
  private static final Map<String, String> CONFIG = Map.of("packageName", "dev.workersai.models", "includes", "");

  @TempDir Path temp;
  private Path schemas;
  private Path output;
  private Path stateFile;

  @BeforeEach
  void snapshot() throws IOException {
    schemas = Files.createDirectories(temp.resolve("model-schemas/models")).getParent();
    Files.writeString(schemas.resolve("models/a.json"), "{\"name\":\"@cf/x/a\"}");
    Files.writeString(schemas.resolve("rate-limits.json"), "{}");
    output = Files.createDirectories(temp.resolve("out/dev/workersai/models"));
    Files.writeString(output.resolve("A.java"), "class A {}");
    stateFile = temp.resolve("target/workers-ai/state-v2.properties");
  }

  @Test
  void sameInputsAndUntouchedOutputNeedNoRun() {
    record(CONFIG);

    assertThat(current(CONFIG).reasonToGenerate(GenerationState.load(stateFile), output)).isEmpty();
  }

  @Test
  void noStoredStateMeansARun() {
    assertThat(current(CONFIG).reasonToGenerate(GenerationState.load(stateFile), output))
        .hasValue("there is no record of an earlier run");
  }

  @Test
  void namesTheSchemaFilesThatChanged() throws IOException {
    record(CONFIG);
    Files.writeString(schemas.resolve("models/a.json"), "{\"name\":\"@cf/x/a\",\"task\":\"Translation\"}");
    Files.writeString(schemas.resolve("models/b.json"), "{\"name\":\"@cf/x/b\"}");
    Files.delete(schemas.resolve("rate-limits.json"));

    assertThat(current(CONFIG).reasonToGenerate(GenerationState.load(stateFile), output))
        .hasValue("schema files changed: models/a.json modified, models/b.json added, rate-limits.json removed");
  }

  @Test
  void namesTheOptionThatChanged() {
    record(CONFIG);

    assertThat(current(Map.of("packageName", "com.example", "includes", "")).reasonToGenerate(GenerationState.load(stateFile), output))
        .hasValue("the configuration changed (packageName)");
  }

  @Test
  void aNewPluginVersionMeansARun() {
    record(CONFIG);
    GenerationState newer = GenerationState.ofInputs("0.2.0", CONFIG, schemas);

    assertThat(newer.reasonToGenerate(GenerationState.load(stateFile), output)).get().asString().contains("0.1.0 -> 0.2.0");
  }

  @Test
  void anEditedOrDeletedGeneratedFileMeansARun() throws IOException {
    record(CONFIG);
    Files.writeString(output.resolve("A.java"), "class A { int edited; }");

    assertThat(current(CONFIG).reasonToGenerate(GenerationState.load(stateFile), output)).get().asString()
        .contains("were edited or deleted");

    record(CONFIG);
    Files.delete(output.resolve("A.java"));
    assertThat(current(CONFIG).reasonToGenerate(GenerationState.load(stateFile), output)).isPresent();
  }

  @Test
  void anUnreadableStateFileCountsAsNone() throws IOException {
    Files.createDirectories(stateFile.getParent());
    Files.writeString(stateFile, "{ half a fil");

    assertThat(GenerationState.load(stateFile)).isEqualTo(Optional.empty());
  }

  @Test
  void pathsAndValuesWithSeparatorsRoundTrip() throws IOException {
    Files.writeString(schemas.resolve("models/odd = name: #1 ü.json"), "{}");
    Map<String, String> config = Map.of("includes", "@cf/meta/*, a=b:c #d\\e\nf", "packageName", "ü.x");
    GenerationState saved = GenerationState.ofInputs("0.1.0 [jar=ab]", config, schemas).withOutputOf(output);
    saved.save(stateFile);

    assertThat(GenerationState.load(stateFile)).contains(saved);
    assertThat(saved.reasonToGenerate(GenerationState.load(stateFile), output)).isEmpty();
  }

  @Test
  void aStateFileWithoutItsFieldsCountsAsNone() throws IOException {
    Files.createDirectories(stateFile.getParent());
    Files.writeString(stateFile, "version=2\nplugin=0.1.0\n");

    assertThat(GenerationState.load(stateFile)).isEqualTo(Optional.empty());
  }

  @Test
  void theCheckRunsWithoutJacksonOnTheClassPath() throws Exception {
    // An unchanged build pays only for this check: it must not load (or even need) the JSON stack.
    URL[] ours = {location(GenerationState.class), location(CatalogReader.class)};
    try (URLClassLoader loader = new URLClassLoader(ours, ClassLoader.getPlatformClassLoader())) {
      Class<?> state = Class.forName(GenerationState.class.getName(), true, loader);
      Method ofInputs = state.getDeclaredMethod("ofInputs", String.class, Map.class, Path.class);
      Method withOutputOf = state.getDeclaredMethod("withOutputOf", Path.class);
      Method save = state.getDeclaredMethod("save", Path.class);
      Method load = state.getDeclaredMethod("load", Path.class);
      Method reason = state.getDeclaredMethod("reasonToGenerate", Optional.class, Path.class);
      for (Method m : List.of(ofInputs, withOutputOf, save, load, reason)) {
        m.setAccessible(true);
      }
      Object inputs = ofInputs.invoke(null, "0.1.0", CONFIG, schemas);
      save.invoke(withOutputOf.invoke(inputs, output), stateFile);

      assertThat(reason.invoke(inputs, load.invoke(null, stateFile), output)).isEqualTo(Optional.empty());
      assertThatThrownBy(() -> loader.loadClass("com.fasterxml.jackson.databind.ObjectMapper"))
          .isInstanceOf(ClassNotFoundException.class);
    }
  }

  private static URL location(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }

  private GenerationState current(Map<String, String> config) {
    return GenerationState.ofInputs("0.1.0", config, schemas);
  }

  private void record(Map<String, String> config) {
    current(config).withOutputOf(output).save(stateFile);
  }
}
