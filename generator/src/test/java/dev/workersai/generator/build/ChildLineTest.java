package dev.workersai.generator.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.catalog.CatalogException;
import dev.workersai.catalog.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The forked generation's line protocol: every line it writes reads back as written, and nothing else does. */
class ChildLineTest {
  private static final String AWKWARD = "3 problems in the catalog:\n[bad-schema] a\\b.json#/x\r\n  tab\there \\n is not a line end,"
      + " nor is \\\\; ünïcødé ☃ \u0000 \"quoted\" info warn ";

  @ParameterizedTest
  @EnumSource(ChildLine.Type.class)
  void everyTypeRoundTripsAnyText(ChildLine.Type type) {
    ChildLine line = new ChildLine(type, AWKWARD);

    String encoded = line.encode();

    assertThat(encoded).doesNotContain("\n").doesNotContain("\r");
    assertThat(ChildLine.decode(encoded)).contains(line);
  }

  @Test
  void theWireFormatIsTagSpaceEscapedText() {
    assertThat(new ChildLine(ChildLine.Type.WARN, "two\nlines, one \\ backslash").encode())
        .isEqualTo("warn two\\nlines, one \\\\ backslash");
    assertThat(new ChildLine(ChildLine.Type.FAIL_BAD_INPUT, "").encode()).isEqualTo("fail-bad-input ");
    assertThat(ChildLine.decode("debug a\\r\\nb")).contains(new ChildLine(ChildLine.Type.DEBUG, "a\r\nb"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "info", "INFO text", "information text", "inf text", "OpenJDK 64-Bit Server VM warning: x",
      "info dangling\\", "info unknown \\t escape", "fail text"})
  void anythingElseIsNotALine(String raw) {
    assertThat(ChildLine.decode(raw)).isEmpty();
  }

  @Test
  void aFailureLineCarriesItsKind() {
    for (FailureKind kind : FailureKind.values()) {
      ChildLine.Type type = ChildLine.Type.failure(kind);
      assertThat(ChildLine.decode(new ChildLine(type, "m").encode()).orElseThrow().type().failureKind()).contains(kind);
    }
    assertThat(ChildLine.Type.INFO.failureKind()).isEmpty();
    assertThat(ChildLine.Type.WARN.failureKind()).isEmpty();
    assertThat(ChildLine.Type.DEBUG.failureKind()).isEmpty();
  }

  @Test
  void failuresAreTheUsersTheFileSystemsOrABug() {
    CatalogException badSchema = new CatalogException("bad-schema", new SourceLocation(Path.of("m.json"), "/schema"), "bad");
    assertThat(FailureKind.of(badSchema)).isEqualTo(FailureKind.BAD_INPUT);
    assertThat(FailureKind.of(new IllegalArgumentException("no such model"))).isEqualTo(FailureKind.BAD_INPUT);
    assertThat(FailureKind.of(new UncheckedIOException(new IOException("disk full")))).isEqualTo(FailureKind.IO);
    assertThat(FailureKind.of(new IllegalStateException("bug"))).isEqualTo(FailureKind.INTERNAL);
  }
}
