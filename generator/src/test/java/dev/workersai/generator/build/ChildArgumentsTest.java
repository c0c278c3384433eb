package dev.workersai.generator.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workersai.generator.GenerationRequest;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the parent tells a forked generation is what the child reads back. */
class ChildArgumentsTest {
  @Test
  void everyFieldRoundTrips() {
    GenerationRequest request = new GenerationRequest(Path.of("/a b/model-schemas"), Path.of("/out"), "com.example.ai",
        List.of("@cf/meta/*", "--exclude"), List.of("**-fp8", "", "line\nbreak \"q\" \\"), List.of("Text Generation"),
        Optional.of(Path.of("/limits.json")));
    ChildArguments args = new ChildArguments(request, "1.0-SNAPSHOT [generator=abc]", Path.of("/w/state"), Path.of("/w/stamps"));

    assertThat(ChildArguments.parse(args.toList())).isEqualTo(args);
  }

  @Test
  void everyFieldOfTheRequestIsPassed() {
    // A request field the child is not told of would be lost in a forked run: add it to toList and parse.
    assertThat(GenerationRequest.class.getRecordComponents()).extracting(RecordComponent::getName).containsExactly(
        "schemaDirectory", "outputDirectory", "packageName", "includes", "excludes", "tasks", "rateLimits");
  }

  @Test
  void withoutOptionalFieldsToo() {
    ChildArguments args = new ChildArguments(GenerationRequest.of(Path.of("/s"), Path.of("/o")), "t", Path.of("/st"),
        Path.of("/sp"));

    assertThat(args.toList()).doesNotContain("--include", "--exclude", "--task", "--rate-limits");
    assertThat(ChildArguments.parse(args.toList())).isEqualTo(args);
  }

  @Test
  void aMissingOrUnknownOptionIsABug() {
    List<String> args = new ArrayList<>(new ChildArguments(GenerationRequest.of(Path.of("/s"), Path.of("/o")), "t",
        Path.of("/st"), Path.of("/sp")).toList());

    assertThatThrownBy(() -> ChildArguments.parse(args.subList(0, args.size() - 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--stamps");
    args.add("--verbose");
    assertThatThrownBy(() -> ChildArguments.parse(args)).hasMessageContaining("pairs");
    args.add("yes");
    assertThatThrownBy(() -> ChildArguments.parse(args)).hasMessageContaining("unknown option --verbose");
  }
}
