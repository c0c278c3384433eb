package dev.workersai.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {
  private static final int CAP = 4096;

  private static Headers length(long bytes) {
    Headers headers = new Headers();
    headers.set("Content-Length", Long.toString(bytes));
    return headers;
  }

  @Test
  void aBodyOverTheCapIs413NamingTheLimitAndIsDrainedSoTheClientReadsTheAnswer() {
    RequestBodies bodies = new RequestBodies(CAP, CAP, Duration.ZERO);
    ByteArrayInputStream in = new ByteArrayInputStream(new byte[CAP + 1]);

    ApiError error = catchThrowableOfType(ApiError.class, () -> bodies.share().read(length(CAP + 1), in));

    assertThat(error.status).isEqualTo(413);
    assertThat(error.code).isEqualTo(ErrorCodes.TOO_LARGE);
    assertThat(error.getMessage()).isEqualTo("Request too large: the limit is 4096 bytes");
    assertThat(in.available()).isZero();
  }

  @Test
  void aChunkedBodyOverTheCapIs413Too() {
    RequestBodies bodies = new RequestBodies(CAP, CAP, Duration.ZERO);
    ByteArrayInputStream in = new ByteArrayInputStream(new byte[3 * CAP]);

    ApiError error = catchThrowableOfType(ApiError.class, () -> bodies.share().read(new Headers(), in));

    assertThat(error.status).isEqualTo(413);
    assertThat(in.available()).isZero();
  }

  @Test
  void aBodyThatFindsTheBudgetTakenWaitsThenIs503AndTheShareComesBackOnClose() throws Exception {
    RequestBodies bodies = new RequestBodies(CAP, CAP, Duration.ZERO);
    RequestBodies.Share first = bodies.share();
    assertThat(first.read(length(CAP), new ByteArrayInputStream(new byte[CAP]))).hasSize(CAP);

    ByteArrayInputStream second = new ByteArrayInputStream(new byte[CAP]);
    ApiError busy = catchThrowableOfType(ApiError.class, () -> bodies.share().read(length(CAP), second));
    assertThat(busy.status).isEqualTo(503);
    assertThat(busy.code).isEqualTo(3040);
    assertThat(busy.headers).containsEntry("Retry-After", "1");
    assertThat(busy.getMessage()).contains("Capacity temporarily exceeded", "4 KiB", "bodyMemoryBytes");
    assertThat(second.available()).isZero();

    first.close();
    try (RequestBodies.Share third = bodies.share()) {
      assertThat(third.read(length(CAP), new ByteArrayInputStream(new byte[CAP]))).hasSize(CAP);
    }
  }

  @Test
  void smallBodiesShareTheBudget() throws Exception {
    RequestBodies bodies = new RequestBodies(CAP, CAP, Duration.ZERO);
    try (RequestBodies.Share a = bodies.share(); RequestBodies.Share b = bodies.share()) {
      assertThat(a.read(length(2048), new ByteArrayInputStream(new byte[2048]))).hasSize(2048);
      assertThat(b.read(length(2048), new ByteArrayInputStream(new byte[2048]))).hasSize(2048);
    }
  }

  @Test
  void anUnreadBodyIsDiscarded() throws Exception {
    ByteArrayInputStream in = new ByteArrayInputStream(new byte[3 * CAP]);
    try (RequestBodies.Share share = new RequestBodies(CAP, CAP).share()) {
      share.discardUnread(in);
    }
    assertThat(in.available()).isZero();
  }
}
