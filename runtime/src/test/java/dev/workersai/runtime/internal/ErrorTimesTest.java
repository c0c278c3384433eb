package dev.workersai.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ErrorTimesTest {
  private static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");

  @Test
  void retryAfterIsSecondsOrAnHttpDateAPastDateBeingNoDelay() {
    assertThat(ErrorTimes.retryAfter(" 7 ", NOW)).isEqualTo(Duration.ofSeconds(7));
    assertThat(ErrorTimes.retryAfter("Sat, 28 Nov 2026 10:16:00 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
    assertThat(ErrorTimes.retryAfter("Sat, 28 Nov 2026 09:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void anAbsentOrUnreadableRetryAfterIsNone() {
    assertThat(ErrorTimes.retryAfter(null, NOW)).isNull();
    assertThat(ErrorTimes.retryAfter(" ", NOW)).isNull();
    assertThat(ErrorTimes.retryAfter("soon", NOW)).isNull();
    assertThat(ErrorTimes.retryAfter("-5", NOW)).isNull();
    assertThat(ErrorTimes.retryAfter("12345678901", NOW)).isNull(); // more digits than any sane delay
  }

  @Test
  void theDailyQuotaResetsAtTheNextUtcMidnightEvenAtMidnight() {
    assertThat(ErrorTimes.nextUtcMidnight(NOW)).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    assertThat(ErrorTimes.nextUtcMidnight(Instant.parse("2026-11-28T00:00:00Z")))
        .isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    assertThat(ErrorTimes.nextUtcMidnight(Instant.parse("2026-12-31T23:59:59Z")))
        .isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
  }
}
