package dev.workersai.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.generator.write.FileHashes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
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
    assertThat(PluginFingerprint.of(plugin("1.2.0", jar("dev.workersai", "workers-ai-generator", "a")), FileHashes.none())).isEqualTo("1.2.0");
  }

  @Test
  void aSnapshotAlsoCountsOurJarsBytesAndNothingElse() throws IOException {
    Artifact generator = jar("dev.workersai", "workers-ai-generator", "code v1");
    Artifact jackson = jar("com.fasterxml.jackson.core", "jackson-databind", "x");
    String before = PluginFingerprint.of(plugin("0.1.0-SNAPSHOT", generator, jackson), FileHashes.none());

    Files.writeString(generator.getFile().toPath(), "code v2");
    String after = PluginFingerprint.of(plugin("0.1.0-SNAPSHOT", generator, jackson), FileHashes.none());

    assertThat(before).startsWith("0.1.0-SNAPSHOT [workers-ai-generator=").doesNotContain("jackson");
    assertThat(after).isNotEqualTo(before);
  }

  @Test
  void aJarWhoseSizeAndTimeAreRecordedIsNotReadAgain() throws IOException {
    Artifact generator = jar("dev.workersai", "workers-ai-generator", "code v1");
    Files.setLastModifiedTime(generator.getFile().toPath(), FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
    PluginDescriptor plugin = plugin("0.1.0-SNAPSHOT", generator);
    Path stamps = temp.resolve("file-stamps.tsv");
    FileHashes first = FileHashes.none();
    String recorded = PluginFingerprint.of(plugin, first);
    first.save(stamps);

    FileHashes next = FileHashes.load(stamps);
    assertThat(PluginFingerprint.of(plugin, next)).isEqualTo(recorded);
    assertThat(next.hashedCount()).isZero();
  }

  private Artifact jar(String groupId, String artifactId, String content) throws IOException {
    Artifact artifact = new DefaultArtifact(groupId, artifactId, "1", "runtime", "jar", null, new DefaultArtifactHandler("jar"));
    Path file = temp.resolve(artifactId + ".jar");
    Files.writeString(file, content);
    artifact.setFile(file.toFile());
    return artifact;
  }

  private static PluginDescriptor plugin(String version, Artifact... artifacts) {
    PluginDescriptor plugin = new PluginDescriptor();
    plugin.setVersion(version);
    plugin.setArtifacts(List.of(artifacts));
    return plugin;
  }
}
