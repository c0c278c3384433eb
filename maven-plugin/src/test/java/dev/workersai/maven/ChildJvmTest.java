package dev.workersai.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.build.ChildArguments;
import dev.workersai.generator.build.ChildGeneration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forked JVM's command line and environment, and what happens when it cannot start. */
class ChildJvmTest {
  @TempDir Path temp;

  @Test
  void theChildMayUseAsMuchHeapAsMavensJvm() {
    assertThat(ChildJvm.flags(2L << 30)).startsWith(ChildJvm.FLAGS.toArray(String[]::new)).endsWith("-Xmx2048m");
    assertThat(ChildJvm.flags(10L << 20)).as("never below the initial heap").endsWith("-Xmx64m");
    assertThat(ChildJvm.flags(Long.MAX_VALUE)).isEqualTo(ChildJvm.FLAGS);
  }

  @Test
  void theCommandIsJavaFlagsAndOneArgumentFile() throws Exception {
    Path argFile = temp.resolve("work/fork.args");

    List<String> command = ChildJvm.command(Path.of("/jdk/bin/java"), List.of("-Xss1m", "-Xlog:cds*=off"), argFile,
        "/a.jar:/b c.jar", ChildGeneration.class, List.of("--exclude", "say \"hi\"\\now"));

    assertThat(command).containsExactly("/jdk/bin/java", "-Xss1m", "-Xlog:cds*=off", "@" + argFile.toAbsolutePath());
    assertThat(Files.readAllLines(argFile)).containsExactly("\"-cp\"", "\"/a.jar:/b c.jar\"",
        "\"" + ChildGeneration.class.getName() + "\"", "\"--exclude\"", "\"say \\\"hi\\\"\\\\now\"");
  }

  @Test
  void quotingKeepsLineEndsOnTheirLine() {
    assertThat(ChildJvm.quoted("a\nb\rc")).isEqualTo("\"a\\nb\\rc\"");
    assertThat(ChildJvm.quoted("")).isEqualTo("\"\"");
  }

  @Test
  void theChildGetsNeitherTheApiTokenNorTheUsersJavaOptions() {
    Map<String, String> environment = new HashMap<>(Map.of("PATH", "/bin", ApiTokenLookup.ENV, "secret",
        "JAVA_TOOL_OPTIONS", "-Dx=1", "JDK_JAVA_OPTIONS", "-Dy=2", "_JAVA_OPTIONS", "-Dz=3"));

    ChildJvm.withhold(environment);

    assertThat(environment).containsOnlyKeys("PATH");
  }

  @Test
  void whenNoJvmStartsTheCallerIsToldAndTheReasonLogged() throws Exception {
    List<String> warnings = new ArrayList<>();
    ForkedGeneration forked = new ForkedGeneration(new SystemStreamLog() {
      @Override
      public void warn(CharSequence content) {
        warnings.add(content.toString());
      }
    }, temp.resolve("no-such-jdk/bin/java"), Optional.empty());
    ChildArguments args = new ChildArguments(GenerationRequest.of(temp.resolve("s"), temp.resolve("o")), "t",
        temp.resolve("state"), temp.resolve("stamps"));

    assertThat(forked.run(args, temp.resolve("work"))).isFalse();

    assertThat(warnings).singleElement().asString().startsWith("Cannot start a JVM to generate in (")
        .contains("no-such-jdk").endsWith("Set workers-ai.fork to false to skip the attempt.");
  }
}
