package dev.workersai.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive folder's bookkeeping: keys, what a run is told to do, storing, pruning, a folder it cannot write. */
class ClassDataCacheTest {
  private static final List<String> FLAGS = List.of("-XX:+UseSerialGC", "-Xmx512m");
  @TempDir Path temp;
  private final List<String> debug = new ArrayList<>();
  private Path folder;
  private ClassDataCache cache;
  private Path jar;
  private String classPath;

  @BeforeEach
  void jars() throws IOException {
    folder = temp.resolve("cache/cds");
    cache = new ClassDataCache(folder, new SystemStreamLog() {
      @Override
      public void debug(CharSequence content) {
        debug.add(content.toString());
      }
    });
    jar = Files.write(temp.resolve("plugin.jar"), new byte[] {1, 2, 3});
    Path other = Files.write(temp.resolve("other.jar"), new byte[] {4});
    classPath = jar + File.pathSeparator + other;
    assertThat(System.getProperty("java.vm.info")).as("the test JVM shares the JDK's classes").contains("sharing");
  }

  @Test
  void theKeyChangesWithEachJarsSizeAndTimeTheJdkAndTheFlags() throws IOException {
    List<Path> jars = List.of(jar);
    String key = ClassDataCache.key("/jdk", "17.0.15+6", jars, FLAGS);

    assertThat(key).hasSize(16).matches("[0-9a-f]+").isEqualTo(ClassDataCache.key("/jdk", "17.0.15+6", jars, FLAGS));
    assertThat(ClassDataCache.key("/jdk2", "17.0.15+6", jars, FLAGS)).as("another JDK").isNotEqualTo(key);
    assertThat(ClassDataCache.key("/jdk", "17.0.16+8", jars, FLAGS)).as("an updated JDK").isNotEqualTo(key);
    assertThat(ClassDataCache.key("/jdk", "17.0.15+6", jars, List.of("-XX:+UseSerialGC"))).as("other flags")
        .isNotEqualTo(key);
    assertThat(ClassDataCache.key("/jdk", "17.0.15+6", List.of(jar, temp.resolve("other.jar")), FLAGS))
        .as("another class path").isNotEqualTo(key);

    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
    String touched = ClassDataCache.key("/jdk", "17.0.15+6", jars, FLAGS);
    assertThat(touched).as("a jar rebuilt with the same size").isNotEqualTo(key);
    FileTime time = Files.getLastModifiedTime(jar);
    Files.write(jar, new byte[] {1, 2, 3, 4});
    Files.setLastModifiedTime(jar, time);
    assertThat(ClassDataCache.key("/jdk", "17.0.15+6", jars, FLAGS)).as("a jar of another size, same time")
        .isNotEqualTo(touched);
  }

  @Test
  void aFirstRunWritesATemporaryFileWhichBecomesTheArchive() throws IOException {
    ClassDataCache.Use first = cache.prepare(classPath, FLAGS);

    Path temporary = first.pending().orElseThrow().temporary();
    assertThat(temporary.getParent()).isEqualTo(folder);
    assertThat(first.flags()).containsExactly("-Xlog:cds*=off", "-XX:ArchiveClassesAtExit=" + temporary);

    Files.write(temporary, new byte[1234]);   // what the JVM writes as it exits
    first.pending().get().store();

    String key = ClassDataCache.key(System.getProperty("java.home"), System.getProperty("java.vm.version"),
        List.of(jar, temp.resolve("other.jar")), FLAGS);
    Path archive = folder.resolve(key + "-1234.jsa");
    assertThat(files()).containsExactly(archive);
    ClassDataCache.Use second = cache.prepare(classPath, FLAGS);
    assertThat(second.pending()).isEmpty();
    assertThat(second.flags()).containsExactly("-Xlog:cds*=off", "-XX:SharedArchiveFile=" + archive);
    assertThat(cache.prepare(classPath, List.of("-Xmx1g")).pending()).as("other flags, another archive").isPresent();
  }

  @Test
  void whenAnotherBuildStoredTheArchiveFirstOursIsDropped() throws IOException {
    ClassDataCache.Use ours = cache.prepare(classPath, FLAGS);
    ClassDataCache.Use theirs = cache.prepare(classPath, FLAGS);
    Files.write(ours.pending().orElseThrow().temporary(), new byte[10]);
    Files.write(theirs.pending().orElseThrow().temporary(), new byte[20]);

    theirs.pending().get().store();
    ours.pending().get().store();

    assertThat(files()).singleElement().asString().endsWith("-20.jsa");
  }

  @Test
  void aFailedRunLeavesNothing() throws IOException {
    ClassDataCache.Use failed = cache.prepare(classPath, FLAGS);
    Files.write(failed.pending().orElseThrow().temporary(), new byte[10]);

    failed.pending().get().discard();

    assertThat(files()).isEmpty();
  }

  @Test
  void anArchiveWhoseLengthIsNotTheOneInItsNameIsDeletedAndWrittenAgain() throws IOException {
    Path archive = stored(100);
    Files.write(archive, new byte[50]);   // truncated: the JVM would map past its end and crash

    ClassDataCache.Use again = cache.prepare(classPath, FLAGS);

    assertThat(again.pending()).isPresent();
    assertThat(archive).doesNotExist();
  }

  @Test
  void storingKeepsTheMostRecentlyUsedArchivesAndDropsAbandonedTemporaryFiles() throws IOException {
    Files.createDirectories(folder);
    Instant now = Instant.now();
    for (int i = 1; i <= 6; i++) {
      Path old = Files.write(folder.resolve("old" + i + "-1.jsa"), new byte[1]);
      Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofDays(i))));
    }
    Path abandoned = Files.write(folder.resolve("x-1.tmp"), new byte[1]);
    Files.setLastModifiedTime(abandoned, FileTime.from(now.minus(Duration.ofHours(2))));
    Files.write(folder.resolve("y-1.tmp"), new byte[1]);
    ClassDataCache.Use used = cache.prepare(classPath, FLAGS);
    Files.write(used.pending().orElseThrow().temporary(), new byte[10]);

    used.pending().get().store();

    List<String> names = files().stream().map(file -> file.getFileName().toString()).toList();
    assertThat(names).as("the new archive, the 3 most recently used, and the temporary file another JVM may still write")
        .hasSize(5).contains("old1-1.jsa", "old2-1.jsa", "old3-1.jsa", "y-1.tmp").anyMatch(name -> name.endsWith("-10.jsa"));
  }

  @Test
  void usingAnArchiveMarksItRecentlyUsed() throws IOException {
    Path archive = stored(10);
    FileTime old = FileTime.from(Instant.now().minus(Duration.ofDays(3)));
    Files.setLastModifiedTime(archive, old);

    cache.prepare(classPath, FLAGS);

    assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(old);
  }

  @Test
  void aFolderThatCannotBeCreatedMeansNoArchiveAndADebugLine() throws IOException {
    Files.write(temp.resolve("cache"), new byte[0]);   // a file where the folder's parent should be: even root cannot

    ClassDataCache.Use use = cache.prepare(classPath, FLAGS);

    assertThat(use).isEqualTo(ClassDataCache.Use.NONE);
    assertThat(debug).singleElement().asString().startsWith("No class data archive for the forked JVM: cannot write "
        + folder);
  }

  @Test
  void aClassPathFolderMeansNoArchive() {
    ClassDataCache.Use use = cache.prepare(classPath + File.pathSeparator + temp, FLAGS);

    assertThat(use).isEqualTo(ClassDataCache.Use.NONE);
    assertThat(debug).singleElement().asString().contains(temp + ", which is not a jar");
    assertThat(folder).doesNotExist();
  }

  /** The archive a first run stores when its JVM wrote {@code size} bytes. */
  private Path stored(int size) throws IOException {
    ClassDataCache.Use first = cache.prepare(classPath, FLAGS);
    Files.write(first.pending().orElseThrow().temporary(), new byte[size]);
    first.pending().get().store();
    assertThat(files()).hasSize(1);
    return files().get(0);
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().toList();
    }
  }
}
