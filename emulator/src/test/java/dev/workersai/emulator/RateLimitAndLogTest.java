package dev.workersai.emulator;

import static dev.workersai.emulator.RunEndpointTest.assertError;
import static dev.workersai.emulator.TestSnapshot.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimitAndLogTest {

  @Test
  void catalogRateLimitIsEnforcedPerModelWhenAsked() {
    try (WorkersAiEmulator emulator = WorkersAiEmulator.builder().schemas(TestSnapshot.DIR)
        .enforceRateLimits(true).start()) {
      // rate-limits.json gives @cf/test/speaker 2 requests per minute.
      assertThat(postJson(emulator, "@cf/test/speaker", "{\"text\":\"a\"}").statusCode()).isEqualTo(200);
      assertThat(postJson(emulator, "@cf/test/speaker", "{\"text\":\"a\"}").statusCode()).isEqualTo(200);
      var limited = postJson(emulator, "@cf/test/speaker", "{\"text\":\"a\"}");
      assertError(limited, 429, 3021);
      assertThat(RunEndpointTest.message(limited)).contains("2 per minute");
      // Text Generation's task default is 300: far from reached.
      assertThat(postJson(emulator, "@cf/test/chat", "{\"prompt\":\"a\"}").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void overrideReplacesTheSnapshotLimitAndLimitsAreOffByDefault() {
    try (WorkersAiEmulator limited = WorkersAiEmulator.builder().schemas(TestSnapshot.DIR)
        .enforceRateLimits(true).rateLimit("@cf/test/chat", 1).start();
        WorkersAiEmulator unlimited = TestSnapshot.start()) {
      assertThat(postJson(limited, "@cf/test/chat", "{\"prompt\":\"a\"}").statusCode()).isEqualTo(200);
      assertError(postJson(limited, "@cf/test/chat", "{\"prompt\":\"a\"}"), 429, 3021);
      for (int i = 0; i < 3; i++) {
        assertThat(postJson(unlimited, "@cf/test/speaker", "{\"text\":\"a\"}").statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  void requestLogCountsRequestsPerPathIncludingRejectedOnes() {
    try (WorkersAiEmulator emulator = TestSnapshot.start()) {
      postJson(emulator, "@cf/test/chat", "{\"prompt\":\"a\"}");
      postJson(emulator, "@cf/test/chat", "{\"prompt\":1}");
      postJson(emulator, "@cf/test/embed", "{\"text\":\"a\"}");
      TestSnapshot.get(emulator, "/ai/models/search?page=2");

      RequestLog log = emulator.requestLog();
      assertThat(log.total()).isEqualTo(4);
      assertThat(log.runCount("@cf/test/chat")).isEqualTo(2);
      assertThat(log.runCount("@cf/test/embed")).isEqualTo(1);
      assertThat(log.count("/client/v4/accounts/" + emulator.accountId() + "/ai/models/search")).isEqualTo(1);
      assertThat(log.entries().get(3).query()).isEqualTo("page=2");
      assertThat(log.countsByPath()).hasSize(3);
      log.clear();
      assertThat(log.total()).isZero();
    }
  }
}
