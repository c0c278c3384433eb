package dev.workersai.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GatewayCacheTest {
  private final AtomicLong now = new AtomicLong(1_000);

  private static Reply.Whole reply(int bytes) {
    return new Reply.Whole(200, "application/json", new byte[bytes], Map.of());
  }

  private void advance(Duration by) {
    now.addAndGet(by.toNanos());
  }

  @Test
  void anAnswerExpiresAfterItsTtl() {
    GatewayCache cache = new GatewayCache(10, 1_000, now::get);
    cache.put("a", reply(1), Duration.ofSeconds(60));

    advance(Duration.ofSeconds(59));
    assertThat(cache.get("a")).isPresent();
    advance(Duration.ofSeconds(1));
    assertThat(cache.get("a")).isEmpty();
    assertThat(cache.size()).isZero();
  }

  @Test
  void expiredAnswersAreDroppedEvenIfNeverAskedForAgain() {
    GatewayCache cache = new GatewayCache(10, 1_000, now::get);
    cache.put("a", reply(10), Duration.ofSeconds(1));
    advance(Duration.ofSeconds(2));

    cache.put("b", reply(10), Duration.ofSeconds(1));

    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.bytes()).isEqualTo(10);
  }

  @Test
  void theLeastRecentlyUsedGoFirstBeyondTheEntryBound() {
    GatewayCache cache = new GatewayCache(2, 1_000, now::get);
    cache.put("a", reply(1), GatewayCache.DEFAULT_TTL);
    cache.put("b", reply(1), GatewayCache.DEFAULT_TTL);
    cache.get("a");

    cache.put("c", reply(1), GatewayCache.DEFAULT_TTL);

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.get("a")).isPresent();
    assertThat(cache.get("b")).isEmpty();
    assertThat(cache.get("c")).isPresent();
  }

  @Test
  void bodiesStayWithinTheByteBound() {
    GatewayCache cache = new GatewayCache(100, 100, now::get);
    for (int i = 0; i < 50; i++) {
      cache.put("k" + i, reply(30), GatewayCache.DEFAULT_TTL);
    }
    cache.put("huge", reply(101), GatewayCache.DEFAULT_TTL);

    assertThat(cache.bytes()).isLessThanOrEqualTo(100);
    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.get("huge")).isEmpty();
  }

  @Test
  void ttlComesFromTheHeaderInSecondsCutToAMonth() {
    assertThat(GatewayCache.ttl("cf-aig-cache-ttl", null)).isEqualTo(GatewayCache.DEFAULT_TTL);
    assertThat(GatewayCache.ttl("cf-aig-cache-ttl", "120")).isEqualTo(Duration.ofSeconds(120));
    assertThat(GatewayCache.ttl("cf-aig-cache-ttl", "99999999999")).isEqualTo(GatewayCache.MAX_TTL);

    ApiError bad = catchThrowableOfType(ApiError.class, () -> GatewayCache.ttl("cf-aig-cache-ttl", "soon"));
    assertThat(bad.status).isEqualTo(400);
    assertThat(bad.getMessage()).isEqualTo("Bad cf-aig-cache-ttl header: expected whole seconds, got 'soon'");
  }

  @Test
  void aZeroTtlIsNotCached() {
    GatewayCache cache = new GatewayCache(10, 1_000, now::get);
    cache.put("a", reply(1), Duration.ZERO);
    assertThat(cache.get("a")).isEmpty();
  }
}
