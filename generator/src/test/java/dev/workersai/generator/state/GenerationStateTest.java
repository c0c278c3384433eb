package dev.workersai.generator.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workersai.catalog.CatalogReader;
import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.write.Digests;
import dev.workersai.generator.write.FileHashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationStateTest {
  private static final FileTime OLD = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
  private static final FileTime NEWER = FileTime.from(Instant.parse("2026-01-02T00:00:00Z"));
  @TempDir Path temp;
  private Path schemas;
  private Path output;
  private Path stateFile;
  private Path stampsFile;

  @BeforeEach
  void snapshot() throws IOException {
    schemas = Files.createDirectories(temp.resolve("model-schemas/models")).getParent();
    Files.writeString(schemas.resolve("models/a.json"), "{\"name\":\"@cf/x/a\"}");
    Files.writeString(schemas.resolve("rate-limits.json"), "{}");
    output = Files.createDirectories(temp.resolve("out/dev/workersai/models"));
    Files.writeString(output.resolve("A.java"), "class A {}");
    stateFile = temp.resolve("target/workers-ai/state-v2.properties");
    stampsFile = temp.resolve("target/workers-ai/file-stamps.tsv");
  }

  @Test
  void sameInputsAndUntouchedOutputNeedNoRun() {
    record(request());

    assertThat(current(request()).reasonToGenerate(GenerationState.load(stateFile), output)).isEmpty();
  }

  @Test
  void noStoredStateMeansARun() {
    assertThat(current(request()).reasonToGenerate(GenerationState.load(stateFile), output))
        .hasValue("there is no record of an earlier run");
  }

  @Test
  void noRecordIsAReasonKnownWithoutTheInputsAndTheSameOneTheFullCheckGives() throws IOException {
    assertThat(GenerationState.noRecord(GenerationState.load(stateFile)))
        .isEqualTo(current(request()).reasonToGenerate(GenerationState.load(stateFile), output)).isPresent();

    Files.createDirectories(stateFile.getParent());
    Files.writeString(stateFile, "version=1\n");   // an older format is no record either
    assertThat(GenerationState.noRecord(GenerationState.load(stateFile))).hasValue("there is no record of an earlier run");

    record(request());
    assertThat(GenerationState.noRecord(GenerationState.load(stateFile))).isEmpty();
  }

  @Test
  void onlyAModelFileMakesInputsWithModels() {
    assertThat(GenerationState.hasModelFiles(request().inputs())).isTrue();
    assertThat(GenerationState.hasModelFiles(List.of(schemas.resolve("rate-limits.json")))).isFalse();
    assertThat(GenerationState.hasModelFiles(List.of())).isFalse();
  }

  @Test
  void namesTheSchemaFilesThatChanged() throws IOException {
    record(request());
    Files.writeString(schemas.resolve("models/a.json"), "{\"name\":\"@cf/x/a\",\"task\":\"Translation\"}");
    Files.writeString(schemas.resolve("models/b.json"), "{\"name\":\"@cf/x/b\"}");
    Files.delete(schemas.resolve("rate-limits.json"));

    assertThat(current(request()).reasonToGenerate(GenerationState.load(stateFile), output))
        .hasValue("schema files changed: models/a.json modified, models/b.json added, rate-limits.json removed");
  }

  @Test
  void theTypeNameLockAndAReplacementRateLimitTableAreInputs() throws IOException {
    Path limits = Files.writeString(temp.resolve("limits.json"), "{}");
    GenerationRequest withLimits = new GenerationRequest(schemas, output, "dev.workersai.models", List.of(), List.of(),
        List.of(), Optional.of(limits));
    record(withLimits);
    Files.writeString(limits, "{\"taskDefaults\":{}}");
    Files.writeString(schemas.resolve("models/" + CatalogReader.TYPE_NAMES_FILE), "{}");

    assertThat(current(withLimits).reasonToGenerate(GenerationState.load(stateFile), output))
        .hasValue("schema files changed: " + limits.toAbsolutePath().normalize() + " modified, models/type-names.json added");
  }

  @Test
  void namesTheOptionThatChanged() {
    record(request());
    GenerationRequest other = new GenerationRequest(schemas, output, "com.example", List.of(), List.of(), List.of(),
        Optional.empty());

    assertThat(current(other).reasonToGenerate(GenerationState.load(stateFile), output))
        .hasValue("the configuration changed (packageName)");
  }

  /**
   * Every component of the request, present and future, is part of the check: changing any one of
   * them alone asks for a run naming it. A component of a type this test cannot vary fails here, as
   * it does in the state (which refuses a type it has no rule for).
   */
  @Test
  void everyRequestComponentIsPartOfTheCheck() throws Exception {
    GenerationRequest base = request();
    record(base);
    RecordComponent[] components = GenerationRequest.class.getRecordComponents();
    assertThat(components).hasSizeGreaterThanOrEqualTo(7);
    for (int i = 0; i < components.length; i++) {
      Object[] values = new Object[components.length];
      for (int j = 0; j < components.length; j++) {
        values[j] = components[j].getAccessor().invoke(base);
      }
      values[i] = otherValue(components[i]);
      Class<?>[] types = java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
      GenerationRequest changed = GenerationRequest.class.getDeclaredConstructor(types).newInstance(values);

      String name = components[i].getName();
      assertThat(current(changed).reasonToGenerate(GenerationState.load(stateFile), output))
          .as(name)
          .hasValueSatisfying(reason -> assertThat(reason).contains(name));
    }
  }

  private Object otherValue(RecordComponent component) throws IOException {
    Class<?> type = component.getType();
    if (type == Path.class) {
      return Files.createDirectories(temp.resolve("other-" + component.getName()));
    }
    if (type == String.class) {
      return "com.other";
    }
    if (type == List.class) {
      return List.of("x");
    }
    if (type == Optional.class) {
      return Optional.of(temp.resolve("other.json"));
    }
    throw new AssertionError("GenerationRequest." + component.getName() + " has a type (" + type.getName()
        + ") this test cannot vary: teach GenerationState#text and this test about it");
  }

  @Test
  void listsThatJoinAlikeStillDiffer() {
    GenerationRequest one = new GenerationRequest(schemas, output, "p", List.of("a,b"), List.of(), List.of(), Optional.empty());
    GenerationRequest two = new GenerationRequest(schemas, output, "p", List.of("a", "b"), List.of(), List.of(), Optional.empty());

    assertThat(GenerationState.configuration(one)).isNotEqualTo(GenerationState.configuration(two));
  }

  @Test
  void aNewToolVersionMeansARun() {
    record(request());
    GenerationState newer = GenerationState.ofInputs("0.2.0", request());

    assertThat(newer.reasonToGenerate(GenerationState.load(stateFile), output)).get().asString().contains("0.1.0 -> 0.2.0");
  }

  @Test
  void anEditedOrDeletedGeneratedFileMeansARun() throws IOException {
    record(request());
    Files.writeString(output.resolve("A.java"), "class A { int edited; }");

    assertThat(current(request()).reasonToGenerate(GenerationState.load(stateFile), output)).get().asString()
        .contains("were edited or deleted");

    record(request());
    Files.delete(output.resolve("A.java"));
    assertThat(current(request()).reasonToGenerate(GenerationState.load(stateFile), output)).isPresent();
  }

  @Test
  void aStateFileInsideTheOutputFolderIsNotPartOfItsDigest() {
    Path inside = output.resolve(Digests.STATE_IN_OUTPUT);
    current(request()).withOutputOf(output).save(inside);

    assertThat(current(request()).reasonToGenerate(GenerationState.load(inside), output)).isEmpty();
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
    GenerationRequest odd = new GenerationRequest(schemas, output, "ü.x", List.of("@cf/meta/*, a=b:c #d\\e\nf"), List.of(),
        List.of(), Optional.empty());
    GenerationState saved = GenerationState.ofInputs("0.1.0 [jar=ab]", odd).withOutputOf(output);
    saved.save(stateFile);

    assertThat(GenerationState.load(stateFile)).contains(saved);
    assertThat(saved.reasonToGenerate(GenerationState.load(stateFile), output)).isEmpty();
  }

  @Test
  void anEqualStateSavesAsTheSameBytesWithOneCommentLineAndNoDate() throws IOException {
    GenerationState state = current(request()).withOutputOf(output);
    state.save(stateFile);
    String first = Files.readString(stateFile);
    state.save(stateFile);

    assertThat(Files.readString(stateFile)).isEqualTo(first);
    assertThat(first.lines().filter(line -> line.startsWith("#")))
        .containsExactly("#workers-ai generation, the last successful run: regenerates when any of this changes");
  }

  @Test
  void aStateFileWithoutItsFieldsCountsAsNone() throws IOException {
    Files.createDirectories(stateFile.getParent());
    Files.writeString(stateFile, "version=2\ntool=0.1.0\n");

    assertThat(GenerationState.load(stateFile)).isEqualTo(Optional.empty());
  }

  @Test
  void anUnchangedCheckReadsNoFileWhoseSizeAndTimeAreRecorded() {
    setTimes(OLD);
    recordStamped();

    FileHashes hashes = FileHashes.load(stampsFile);
    assertThat(reason(hashes)).isEmpty();
    assertThat(hashes.hashedCount()).isZero();
  }

  @Test
  void aTouchedButIdenticalFileIsReadOnceAndThenTakenByItsStamp() throws IOException {
    setTimes(OLD);
    recordStamped();
    Files.setLastModifiedTime(output.resolve("A.java"), NEWER);
    Files.setLastModifiedTime(schemas.resolve("models/a.json"), NEWER);

    FileHashes hashes = FileHashes.load(stampsFile);
    assertThat(reason(hashes)).isEmpty();
    assertThat(hashes.hashedCount()).isEqualTo(2);

    hashes.save(stampsFile);
    FileHashes next = FileHashes.load(stampsFile);
    assertThat(reason(next)).isEmpty();
    assertThat(next.hashedCount()).isZero();
  }

  @Test
  void anEditThatKeepsTheSizeButMovesTheTimeIsSeen() throws IOException {
    setTimes(OLD);
    recordStamped();
    Files.writeString(schemas.resolve("models/a.json"), "{\"name\":\"@cf/x/b\"}");   // as long as before
    Files.setLastModifiedTime(schemas.resolve("models/a.json"), NEWER);

    assertThat(reason(FileHashes.load(stampsFile))).hasValue("schema files changed: models/a.json modified");

    Files.writeString(schemas.resolve("models/a.json"), "{\"name\":\"@cf/x/a\"}");
    Files.setLastModifiedTime(schemas.resolve("models/a.json"), OLD);
    Files.writeString(output.resolve("A.java"), "class B {}");   // as long as "class A {}"
    Files.setLastModifiedTime(output.resolve("A.java"), NEWER);

    assertThat(reason(FileHashes.load(stampsFile))).get().asString().contains("were edited or deleted");
  }

  /**
   * The documented blind spot of the fast path (FileHashes, docs/plugin.md): an edit that keeps both
   * the size and the modification time recorded last time is not seen. Reading every file sees it.
   */
  @Test
  void anEditThatKeepsSizeAndTimeIsTheBlindSpot() throws IOException {
    setTimes(OLD);
    recordStamped();
    Files.writeString(output.resolve("A.java"), "class B {}");
    Files.setLastModifiedTime(output.resolve("A.java"), OLD);

    assertThat(reason(FileHashes.load(stampsFile))).isEmpty();
    assertThat(reason(FileHashes.none())).isPresent();
  }

  /** A file stamped in the clock tick the stamps were written in may change again within it unseen: it is read. */
  @Test
  void aStampAsNewAsTheStampsFileIsNotTrusted() throws IOException {
    setTimes(OLD);
    recordStamped();
    Files.setLastModifiedTime(stampsFile, OLD);   // as if the file and the stamps were written in one tick
    Files.writeString(output.resolve("A.java"), "class B {}");
    Files.setLastModifiedTime(output.resolve("A.java"), OLD);

    assertThat(reason(FileHashes.load(stampsFile))).get().asString().contains("were edited or deleted");
  }

  @Test
  void aMissingOrDamagedStampsFileMeansEveryFileIsRead() throws IOException {
    setTimes(OLD);
    recordStamped();
    Files.writeString(stampsFile, "12\tnot a time\tabc\t" + output.resolve("A.java").toAbsolutePath() + "\n\t\n");

    FileHashes damaged = FileHashes.load(stampsFile);
    assertThat(reason(damaged)).isEmpty();
    assertThat(damaged.hashedCount()).isEqualTo(3);   // two inputs, one generated file
    Files.delete(stampsFile);
    FileHashes missing = FileHashes.load(stampsFile);
    assertThat(reason(missing)).isEmpty();
    assertThat(missing.hashedCount()).isEqualTo(3);
  }

  @Test
  void theCheckRunsWithoutJacksonOnTheClassPath() throws Exception {
    // An unchanged build pays only for this check: it must not load (or even need) the JSON stack.
    URL[] ours = {location(GenerationState.class), location(CatalogReader.class)};
    try (URLClassLoader loader = new URLClassLoader(ours, ClassLoader.getPlatformClassLoader())) {
      Class<?> state = Class.forName(GenerationState.class.getName(), true, loader);
      Class<?> requestType = Class.forName(GenerationRequest.class.getName(), true, loader);
      Object request = requestType.getMethod("of", Path.class, Path.class).invoke(null, schemas, output);
      Method ofInputs = state.getMethod("ofInputs", String.class, requestType);
      Method withOutputOf = state.getMethod("withOutputOf", Path.class);
      Method save = state.getMethod("save", Path.class);
      Method load = state.getMethod("load", Path.class);
      Method reason = state.getMethod("reasonToGenerate", Optional.class, Path.class);
      Object inputs = ofInputs.invoke(null, "0.1.0", request);
      save.invoke(withOutputOf.invoke(inputs, output), stateFile);

      assertThat(reason.invoke(inputs, load.invoke(null, stateFile), output)).isEqualTo(Optional.empty());
      assertThatThrownBy(() -> loader.loadClass("com.fasterxml.jackson.databind.ObjectMapper"))
          .isInstanceOf(ClassNotFoundException.class);
    }
  }

  private static URL location(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }

  private GenerationRequest request() {
    return GenerationRequest.of(schemas, output);
  }

  private GenerationState current(GenerationRequest request) {
    return GenerationState.ofInputs("0.1.0", request);
  }

  private void record(GenerationRequest request) {
    current(request).withOutputOf(output).save(stateFile);
  }

  /** Records as the plugin does: one {@link FileHashes} reads the inputs and the output, then its stamps are saved. */
  private void recordStamped() {
    FileHashes hashes = FileHashes.none();
    GenerationState.ofInputs("0.1.0", request(), hashes).withOutputOf(output, hashes).save(stateFile);
    hashes.save(stampsFile);
  }

  /** The plugin's check with these hashes. */
  private Optional<String> reason(FileHashes hashes) {
    return GenerationState.ofInputs("0.1.0", request(), hashes).reasonToGenerate(GenerationState.load(stateFile), output, hashes);
  }

  /** Sets every file of the snapshot and of the output to {@code time}, well before any stamps file. */
  private void setTimes(FileTime time) {
    try (Stream<Path> files = Files.walk(temp)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(file, time);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
