package dev.workersai.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workersai.runtime.internal.ratelimit.TokenBucketRateLimiter;
import dev.workersai.runtime.model.ModelDescriptor;
import dev.workersai.runtime.model.RateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitTest extends MockServerSupport {

  @Test
  void bucketAllowsATenthOfAMinuteAsBurstThenPacesAtTheRate() throws Exception {
    TokenBucketRateLimiter limiter = TokenBucketRateLimiter.create(time);
    ModelDescriptor model = limited("@cf/a/b", 60); // one per second, burst of 6

    for (int i = 0; i < 6; i++) {
      assertThat(limiter.acquire(model, Duration.ZERO)).isTrue();
    }
    assertThat(time.sleeps()).isEmpty();
    assertThat(limiter.acquire(model, Duration.ZERO)).isFalse();
    assertThat(limiter.acquire(model, Duration.ofSeconds(5))).isTrue();
    assertThat(limiter.acquire(model, Duration.ofSeconds(5))).isTrue();

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void noSixtySecondsEverHoldMoreThanThePublishedFigure() throws Exception {
    TokenBucketRateLimiter limiter = TokenBucketRateLimiter.create(time);
    List<Long> grants = grantsUnderLoad(limiter, limited("@cf/a/b", 300));

    assertThat(maxInAnyMinute(grants)).as("most permits in one 60-second window").isEqualTo(300);
  }

  @Test
  void burstingAboveTheFigureIsAnOptIn() throws Exception {
    TokenBucketRateLimiter limiter = TokenBucketRateLimiter.create(time, 0.1);
    List<Long> grants = grantsUnderLoad(limiter, limited("@cf/a/b", 300));

    assertThat(maxInAnyMinute(grants)).isGreaterThan(300).isLessThanOrEqualTo(330);
    assertThatThrownBy(() -> builder().rateLimitBurstAboveLimit(-0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("burstAboveLimit must be a finite fraction >= 0: -0.1");
    assertThatThrownBy(() -> builder().rateLimitBurstAboveLimit(0.1).rateLimiter(limiter).build())
        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("rateLimitBurstAboveLimit applies to");
  }

  @Test
  void clientKeepsToTheFigureUnlessToldToBurst() {
    ModelDescriptor model = limited("@cf/a/b", 10); // burst of 1, then one per 6 s
    for (int i = 0; i < 22; i++) {
      server.enqueue(ok("{}"));
    }
    FakeTime burstingTime = new FakeTime();
    WorkersAi strict = client();
    WorkersAi bursting = builder().time(burstingTime).rateLimitBurstAboveLimit(0.1).build();

    for (int i = 0; i < 11; i++) {
      strict.run(model, RequestPayload.json(Map.of()), CallOptions.defaults());
      bursting.run(model, RequestPayload.json(Map.of()), CallOptions.defaults());
    }

    // The 11th call would be the 11th within 60 s of the first: it waits until the first leaves the window.
    assertThat(time.sleeps()).hasSize(10).endsWith(Duration.ofMillis(6_100));
    assertThat(burstingTime.sleeps()).hasSize(10).containsOnly(Duration.ofSeconds(6));
  }

  /**
   * Permits granted to callers that want one as soon as possible, in phases (a long busy stretch,
   * an idle pause that refills the bucket, short ones, callers that will not wait), on the fake clock.
   */
  private List<Long> grantsUnderLoad(RateLimiter limiter, ModelDescriptor model) throws InterruptedException {
    List<Long> grants = new ArrayList<>();
    for (int phase = 0; phase < 6; phase++) {
      for (int i = 0; i < 400 + 37 * phase; i++) {
        if (limiter.acquire(model, Duration.ofMinutes(5))) {
          grants.add(time.nanoTime());
        }
        if (i % 7 == 0 && limiter.acquire(model, Duration.ZERO)) {
          grants.add(time.nanoTime());
        }
      }
      time.advance(Duration.ofMillis(3_700L * phase * phase));
    }
    return grants;
  }

  /** The most grants in any half-open 60-second window (the busiest one starts at a grant). */
  private static int maxInAnyMinute(List<Long> grants) {
    long minute = Duration.ofMinutes(1).toNanos();
    int max = 0;
    int end = 0;
    for (int start = 0; start < grants.size(); start++) {
      while (end < grants.size() && grants.get(end) < grants.get(start) + minute) {
        end++;
      }
      max = Math.max(max, end - start);
    }
    return max;
  }

  @Test
  void unknownLimitIsNotLimitedAndModelsHaveSeparateBuckets() throws Exception {
    TokenBucketRateLimiter limiter = TokenBucketRateLimiter.create(time);
    ModelDescriptor unknown = ModelDescriptor.of("@cf/x/tts", "Text-to-Speech");
    ModelDescriptor slow = limited("@cf/a/slow", 1);
    ModelDescriptor other = limited("@cf/a/other", 1);

    for (int i = 0; i < 1000; i++) {
      assertThat(limiter.acquire(unknown, Duration.ZERO)).isTrue();
    }
    assertThat(limiter.acquire(slow, Duration.ZERO)).isTrue();
    assertThat(limiter.acquire(slow, Duration.ZERO)).isFalse();
    assertThat(limiter.acquire(other, Duration.ZERO)).isTrue();
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void descriptorsOfOneModelAndLimitShareABucketWhateverTheirOtherFields() throws Exception {
    TokenBucketRateLimiter limiter = TokenBucketRateLimiter.create(time);
    ModelDescriptor generated = limited("@cf/a/m", 1); // burst of 1
    ModelDescriptor equalCopy = limited("@cf/a/m", 1);
    ModelDescriptor otherTask = new ModelDescriptor("@cf/a/m", "", 1, RateLimit.Source.MODEL_OVERRIDE, true);
    ModelDescriptor otherLimit = limited("@cf/a/m", 20); // burst of 2

    assertThat(limiter.acquire(generated, Duration.ZERO)).isTrue();
    assertThat(limiter.acquire(equalCopy, Duration.ZERO)).isFalse();
    assertThat(limiter.acquire(otherTask, Duration.ZERO)).isFalse();
    assertThat(limiter.acquire(otherLimit, Duration.ZERO)).isTrue();
    assertThat(limiter.acquire(otherLimit, Duration.ZERO)).isTrue();
    assertThat(limiter.acquire(otherLimit, Duration.ZERO)).isFalse();
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void clientWaitsForThePermitThenSends() {
    ModelDescriptor model = limited("@cf/meta/llama-3.1-8b-instruct", 10); // burst of 1, one per 6 s
    server.enqueue(ok("{}"));
    server.enqueue(ok("{}"));
    WorkersAi ai = client();

    ai.run(model, RequestPayload.json(Map.of()), CallOptions.defaults());
    ai.run(model, RequestPayload.json(Map.of()), CallOptions.defaults());

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(6));
  }

  @Test
  void clientFailsWithoutSendingWhenThePermitIsTooFarAway() {
    ModelDescriptor model = limited("@cf/meta/llama-3.1-8b-instruct", 10);
    server.enqueue(ok("{}"));
    WorkersAi ai = builder().maxRateLimitWait(Duration.ofSeconds(2)).build();
    ai.run(model, RequestPayload.json(Map.of()), CallOptions.defaults());

    assertThatThrownBy(() -> ai.run(model, RequestPayload.json(Map.of()), CallOptions.defaults()))
        .isInstanceOfSatisfying(RateLimitWaitException.class, e -> {
          assertThat(e.requestsPerMinute()).isEqualTo(10);
          assertThat(e.maxWait()).isEqualTo(Duration.ofSeconds(2));
        })
        .hasMessage("model @cf/meta/llama-3.1-8b-instruct: client-side rate limit of 10 requests/minute reached; "
            + "no permit within 2000 ms, request not sent");
    assertThat(server.getRequestCount()).isEqualTo(1);

    server.enqueue(ok("{}"));
    ai.run(model, RequestPayload.json(Map.of()), CallOptions.defaults().withRateLimitWait(Duration.ofSeconds(10)));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void rateLimitingCanBeSwitchedOff() {
    ModelDescriptor model = limited("@cf/a/b", 1);
    for (int i = 0; i < 3; i++) {
      server.enqueue(ok("{}"));
    }
    WorkersAi ai = builder().rateLimiting(false).build();

    for (int i = 0; i < 3; i++) {
      ai.run(model, RequestPayload.json(Map.of()), CallOptions.defaults().withRateLimitWait(Duration.ZERO));
    }

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void customLimiterIsAskedBeforeEveryAttemptIncludingRetries() {
    List<String> asked = new ArrayList<>();
    RateLimiter shared = (model, maxWait) -> {
      asked.add(model.id() + " " + maxWait.toSeconds());
      return true;
    };
    server.enqueue(error(503, "[]"));
    server.enqueue(ok("{}"));

    builder().rateLimiter(shared).build().run(LLAMA, RequestPayload.json(Map.of()), CallOptions.defaults());

    assertThat(asked).containsExactly("@cf/meta/llama-3.1-8b-instruct 30", "@cf/meta/llama-3.1-8b-instruct 30");
  }

  @Test
  void oneLimiterSharedByTwoClientsCountsBoth() {
    ModelDescriptor model = limited("@cf/a/b", 10);
    RateLimiter shared = TokenBucketRateLimiter.create(time);
    server.enqueue(ok("{}"));
    builder().rateLimiter(shared).build().run(model, RequestPayload.json(Map.of()), CallOptions.defaults());

    assertThatThrownBy(() -> builder().rateLimiter(shared).build()
        .run(model, RequestPayload.json(Map.of()), CallOptions.defaults().withRateLimitWait(Duration.ZERO)))
        .isInstanceOf(RateLimitWaitException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
