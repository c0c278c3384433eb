package dev.workersai.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private static final String TOKEN = "Zq3xR8vLk2NmP7tYw4HsJc9bGf6DuAe1oKiE5rTn";
  private final Redactor redactor = new Redactor(TOKEN);

  @Test
  void masksTheTokenAndAnyPieceOfEightOrMoreCharacters() {
    assertThat(redactor.redact("key=" + TOKEN + ";")).isEqualTo("key=[REDACTED];");
    assertThat(redactor.redact("cut: " + TOKEN.substring(0, 8) + "...")).isEqualTo("cut: [REDACTED]...");
    assertThat(redactor.redact("tail " + TOKEN.substring(25))).isEqualTo("tail [REDACTED]");
    assertThat(redactor.redact(TOKEN + TOKEN)).isEqualTo("[REDACTED]");
    assertThat(redactor.redact("short " + TOKEN.substring(0, 7))).as("under 8 characters is ordinary text")
        .isEqualTo("short " + TOKEN.substring(0, 7));
    assertThat(redactor.redact(null)).isNull();
  }

  @Test
  void masksAnyBearerCredentialWhateverItsCase() {
    assertThat(Redactor.none().redact("Authorization: Bearer abc.DEF-123_x~+/== rest"))
        .isEqualTo("Authorization: Bearer [REDACTED] rest");
    assertThat(Redactor.none().redact("bearer\tsomething")).isEqualTo("bearer [REDACTED]");
    assertThat(Redactor.none().redact("a bearer of good news")).isEqualTo("a bearer of good news");
  }

  @Test
  void causeIsKeptWhenCleanAndCopiedWithRedactedMessagesWhenNot() {
    IOException clean = new SocketTimeoutException("timeout");
    assertThat(redactor.redactCause(clean)).isSameAs(clean);

    ProtocolException leaky = new ProtocolException("Unexpected status line: HTTP/1.1 200 " + TOKEN);
    IOException wrapper = new IOException("wrapped", leaky);
    Throwable safe = redactor.redactCause(wrapper);

    assertThat(safe).isInstanceOf(Redactor.RedactedException.class)
        .hasMessage("java.io.IOException: wrapped");
    assertThat(safe.getStackTrace()).isEqualTo(wrapper.getStackTrace());
    assertThat(safe.getCause()).hasMessage("java.net.ProtocolException: Unexpected status line: HTTP/1.1 200 [REDACTED]");
    assertThat(((Redactor.RedactedException) safe.getCause()).originalType()).isEqualTo("java.net.ProtocolException");
  }
}
