package dev.workersai.maven;

import dev.workersai.generator.write.Digests;
import java.io.File;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.descriptor.PluginDescriptor;

/**
 * The plugin's identity for the up-to-date check: its version, and for a SNAPSHOT also the identity
 * of what its own and the generator's jars hold, because a SNAPSHOT's code changes while its version
 * stays. A jar is known by its central directory ({@link Digests#jar}), which lists every class's
 * CRC-32: a clean build does not read the plugin's 6 MB of classes to learn that. Plain loops: in
 * the cold JVM of an unchanged build a stream pipeline costs more than the check.
 */
final class PluginFingerprint {
  private static final String OUR_GROUP = "dev.workersai";

  private PluginFingerprint() {}

  static String of(PluginDescriptor plugin) {
    String version = plugin.getVersion();
    if (!version.endsWith("-SNAPSHOT")) {
      return version;
    }
    Map<String, Artifact> ours = new TreeMap<>();   // by artifact id
    for (Artifact artifact : plugin.getArtifacts()) {
      if (OUR_GROUP.equals(artifact.getGroupId())) {
        ours.put(artifact.getArtifactId(), artifact);
      }
    }
    StringBuilder text = new StringBuilder(version).append(" [");
    String separator = "";
    for (Artifact artifact : ours.values()) {
      text.append(separator).append(describe(artifact));
      separator = ",";
    }
    return text.append(']').toString();
  }

  private static String describe(Artifact artifact) {
    File file = artifact.getFile();
    // Inside a reactor a module may resolve to its classes folder: no jar to hash, the version stands.
    if (file == null || !file.isFile()) {
      return artifact.getArtifactId();
    }
    return artifact.getArtifactId() + "=" + Digests.jar(file.toPath());
  }
}
