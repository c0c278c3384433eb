package dev.workersai.maven;

import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.write.FileHashes;
import dev.workersai.generator.state.GenerationState;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Not a test: a measuring tool for {@code docs/performance.md}. Runs the plugin's up-to-date check
 * alone (what an unchanged build pays) in a fresh JVM and prints its wall and process CPU time.
 * Arguments: snapshot folder, output folder, state file (its stamps beside it, {@code .stamps}), and
 * {@code save} to record the state first.
 */
public final class UpToDateCheckProbe {
  private UpToDateCheckProbe() {}

  public static void main(String[] args) {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    Path output = Paths.get(args[1]);
    Path stateFile = Paths.get(args[2]);
    GenerationRequest request = GenerationRequest.of(Paths.get(args[0]), output);
    if (args.length > 3 && args[3].equals("save")) {
      GenerationState.ofInputs("probe", request).withOutputOf(output).save(stateFile);
    }
    // As GenerateMojo does it: files whose size and time match the stored stamps are not read.
    Path stampsFile = stateFile.resolveSibling(stateFile.getFileName() + ".stamps");
    FileHashes hashes = FileHashes.load(stampsFile);
    Optional<String> reason = GenerationState.check("probe", request, request.inputs(), stateFile, hashes);
    if (reason.isEmpty() && hashes.hashedCount() > 0) {
      hashes.save(stampsFile);
    }
    System.out.printf("[up-to-date check] wall %d ms, process CPU %d ms, %d classes loaded, %d files hashed, %s%n",
        (System.nanoTime() - start) / 1_000_000, (os.getProcessCpuTime() - cpu) / 1_000_000,
        ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(), hashes.hashedCount(), reason.orElse("up to date"));
  }
}
