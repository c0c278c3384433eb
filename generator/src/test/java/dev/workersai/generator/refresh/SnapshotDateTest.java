package dev.workersai.generator.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SnapshotDateTest {

  @Test
  void readsWhatItWrites() {
    LocalDate day = LocalDate.of(2026, 11, 28);

    assertThat(SnapshotDate.parse(SnapshotDate.toBytes(day), "x")).contains(day);
    assertThat(new String(SnapshotDate.toBytes(day), StandardCharsets.ISO_8859_1)).contains("date=2026-11-28\n");
  }

  @Test
  void aFileWithoutADateHasNone() {
    assertThat(SnapshotDate.parse("# nothing\n".getBytes(StandardCharsets.ISO_8859_1), "x")).isEmpty();
  }

  @Test
  void aDateThatIsNoDateIsRefusedNamingTheFile() {
    assertThatThrownBy(() -> SnapshotDate.parse("date=28.11.2026\n".getBytes(StandardCharsets.ISO_8859_1),
            "model-schemas/models/snapshot.properties"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("model-schemas/models/snapshot.properties: date is not a YYYY-MM-DD date: 28.11.2026");
  }
}
