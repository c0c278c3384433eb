package dev.workersai.runtime.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** When a refused call may be sent again: the delay a {@code Retry-After} asks for, the daily quota's reset. */
final class ErrorTimes {
  private ErrorTimes() {}

  /**
   * The delay a {@code Retry-After} value asks for (seconds or an HTTP date, a past date being no
   * delay), or null if absent or unreadable.
   */
  static Duration retryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.matches("\\d{1,10}")) {
      return Duration.ofSeconds(Long.parseLong(v));
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(now, at);
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      return null; // a value we cannot read is treated as absent: plain backoff applies
    }
  }

  /** When the daily allocation (error 3036) is renewed: the next midnight UTC. */
  static Instant nextUtcMidnight(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
