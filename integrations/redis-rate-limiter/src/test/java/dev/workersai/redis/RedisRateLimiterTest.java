package dev.workersai.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.runtime.RateLimiter;
import dev.workersai.runtime.model.ModelDescriptor;
import dev.workersai.runtime.model.RateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisRateLimiterTest {
  private static LocalRedis redis;
  private static final AtomicInteger MODELS = new AtomicInteger();

  @BeforeAll
  static void startRedis() throws Exception {
    redis = new LocalRedis();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    redis.close();
  }

  /** A model no other test uses, so each test starts from a full bucket. */
  private static ModelDescriptor model(int rpm) {
    return new ModelDescriptor("@cf/test/model-" + MODELS.incrementAndGet(), "Text Generation", rpm,
        RateLimit.Source.TASK_DEFAULT, false);
  }

  private static RedisRateLimiter.Builder client(FakeClock clock) {
    return RedisRateLimiter.builder().clock(clock).connect(redis.uri())
        .blocking(nanos -> {
          throw new AssertionError("asked to wait " + nanos + " ns with no wait allowed");
        });
  }

  @Test
  void fourClientsTogetherNeverExceedThePublishedFigureInAnySixtySeconds() throws Exception {
    int rpm = 60;
    ModelDescriptor model = model(rpm);
    FakeClock clock = new FakeClock();
    List<RedisRateLimiter> clients = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      for (int i = 0; i < 4; i++) {
        clients.add(client(clock).build()); // four connections: as four JVMs
      }
      int seconds = 180;
      int[] grantsPerSecond = new int[seconds];
      for (int s = 0; s < seconds; s++) {
        List<Callable<Integer>> tries = new ArrayList<>();
        for (RedisRateLimiter c : clients) {
          tries.add(() -> { // each client takes permits until one is refused
            int granted = 0;
            while (c.acquire(model, Duration.ZERO)) {
              granted++;
            }
            return granted;
          });
        }
        for (Future<Integer> f : threads.invokeAll(tries)) {
          grantsPerSecond[s] += f.get();
        }
        clock.advance(Duration.ofSeconds(1));
      }

      for (int start = 0; start + 60 <= seconds; start++) {
        int inWindow = 0;
        for (int s = start; s < start + 60; s++) {
          inWindow += grantsPerSecond[s];
        }
        assertThat(inWindow).as("grants in seconds %d..%d", start, start + 59).isLessThanOrEqualTo(rpm);
      }
      int total = 0;
      for (int g : grantsPerSecond) {
        total += g;
      }
      // A burst of 6, then 54 a minute: the shared limit is used, not just never exceeded.
      assertThat(total).isGreaterThanOrEqualTo(6 + 54 * 3 - 1);
    } finally {
      threads.shutdownNow();
      clients.forEach(RedisRateLimiter::close);
    }
  }

  @Test
  void aPermitWithinTheCallsWaitIsWaitedForAndOneBeyondItIsRefusedWithoutTakingIt() throws Exception {
    ModelDescriptor model = model(60);
    FakeClock clock = new FakeClock();
    AtomicLong parked = new AtomicLong();
    try (RedisRateLimiter limiter = RedisRateLimiter.builder().clock(clock).connect(redis.uri())
        .blocking(nanos -> {
          parked.addAndGet(nanos);
          clock.advance(Duration.ofNanos(nanos));
        }).build()) {
      for (int i = 0; i < 6; i++) {
        assertThat(limiter.acquire(model, Duration.ZERO)).isTrue();
      }
      assertThat(limiter.acquire(model, Duration.ofMillis(500))).isFalse(); // the next comes in 60/54 s
      assertThat(parked.get()).isZero();

      assertThat(limiter.acquire(model, Duration.ofSeconds(2))).isTrue();
      assertThat(Duration.ofNanos(parked.get())).isBetween(Duration.ofMillis(1100), Duration.ofMillis(1120));
    }
  }

  @Test
  void aRedisOutageFallsBackToTheLocalLimiterWithOneWarning() throws Exception {
    LocalRedis own = new LocalRedis();
    List<String> warnings = new CopyOnWriteArrayList<>();
    AtomicInteger localGrants = new AtomicInteger();
    RateLimiter local = (m, wait) -> {
      localGrants.incrementAndGet();
      return true;
    };
    ModelDescriptor model = model(60);
    try (RedisRateLimiter limiter = RedisRateLimiter.builder().redisTimeout(Duration.ofSeconds(1)).connect(own.uri())
        .fallback(local).retryRedisAfter(Duration.ZERO).warnings(warnings::add).build()) {
      assertThat(limiter.acquire(model, Duration.ZERO)).isTrue();
      assertThat(localGrants).hasValue(0);

      own.stop();
      assertThat(limiter.acquire(model, Duration.ZERO)).isTrue();
      assertThat(limiter.acquire(model, Duration.ZERO)).isTrue();

      assertThat(localGrants).hasValue(2);
      assertThat(warnings).singleElement().asString()
          .startsWith("Redis is unreachable for the shared Workers AI rate limit")
          .contains("on its own");
    } finally {
      own.close();
    }
  }

  @Test
  void modelsWithoutAPublishedLimitAreNotLimited() throws Exception {
    try (RedisRateLimiter limiter = client(new FakeClock()).build()) {
      ModelDescriptor unknown = ModelDescriptor.of("@cf/test/unknown", "Text Generation");
      for (int i = 0; i < 100; i++) {
        assertThat(limiter.acquire(unknown, Duration.ZERO)).isTrue();
      }
    }
  }

  @Test
  void onePerMinuteMeansOneInEverySixtySeconds() throws Exception {
    ModelDescriptor model = model(1);
    FakeClock clock = new FakeClock();
    try (RedisRateLimiter limiter = client(clock).build()) {
      assertThat(limiter.acquire(model, Duration.ZERO)).isTrue();
      clock.advance(Duration.ofSeconds(59));
      assertThat(limiter.acquire(model, Duration.ZERO)).isFalse();
      clock.advance(Duration.ofSeconds(1));
      assertThat(limiter.acquire(model, Duration.ZERO)).isTrue();
    }
  }

  @Test
  void itsTextNeverShowsTheRedisUri() {
    try (RedisRateLimiter limiter = client(new FakeClock()).keyPrefix("acct-1:").build()) {
      assertThat(limiter.toString()).isEqualTo("RedisRateLimiter[keyPrefix=acct-1:]");
    }
  }
}
