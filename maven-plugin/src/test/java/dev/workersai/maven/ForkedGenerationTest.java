package dev.workersai.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.build.ChildArguments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parent's side of a forked run, against a real child JVM that plays a script ({@link ScriptedChild}). */
class ForkedGenerationTest {
  @TempDir Path temp;
  private final List<String> log = new ArrayList<>();
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile long childPid;
  private final ForkedGeneration forked = new ForkedGeneration(new SystemStreamLog() {
    @Override
    public void info(CharSequence content) {
      log.add("info " + content);
      if (content.toString().startsWith("started ")) {
        childPid = Long.parseLong(content.toString().substring("started ".length()));
        started.countDown();
      }
    }

    @Override
    public void warn(CharSequence content) {
      log.add("warn " + content);
    }

    @Override
    public void debug(CharSequence content) {
      if (!content.toString().startsWith("Forking: ")) {
        log.add("debug " + content);
      }
    }
  }, ChildJvm.java(), ScriptedChild.class, ChildJvm.classPath(ScriptedChild.class), Optional.empty());

  @Test
  void eachLineReachesTheLogAtItsLevelAndStandardErrorAsWarnings() throws Exception {
    assertThat(forked.run(scenario("talk"), temp)).isTrue();

    String stderr = "warn [forked JVM] OpenJDK 64-Bit Server VM warning: something";
    assertThat(log).contains(stderr);
    assertThat(log.stream().filter(line -> !line.equals(stderr))).as("standard output, in its order").containsExactly(
        "info first\nsecond \\ line", "warn careful: ünïcødé", "debug details", "warn [forked JVM] not a protocol line");
  }

  @Test
  void aBadInputLineFailsTheBuildWithItsMessage() {
    assertThatThrownBy(() -> forked.run(scenario("fail"), temp))
        .isExactlyInstanceOf(MojoFailureException.class)
        .hasMessage("2 problems in the catalog:\n[bad-schema] a.json#/x");
    assertThat(log).containsExactly("info before");
  }

  @Test
  void anIoLineIsAnExecutionError() {
    assertThatThrownBy(() -> forked.run(scenario("io"), temp))
        .isExactlyInstanceOf(MojoExecutionException.class)
        .hasMessage("cannot write /out");
  }

  @Test
  void aChildThatDiesWithoutAResultIsAnExecutionErrorWithItsStandardErrorShown() {
    assertThatThrownBy(() -> forked.run(scenario("die"), temp))
        .isExactlyInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("The forked generation JVM exited with status 3 without reporting a result");
    assertThat(log).containsExactly("warn [forked JVM] Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space");
  }

  @Test
  void anInterruptedGoalStopsTheChild() throws Exception {
    AtomicReference<Exception> thrown = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread goal = new Thread(() -> {
      try {
        forked.run(scenario("hang"), temp);
      } catch (Exception e) {
        thrown.set(e);
        stillInterrupted.set(Thread.currentThread().isInterrupted());
      }
    });
    goal.start();
    started.await();

    goal.interrupt();
    goal.join();

    assertThat(thrown.get()).isInstanceOf(MojoExecutionException.class)
        .hasMessage("Interrupted while generating in a forked JVM; the JVM was stopped.");
    assertThat(stillInterrupted).as("the interrupt is kept for Maven").isTrue();
    ProcessHandle.of(childPid).ifPresent(child -> child.onExit().join());
    assertThat(temp.resolve("state")).as("the child ran on after the interrupt").doesNotExist();
  }

  private ChildArguments scenario(String name) {
    GenerationRequest request = new GenerationRequest(temp.resolve("s"), temp.resolve("o"), name, List.of(), List.of(),
        List.of(), Optional.empty());
    return new ChildArguments(request, "t", temp.resolve("state"), temp.resolve("stamps"));
  }
}
