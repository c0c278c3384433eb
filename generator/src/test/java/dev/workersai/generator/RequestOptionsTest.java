package dev.workersai.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The command-line form of a request, read back as written. */
class RequestOptionsTest {
  @Test
  void aRequestReadsBackFromItsOptions() {
    GenerationRequest request = new GenerationRequest(Path.of("/s"), Path.of("/o"), "com.example.ai",
        List.of("@cf/meta/*", "@cf/baai/*"), List.of("**-fp8"), List.of("Text Generation"), Optional.of(Path.of("/l.json")));
    List<String> options = RequestOptions.of(request);

    RequestOptions read = new RequestOptions();
    for (int i = 0; i < options.size(); i += 2) {
      assertThat(read.accept(options.get(i), options.get(i + 1))).as(options.get(i)).isTrue();
    }
    assertThat(read.request()).isEqualTo(request);
  }

  @Test
  void anOptionOfAnotherKindIsLeftToTheCaller() {
    RequestOptions read = new RequestOptions();

    assertThat(read.accept("--tool", "x")).isFalse();
    assertThatThrownBy(read::request).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--schemas and --out are required");
    read.accept("--schemas", "/s");
    read.accept("--out", "/o");
    assertThat(read.request()).isEqualTo(GenerationRequest.of(Path.of("/s"), Path.of("/o")));
  }
}
