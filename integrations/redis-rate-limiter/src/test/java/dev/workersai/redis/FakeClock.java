package dev.workersai.redis;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A wall clock (as the buckets need) that moves only when told, shared by all test clients. */
final class FakeClock implements TimeMeter {
  private final AtomicLong nanos = new AtomicLong(1_800_000_000_000_000_000L);

  @Override
  public long currentTimeNanos() {
    return nanos.get();
  }

  @Override
  public boolean isWallClockBased() {
    return true;
  }

  void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }
}
