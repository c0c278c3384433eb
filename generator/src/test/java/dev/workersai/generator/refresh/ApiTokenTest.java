package dev.workersai.generator.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ApiTokenTest {

  @Test
  void theTokenNeverShowsInItsStringForm() {
    ApiToken token = ApiToken.of("abc-secret");

    assertThat(token.toString()).doesNotContain("abc-secret");
    assertThat(RefreshRequest.of("http://127.0.0.1:1/client/v4", "acc", token, Path.of("x")).toString())
        .doesNotContain("abc-secret");
  }
}
