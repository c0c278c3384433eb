package dev.workersai.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.Generator;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DocumentationTool;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated code of the whole bundled snapshot passes {@code javadoc -Xdoclint:all} without a
 * warning: a user whose build makes a Javadoc jar with doclint gets no noise and no failure from it.
 */
class GeneratedJavadocTest {

  @Test
  void theBundledSnapshotsCodePassesDoclintWithoutWarnings(@TempDir Path tmp) throws IOException {
    Path sources = tmp.resolve("src");
    Generator.generate(GenerationRequest.of(Path.of("..", "model-schemas"), sources));
    List<String> args = new ArrayList<>(List.of("-Xdoclint:all", "-Xmaxwarns", "100000", "-quiet",
        "-d", tmp.resolve("doc").toString(), "-classpath", System.getProperty("java.class.path")));
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().forEach(args::add);
    }
    DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int status = javadoc.run(null, output, output, args.toArray(String[]::new));
    assertThat(output.toString(StandardCharsets.UTF_8)).as("javadoc -Xdoclint:all output").doesNotContain("warning:").doesNotContain("error:");
    assertThat(status).isZero();
  }
}
