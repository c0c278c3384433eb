package dev.workersai.maven;

import dev.workersai.generator.write.FileHashes;
import java.io.File;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.descriptor.PluginDescriptor;

/**
 * The plugin's identity for the up-to-date check: its version, and for a SNAPSHOT also the SHA-256
 * of its own and the generator's jars, because a SNAPSHOT's code changes while its version stays.
 * A jar whose size and time are those recorded last time is not read again ({@link FileHashes}).
 * Plain loops: in the cold JVM of an unchanged build a stream pipeline costs more than the check.
 */
final class PluginFingerprint {
  private static final String OUR_GROUP = "dev.workersai";

  private PluginFingerprint() {}

  static String of(PluginDescriptor plugin, FileHashes hashes) {
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
      text.append(separator).append(describe(artifact, hashes));
      separator = ",";
    }
    return text.append(']').toString();
  }

  private static String describe(Artifact artifact, FileHashes hashes) {
    File file = artifact.getFile();
    // Inside a reactor a module may resolve to its classes folder: no jar to hash, the version stands.
    if (file == null || !file.isFile()) {
      return artifact.getArtifactId();
    }
    return artifact.getArtifactId() + "=" + hashes.sha256(file.toPath()).substring(0, 16);
  }
}
