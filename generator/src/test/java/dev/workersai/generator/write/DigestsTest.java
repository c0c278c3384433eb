package dev.workersai.generator.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestsTest {
  @TempDir Path temp;

  /**
   * The renderer's identity digests the code of four classes; in the plugin's one jar they all come
   * from the same jar, which should be read once per run, and not at all once its stamp is recorded.
   */
  @Test
  void classesOfOneJarAreReadOnceAndThenTakenByTheirStamp() {
    FileHashes first = FileHashes.none();
    String javaFile = Digests.codeOf(JavaFile.class, first::sha256);
    String className = Digests.codeOf(ClassName.class, first::sha256);

    assertThat(javaFile).isEqualTo(className).isEqualTo(Digests.codeOf(JavaFile.class)).hasSize(16);
    assertThat(first.hashedCount()).isEqualTo(1);

    Path stamps = temp.resolve("stamps");
    first.save(stamps);
    FileHashes next = FileHashes.load(stamps);
    assertThat(Digests.codeOf(JavaFile.class, next::sha256)).isEqualTo(javaFile);
    assertThat(next.hashedCount()).isZero();
  }
}
