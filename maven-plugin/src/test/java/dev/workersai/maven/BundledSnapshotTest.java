package dev.workersai.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BundledSnapshotTest {
  private static final byte[] MODEL = "{}".getBytes(StandardCharsets.UTF_8);

  @Test
  void theDateIsTheOneTheSnapshotCarries() {
    Map<String, byte[]> files = Map.of("models/a.json", MODEL,
        "models/snapshot.properties", "date=2027-01-02\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThat(BundledSnapshot.dateOf(files)).isEqualTo("2027-01-02");
  }

  @Test
  void aSnapshotWithoutADateSaysSo() {
    assertThat(BundledSnapshot.dateOf(Map.of("models/a.json", MODEL))).isEqualTo("unknown");
  }

  @Test
  void aMalformedDateNamesTheFile() {
    Map<String, byte[]> files = Map.of("models/snapshot.properties", "date=soon\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> BundledSnapshot.dateOf(files))
        .hasMessageContaining("bundled-snapshot/models/snapshot.properties").hasMessageContaining("soon");
  }

  @Test
  void thePluginBundlesTheDateOfItsSnapshot() {
    assertThat(BundledSnapshot.load().date()).matches("\\d{4}-\\d{2}-\\d{2}");
  }
}
