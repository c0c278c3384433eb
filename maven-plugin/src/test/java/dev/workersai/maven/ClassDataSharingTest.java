package dev.workersai.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.build.ChildArguments;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class data archive with real child JVMs ({@link ScriptedChild}, from jars: the JVM archives
 * classes from jars only): the first run stores it, the next maps its classes from it, and no JVM
 * line about archives reaches the build log, whatever state the archive is in.
 */
class ClassDataSharingTest {
  /** What the "talk" scenario logs: nothing more may appear. */
  private static final List<String> TALK = List.of("info first\nsecond \\ line", "warn careful: ünïcødé",
      "debug details", "warn [forked JVM] not a protocol line",
      "warn [forked JVM] OpenJDK 64-Bit Server VM warning: something");

  @TempDir Path temp;
  private final List<String> log = new ArrayList<>();
  private final List<String> commands = new ArrayList<>();
  private Path folder;
  private String classPath;
  private ForkedGeneration forked;

  @BeforeEach
  void jarredClassPath() throws IOException {
    List<String> jars = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      jars.add(Files.isDirectory(path) ? jar(path, temp.resolve("jars/" + jars.size() + ".jar")).toString() : entry);
    }
    classPath = String.join(File.pathSeparator, jars);
    folder = temp.resolve("cds");
    SystemStreamLog testLog = new SystemStreamLog() {
      @Override
      public void info(CharSequence content) {
        log.add("info " + content);
      }

      @Override
      public void warn(CharSequence content) {
        log.add("warn " + content);
      }

      @Override
      public void debug(CharSequence content) {
        if (content.toString().startsWith("Forking: ")) {
          commands.add(content.toString().substring("Forking: ".length()));
        } else if (content.toString().startsWith("details")) {
          log.add("debug " + content);
        }
      }
    };
    forked = new ForkedGeneration(testLog, ChildJvm.java(), ScriptedChild.class, classPath,
        Optional.of(new ClassDataCache(folder, testLog)));
  }

  @Test
  void theFirstRunStoresTheArchiveAndTheNextMapsItsClassesFromIt() throws Exception {
    assertThat(forked.run(scenario("talk"), temp)).isTrue();

    Path archive = onlyArchive();
    assertThat(log).containsExactlyInAnyOrderElementsOf(TALK);
    assertThat(commands).singleElement().asString().contains(" -XX:ArchiveClassesAtExit=" + folder);
    log.clear();

    assertThat(forked.run(scenario("talk"), temp)).isTrue();

    assertThat(log).containsExactlyInAnyOrderElementsOf(TALK);
    assertThat(onlyArchive()).isEqualTo(archive);
    String command = commands.get(1);
    assertThat(command).contains(" -XX:SharedArchiveFile=" + archive + " ");
    // The same command, logging where each class came from: the child's own class from the archive.
    List<String> loading = new ArrayList<>(Arrays.asList(command.split(" ")));
    loading.add(1, "-Xlog:class+load");
    assertThat(output(loading)).contains(ScriptedChild.class.getName() + " source: shared objects file (top)");
  }

  @Test
  void anArchiveForAnotherClassPathIsIgnoredWithoutAWord() throws Exception {
    forked.run(scenario("talk"), temp);
    Path archive = onlyArchive();
    Path jar = Arrays.stream(classPath.split(File.pathSeparator)).map(Path::of).filter(entry -> entry.startsWith(temp))
        .findFirst().orElseThrow();
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));   // the jar was rebuilt
    String key = ClassDataCache.key(System.getProperty("java.home"), System.getProperty("java.vm.version"),
        Arrays.stream(classPath.split(File.pathSeparator)).map(Path::of).toList(),
        ChildJvm.flags(Runtime.getRuntime().maxMemory()));
    // Under the new key, an archive the JVM rejects: made for the jar as it was.
    Path stale = Files.move(archive, folder.resolve(key + "-" + Files.size(archive) + ".jsa"));
    log.clear();

    assertThat(forked.run(scenario("talk"), temp)).isTrue();

    assertThat(commands.get(1)).contains(" -XX:SharedArchiveFile=" + stale + " ");
    assertThat(log).containsExactlyInAnyOrderElementsOf(TALK);
  }

  @Test
  void aTruncatedArchiveIsReplacedNotMapped() throws Exception {
    forked.run(scenario("talk"), temp);
    Path archive = onlyArchive();
    byte[] bytes = Files.readAllBytes(archive);
    archive.toFile().setWritable(true);
    Files.write(archive, Arrays.copyOf(bytes, bytes.length / 2));   // mapped, it would crash the JVM (SIGBUS)
    log.clear();

    assertThat(forked.run(scenario("talk"), temp)).isTrue();

    assertThat(log).containsExactlyInAnyOrderElementsOf(TALK);
    assertThat(commands.get(1)).contains(" -XX:ArchiveClassesAtExit=");
    assertThat(Files.size(onlyArchive())).isEqualTo(bytes.length);
  }

  @Test
  void aGarbageArchiveIsIgnoredWithoutAWord() throws Exception {
    forked.run(scenario("talk"), temp);
    Path archive = onlyArchive();
    archive.toFile().setWritable(true);
    Files.write(archive, new byte[(int) Files.size(archive)]);
    log.clear();

    assertThat(forked.run(scenario("talk"), temp)).isTrue();

    assertThat(commands.get(1)).contains(" -XX:SharedArchiveFile=" + archive + " ");
    assertThat(log).containsExactlyInAnyOrderElementsOf(TALK);
  }

  @Test
  void aRunThatFailsStoresNothing() throws Exception {
    assertThatThrownBy(() -> forked.run(scenario("fail"), temp)).isExactlyInstanceOf(MojoFailureException.class);

    assertThat(folder).isEmptyDirectory();
  }

  @Test
  void aRunThatDiesWhileStoringIsRunOnceMoreWithoutTheArchive() throws Exception {
    assertThatThrownBy(() -> forked.run(scenario("die"), temp)).isExactlyInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("The forked generation JVM exited with status 3");

    assertThat(commands).hasSize(2);
    assertThat(commands.get(0)).contains(" -XX:ArchiveClassesAtExit=");
    assertThat(commands.get(1)).doesNotContain("Archive");
    assertThat(folder).isEmptyDirectory();
  }

  private Path onlyArchive() throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> all = files.toList();
      assertThat(all).as("one archive, no temporary file").singleElement().asString().endsWith(".jsa");
      return all.get(0);
    }
  }

  private ChildArguments scenario(String name) {
    GenerationRequest request = new GenerationRequest(temp.resolve("s"), temp.resolve("o"), name, List.of(), List.of(),
        List.of(), Optional.empty());
    return new ChildArguments(request, "t", temp.resolve("state"), temp.resolve("stamps"));
  }

  private static String output(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    return output;
  }

  private static Path jar(Path classes, Path jar) throws IOException {
    Files.createDirectories(jar.getParent());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new ZipEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
        Files.copy(file, (OutputStream) out);
        out.closeEntry();
      }
    }
    return jar;
  }
}
