package dev.workersai.generator.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestsTest {
  @TempDir Path temp;

  /**
   * The renderer's identity digests the code of four classes; in the plugin's one jar they all come
   * from the same jar, which is known by its directory: its classes are not read and hashed at all.
   */
  @Test
  void classesOfOneJarShareItsIdentityWithoutTheJarBeingHashed() {
    FileHashes hashes = FileHashes.none();
    String javaFile = Digests.codeOf(JavaFile.class, hashes::sha256);
    String className = Digests.codeOf(ClassName.class, hashes::sha256);

    assertThat(javaFile).isEqualTo(className).isEqualTo(Digests.codeOf(JavaFile.class)).hasSize(16);
    assertThat(hashes.hashedCount()).isZero();
  }

  @Test
  void twoJarsOfTheSameEntriesAreOneIdentityWhateverTheFilesTimes() throws IOException {
    Path first = jar("first.jar", Map.of("a/A.class", "class A v1", "b.txt", "resource"), 0);
    Path again = jar("again.jar", Map.of("a/A.class", "class A v1", "b.txt", "resource"), 0);
    Files.setLastModifiedTime(again, FileTime.fromMillis(1_000_000));

    assertThat(Digests.jar(first)).hasSize(16).isEqualTo(Digests.jar(again)).isEqualTo(Digests.jar(first));
  }

  /** Every entry's CRC-32 and size are in the directory: an edit of the same length still shows. */
  @Test
  void anEntryChangedInPlaceChangesTheJarsIdentity() throws IOException {
    Path before = jar("before.jar", Map.of("a/A.class", "class A v1", "b.txt", "resource"), 0);
    Path after = jar("after.jar", Map.of("a/A.class", "class A v2", "b.txt", "resource"), 0);

    assertThat(Digests.jar(after)).isNotEqualTo(Digests.jar(before));
  }

  @Test
  void aRenamedAddedOrRemovedEntryChangesTheJarsIdentity() throws IOException {
    String base = Digests.jar(jar("base.jar", Map.of("a/A.class", "class A", "b.txt", "resource"), 0));

    assertThat(Digests.jar(jar("renamed.jar", Map.of("a/B.class", "class A", "b.txt", "resource"), 0)))
        .isNotEqualTo(base);
    assertThat(Digests.jar(jar("added.jar", Map.of("a/A.class", "class A", "b.txt", "resource", "c", ""), 0)))
        .isNotEqualTo(base);
    assertThat(Digests.jar(jar("removed.jar", Map.of("a/A.class", "class A"), 0))).isNotEqualTo(base);
  }

  /** The end record is found behind an archive comment, as the zip format allows. */
  @Test
  void aJarWithACommentIsReadByItsDirectory() throws IOException {
    Path plain = jar("plain.jar", Map.of("a/A.class", "class A"), 0);
    Path commented = jar("commented.jar", Map.of("a/A.class", "class A"), 300);

    assertThat(Digests.jar(commented)).isEqualTo(Digests.jar(plain)).isNotEqualTo(Digests.sha256(plain).substring(0, 16));
  }

  @Test
  void aFileThatIsNoZipIsKnownByTheSha256OfItsBytes() throws IOException {
    Path text = Files.writeString(temp.resolve("not-a.jar"), "just text");

    assertThat(Digests.jar(text)).isEqualTo(Digests.sha256(text).substring(0, 16));
    assertThat(Digests.jar(temp.resolve("missing.jar"))).isEqualTo("absent");
  }

  /** A zip of {@code entries} (sorted by name), with a fixed entry time and a comment of {@code commentLength}. */
  private Path jar(String name, Map<String, String> entries, int commentLength) throws IOException {
    Path file = temp.resolve(name);
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> entry : new TreeMap<>(entries).entrySet()) {
        ZipEntry zipEntry = new ZipEntry(entry.getKey());
        zipEntry.setTime(1_767_225_600_000L);
        zip.putNextEntry(zipEntry);
        zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      zip.setComment("c".repeat(commentLength));
    }
    return file;
  }
}
