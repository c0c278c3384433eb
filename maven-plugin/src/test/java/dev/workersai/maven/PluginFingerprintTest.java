package dev.workersai.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    assertThat(PluginFingerprint.of(plugin("1.2.0", jar("dev.workersai", "workers-ai-generator", "a")))).isEqualTo("1.2.0");
  }

  @Test
  void aSnapshotAlsoCountsOurJarsBytesAndNothingElse() throws IOException {
    Artifact generator = jar("dev.workersai", "workers-ai-generator", "code v1");
    Artifact jackson = jar("com.fasterxml.jackson.core", "jackson-databind", "x");
    String before = PluginFingerprint.of(plugin("0.1.0-SNAPSHOT", generator, jackson));

    Files.writeString(generator.getFile().toPath(), "code v2");
    String after = PluginFingerprint.of(plugin("0.1.0-SNAPSHOT", generator, jackson));

    assertThat(before).startsWith("0.1.0-SNAPSHOT [workers-ai-generator=").doesNotContain("jackson");
    assertThat(after).isNotEqualTo(before);
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
