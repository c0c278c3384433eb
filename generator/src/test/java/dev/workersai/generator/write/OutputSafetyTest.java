package dev.workersai.generator.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder changes all together or not at all, and only where the generator owns the files. */
class OutputSafetyTest {
  private static final String HEADER = OutputWriter.GENERATED_MARK + " from x.json; do not edit.\n";

  @Test
  void aWriteErrorPartWayLeavesAFreshFolderUncreated(@TempDir Path tmp) {
    Path out = tmp.resolve("new/out");
    List<SourceFile> files = List.of(source("a/A.java", "class A {}"), source("b/" + "B".repeat(300) + ".java", "class B {}"));
    assertThatThrownBy(() -> OutputWriter.write(out, files)).isInstanceOf(UncheckedIOException.class);
    assertThat(tmp.resolve("new")).doesNotExist();
  }

  @Test
  void aWriteErrorPartWayLeavesAnEarlierGenerationAsItWas(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("out");
    OutputWriter.write(out, List.of(source("a/A.java", "class A {}"), source("old/Old.java", "class Old {}")));
    String before = snapshot(out);
    List<SourceFile> files = List.of(source("a/A.java", "class A { int x; }"), source("c/C.java", "class C {}"),
        source("d/" + "D".repeat(300) + ".java", "class D {}"));
    assertThatThrownBy(() -> OutputWriter.write(out, files)).isInstanceOf(UncheckedIOException.class);
    assertThat(snapshot(out)).isEqualTo(before);
  }

  @Test
  void aFailureWhileMovingFilesInPutsBackEveryFileAndRemovesNewFolders(@TempDir Path tmp) throws Exception {
    Path a = Files.createDirectories(tmp.resolve("a")).resolve("A.java");
    Files.writeString(a, "old");
    String before = snapshot(tmp);
    FileTransaction changes = new FileTransaction();
    changes.write(a, "new".getBytes(StandardCharsets.UTF_8));
    changes.write(tmp.resolve("b/c/B.java"), "b".getBytes(StandardCharsets.UTF_8));
    changes.delete(tmp.resolve("a/Missing.java"));
    assertThatThrownBy(changes::commit).isInstanceOf(NoSuchFileException.class);
    assertThat(snapshot(tmp)).isEqualTo(before);
  }

  @Test
  void aHandWrittenFileAtAGeneratedPathIsNeverOverwritten(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("src/main/java");
    Path mine = Files.createDirectories(out.resolve("dev/workersai/models/meta")).resolve("Llama3_1_8bInstruct.java");
    Files.writeString(mine, "class Llama3_1_8bInstruct {} // mine\n");
    List<SourceFile> files = List.of(source("dev/workersai/models/a/A.java", "class A {}"),
        source("dev/workersai/models/meta/Llama3_1_8bInstruct.java", "class Llama3_1_8bInstruct {}"));
    assertThatThrownBy(() -> OutputWriter.write(out, files)).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(mine.toString()).hasMessageContaining("not written by the generator");
    assertThat(Files.readString(mine)).isEqualTo("class Llama3_1_8bInstruct {} // mine\n");
    assertThat(out.resolve("dev/workersai/models/a")).doesNotExist();
    assertThat(out.resolve(OutputWriter.MANIFEST)).doesNotExist();
  }

  @Test
  void aManifestEntryForAFileWithoutTheHeaderIsKeptNotDeleted(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("out");
    OutputWriter.write(out, List.of(source("a/A.java", "class A {}"), source("a/B.java", "class B {}")));
    Files.writeString(out.resolve("a/B.java"), "class B {} // taken over by hand\n");
    WriteResult result = OutputWriter.write(out, List.of(source("a/A.java", "class A {}")));
    assertThat(result.deleted()).isZero();
    assertThat(result.kept()).containsExactly("a/B.java");
    assertThat(out.resolve("a/B.java")).exists();
    assertThat(Files.readString(out.resolve(OutputWriter.MANIFEST))).doesNotContain("a/B.java");
  }

  @Test
  void aManifestEntryReachingThroughALinkDeletesNothingOutside(@TempDir Path tmp) throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Path victim = Files.writeString(outside.resolve("Victim.java"), HEADER + "class Victim {}\n");
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.createSymbolicLink(out.resolve("link"), outside);
    Files.writeString(out.resolve(OutputWriter.MANIFEST), "link/Victim.java\n");
    WriteResult result = OutputWriter.write(out, List.of(source("a/A.java", "class A {}")));
    assertThat(result.deleted()).isZero();
    assertThat(victim).exists();
  }

  @Test
  void aGeneratedPathThroughALinkIsRefusedAndNothingIsWritten(@TempDir Path tmp) throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.createSymbolicLink(out.resolve("dev"), outside);
    List<SourceFile> files = List.of(source("a/A.java", "class A {}"), source("dev/B.java", "class B {}"));
    assertThatThrownBy(() -> OutputWriter.write(out, files)).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("symbolic link");
    try (Stream<Path> inside = Files.list(outside)) {
      assertThat(inside).isEmpty();
    }
    assertThat(out.resolve("a")).doesNotExist();
  }

  private static SourceFile source(String path, String body) {
    return new SourceFile(path, HEADER + body + "\n");
  }

  /** Every file and folder below {@code dir} with its content, one line each. */
  private static String snapshot(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      StringBuilder out = new StringBuilder();
      for (Path p : all.sorted().toList()) {
        out.append(dir.relativize(p)).append(Files.isRegularFile(p) ? " = " + Files.readString(p) : "/").append('\n');
      }
      return out.toString();
    }
  }
}
