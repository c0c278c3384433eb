package dev.workersai.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginFingerprintTest {
  @TempDir Path temp;

  @Test
  void aReleaseIsItsVersion() throws IOException {
    assertThat(PluginFingerprint.of(plugin("1.2.0", jar("dev.workersai", "workers-ai-generator", "a")))).isEqualTo("1.2.0");
  }

  /** A rebuilt plugin with changed code (one class, same length) must invalidate; one rebuilt unchanged must not. */
  @Test
  void aSnapshotAlsoCountsWhatOurJarsHoldAndNothingElse() throws IOException {
    Artifact generator = jar("dev.workersai", "workers-ai-generator", "code v1");
    Artifact jackson = jar("com.fasterxml.jackson.core", "jackson-databind", "x");
    String before = PluginFingerprint.of(plugin("0.1.0-SNAPSHOT", generator, jackson));

    write(generator.getFile().toPath(), "code v1");
    String rebuilt = PluginFingerprint.of(plugin("0.1.0-SNAPSHOT", generator, jackson));
    write(generator.getFile().toPath(), "code v2");
    String changed = PluginFingerprint.of(plugin("0.1.0-SNAPSHOT", generator, jackson));

    assertThat(before).startsWith("0.1.0-SNAPSHOT [workers-ai-generator=").doesNotContain("jackson");
    assertThat(rebuilt).isEqualTo(before);
    assertThat(changed).isNotEqualTo(before);
  }

  private Artifact jar(String groupId, String artifactId, String classBytes) throws IOException {
    Artifact artifact = new DefaultArtifact(groupId, artifactId, "1", "runtime", "jar", null, new DefaultArtifactHandler("jar"));
    Path file = temp.resolve(artifactId + ".jar");
    write(file, classBytes);
    artifact.setFile(file.toFile());
    return artifact;
  }

  /** A jar of one class, with a fixed entry time as the build's reproducible jars have. */
  private static void write(Path jar, String classBytes) throws IOException {
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry entry = new ZipEntry("dev/workersai/Code.class");
      entry.setTime(1_767_225_600_000L);
      zip.putNextEntry(entry);
      zip.write(classBytes.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
  }

  private static PluginDescriptor plugin(String version, Artifact... artifacts) {
    PluginDescriptor plugin = new PluginDescriptor();
    plugin.setVersion(version);
    plugin.setArtifacts(List.of(artifacts));
    return plugin;
  }
}
