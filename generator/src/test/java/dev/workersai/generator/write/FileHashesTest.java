package dev.workersai.generator.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder's digest taken from the stamps file: only when the folder holds exactly the files it
 * covered, each as it was. Every case compares with {@link Digests#tree(Path)}, which reads everything.
 */
class FileHashesTest {
  private static final FileTime OLD = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

  @TempDir Path temp;
  private Path folder;
  private Path stamps;

  @BeforeEach
  void twoFilesDigestedAndSaved() throws IOException {
    folder = temp.resolve("out");
    stamps = temp.resolve("stamps.tsv");
    write("a/A.java", "class A {}");
    write("B.java", "class B {}");
    FileHashes first = FileHashes.none();
    assertThat(first.treeDigest(folder)).isEqualTo(Digests.tree(folder));
    assertThat(first.hasNewStamps()).isTrue();
    first.save(stamps);
  }

  @Test
  void anUnchangedFolderIsTakenFromTheRecordWithoutReadingOrDigesting() throws IOException {
    FileHashes next = FileHashes.load(stamps);

    assertThat(next.treeDigest(folder)).isEqualTo(Digests.tree(folder));
    assertThat(next.hashedCount()).isZero();
    assertThat(next.hasNewStamps()).isFalse();   // the digest came from the record: nothing to save
  }

  @Test
  void theToolsOwnFilesAtTheTopAreLeftOutAsTheDigestLeavesThemOut() throws IOException {
    write(Digests.STATE_IN_OUTPUT, "version=2");
    write(Digests.STAMPS_IN_OUTPUT, "");
    FileHashes next = FileHashes.load(stamps);

    assertThat(next.treeDigest(folder)).isEqualTo(Digests.tree(folder));
    assertThat(next.hasNewStamps()).isFalse();
  }

  @Test
  void aFileAddedOrDeletedIsSeen() throws IOException {
    write("a/C.java", "class C {}");
    FileHashes added = FileHashes.load(stamps);
    assertThat(added.treeDigest(folder)).isEqualTo(Digests.tree(folder));
    assertThat(added.hasNewStamps()).isTrue();

    Files.delete(folder.resolve("a/C.java"));
    Files.delete(folder.resolve("B.java"));
    assertThat(FileHashes.load(stamps).treeDigest(folder)).isEqualTo(Digests.tree(folder));
  }

  /** The count alone would not tell: one file gone and another come, each unchanged in itself. */
  @Test
  void aFileReplacedByAnotherOfTheSameCountIsSeen() throws IOException {
    String before = Digests.tree(folder);
    Files.move(folder.resolve("B.java"), folder.resolve("a/B.java"));   // keeps size and time

    assertThat(FileHashes.load(stamps).treeDigest(folder)).isEqualTo(Digests.tree(folder)).isNotEqualTo(before);
  }

  @Test
  void aFileEditedWithItsSizeKeptIsSeen() throws IOException {
    write("B.java", "class X {}");
    Files.setLastModifiedTime(folder.resolve("B.java"), FileTime.from(Instant.parse("2021-01-01T00:00:00Z")));

    FileHashes next = FileHashes.load(stamps);
    assertThat(next.treeDigest(folder)).isEqualTo(Digests.tree(folder));
    assertThat(next.hashedCount()).isEqualTo(1);
  }

  /**
   * A file deleted after its stamp was taken in the same run (a model that is gone) is left out of
   * the stamps, so the folder's record stays exact and the next run takes it.
   */
  @Test
  void aFileDeletedDuringTheRunDoesNotSpoilTheRecord() throws IOException {
    FileHashes run = FileHashes.load(stamps);
    assertThat(run.treeDigest(folder)).isNotEmpty();
    Files.delete(folder.resolve("a/A.java"));
    assertThat(run.treeDigest(folder)).isEqualTo(Digests.tree(folder));
    run.save(stamps);
    Files.setLastModifiedTime(stamps, FileTime.from(Instant.now().plusSeconds(60)));

    FileHashes next = FileHashes.load(stamps);
    assertThat(next.treeDigest(folder)).isEqualTo(Digests.tree(folder));
    assertThat(next.hasNewStamps()).isFalse();
    write("a/A.java", "class A {}");   // back with its old size and time: not part of the record
    assertThat(FileHashes.load(stamps).treeDigest(folder)).isEqualTo(Digests.tree(folder));
  }

  @Test
  void aFileWrittenAfterTheDigestLeavesNoRecordOfTheFolder() throws IOException {
    FileHashes run = FileHashes.load(stamps);
    run.treeDigest(folder);
    write("B.java", "class B2 {}");
    run.written(folder.resolve("B.java"), Digests.sha256(folder.resolve("B.java")));
    run.save(stamps);
    Files.setLastModifiedTime(stamps, FileTime.from(Instant.now().plusSeconds(60)));

    FileHashes next = FileHashes.load(stamps);
    assertThat(next.treeDigest(folder)).isEqualTo(Digests.tree(folder));
    assertThat(next.hashedCount()).isZero();   // B.java is taken by its stamp, the folder digested anew
    assertThat(next.hasNewStamps()).isTrue();
  }

  /**
   * A file written after the digest is not part of it: its stamp is left out, else a later deletion
   * of a file the digest covered would leave the count as recorded and every file with a stamp.
   */
  @Test
  void aFileAddedAfterTheDigestAndAnotherDeletedLaterIsSeen() throws IOException {
    FileHashes run = FileHashes.load(stamps);
    run.treeDigest(folder);
    write("C.java", "class C {}");
    run.written(folder.resolve("C.java"), Digests.sha256(folder.resolve("C.java")));
    run.save(stamps);
    Files.setLastModifiedTime(stamps, FileTime.from(Instant.now().plusSeconds(60)));
    Files.delete(folder.resolve("B.java"));

    assertThat(FileHashes.load(stamps).treeDigest(folder)).isEqualTo(Digests.tree(folder));
  }

  /** What this run knows of a file (written with its old size and time) wins over the record. */
  @Test
  void aFileRewrittenThisRunWithItsOldStampIsNotTakenFromTheRecord() throws IOException {
    FileHashes run = FileHashes.load(stamps);
    write("B.java", "class Y {}");
    run.written(folder.resolve("B.java"), Digests.sha256(folder.resolve("B.java")));

    assertThat(run.treeDigest(folder)).isEqualTo(Digests.tree(folder));
  }

  @Test
  void aMissingFolderIsAbsentAndAnEmptyOneIsNot() throws IOException {
    FileHashes run = FileHashes.none();
    Path missing = temp.resolve("missing");
    assertThat(run.treeDigest(missing)).isEqualTo("absent");
    Files.createDirectories(missing);
    assertThat(run.treeDigest(missing)).isEqualTo(Digests.tree(missing)).isNotEqualTo("absent");
  }

  /** Many files at once: each one's digest in order, read only when its stamp moved, as one by one. */
  @Test
  void aListOfFilesHashesEachInOrderAndOnlyThoseWhoseStampMoved() throws IOException {
    for (int i = 0; i < 40; i++) {
      write("many/F" + i + ".json", "{\"n\": " + i + "}");
    }
    write("B.java", "class Z {}");
    Files.setLastModifiedTime(folder.resolve("B.java"), FileTime.from(Instant.parse("2021-01-01T00:00:00Z")));
    List<Path> files = new ArrayList<>();
    for (int i = 39; i >= 0; i--) {
      files.add(folder.resolve("many/F" + i + ".json"));
    }
    files.add(folder.resolve("a/A.java"));
    files.add(folder.resolve("B.java"));
    files.add(folder.resolve("missing.json"));
    FileHashes run = FileHashes.load(stamps);

    List<String> shas = run.sha256(files);

    assertThat(shas).isEqualTo(files.stream().map(Digests::sha256).toList()).endsWith("absent");
    assertThat(shas.subList(0, 42)).doesNotHaveDuplicates();
    assertThat(run.hashedCount()).isEqualTo(41);   // all but A.java, whose recorded stamp holds
    assertThat(run.sha256(files)).isEqualTo(shas);
    assertThat(run.hashedCount()).isEqualTo(41);   // now each one's stamp is this run's
  }

  /**
   * An input read for parsing is recorded with the hash of the bytes handed out, not of what the file
   * holds when the record is taken: an edit after the read must make the next build generate again.
   */
  @Test
  void aFileReadForParsingIsRecordedWithTheHashOfTheBytesReadEvenWhenItChangesAfterwards() throws IOException {
    Path input = folder.resolve("B.java");
    byte[] original = Files.readAllBytes(input);
    FileHashes run = FileHashes.none();

    byte[] read = run.read(input);
    Files.writeString(input, "class B { int edited; }");

    assertThat(read).isEqualTo(original);
    assertThat(run.hashedCount()).isEqualTo(1);
    assertThat(run.sha256(List.of(input))).containsExactly(Digests.sha256(original))
        .doesNotContain(Digests.sha256(input));
    run.save(stamps);
    FileHashes next = FileHashes.load(stamps);
    assertThat(next.sha256(List.of(input))).containsExactly(Digests.sha256(input));   // the stamp moved: read again
    assertThat(next.hashedCount()).isEqualTo(1);
  }

  @Test
  void aFileReadForParsingWhoseStampHoldsIsReadButNotHashed() throws IOException {
    FileHashes run = FileHashes.load(stamps);

    byte[] read = run.read(folder.resolve("a/A.java"));

    assertThat(read).isEqualTo(Files.readAllBytes(folder.resolve("a/A.java")));
    assertThat(run.hashedCount()).isZero();
    assertThat(run.sha256(List.of(folder.resolve("a/A.java")))).containsExactly(Digests.sha256(folder.resolve("a/A.java")));
  }

  @Test
  void aMissingFileReadForParsingIsNoSuchFile() {
    assertThatThrownBy(() -> FileHashes.none().read(folder.resolve("missing.json")))
        .isInstanceOf(NoSuchFileException.class);
  }

  private void write(String name, String text) throws IOException {
    Path file = folder.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    Files.setLastModifiedTime(file, OLD);   // older than any stamps file: its stamp is trusted
  }
}
