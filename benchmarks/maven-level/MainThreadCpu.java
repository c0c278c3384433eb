import java.io.FileWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A Java agent for Maven runs: at exit, appends the CPU time of Maven's main thread (ms) and the
 * number of classes loaded to the file named by its argument. The main thread is where a mojo runs;
 * unlike wall time it is not inflated by waiting for a core, and unlike process CPU it leaves out
 * the JIT and GC threads; it still spreads over about 0.2 s per run, so compare paired medians of
 * many rounds. See docs/performance.md, round 5. Build and use:
 *   javac -d /tmp/mtc benchmarks/maven-level/MainThreadCpu.java
 *   printf 'Premain-Class: MainThreadCpu\n' > /tmp/mtc.mf && jar cfm /tmp/mtc.jar /tmp/mtc.mf -C /tmp/mtc .
 *   MAVEN_OPTS=-javaagent:/tmp/mtc.jar=/tmp/cpu.txt mvn ...
 */
public final class MainThreadCpu {
  private MainThreadCpu() {}

  public static void premain(String file) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long main = Thread.currentThread().getId();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try (FileWriter out = new FileWriter(file, true)) {
        out.write(threads.getThreadCpuTime(main) / 1_000_000 + " "
            + ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }));
  }
}
