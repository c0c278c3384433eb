package dev.workersai.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BinaryTest {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, (byte) 0xFF};

  @Test
  void threeJsonConventions() {
    assertThat(Binary.toUint8(new byte[] {0, 127, (byte) 128, (byte) 255})).containsExactly(0, 127, 128, 255);
    assertThat(Binary.base64(new byte[] {1, 2, 3})).isEqualTo("AQID");
    assertThat(Binary.dataUri("image/jpeg", new byte[] {1, 2, 3})).isEqualTo("data:image/jpeg;base64,AQID");
  }

  @Test
  void decodeBase64IsLenient() {
    assertThat(Binary.decodeBase64("AQID")).containsExactly(1, 2, 3);
    assertThat(Binary.decodeBase64("AQ\nID")).containsExactly(1, 2, 3);
    assertThat(Binary.decodeBase64("data:image/png;base64,AQID")).containsExactly(1, 2, 3);
    assertThat(Binary.decodeBase64("-_8")).containsExactly(0xFB, 0xFF);
    assertThatThrownBy(() -> Binary.decodeBase64("not base64!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not valid base64 (");
  }

  @Test
  void fromBase64SniffsTheFormat() {
    BinaryOutput png = Binary.fromBase64(Binary.base64(PNG));
    assertThat(png.contentType()).isEqualTo("image/png");
    assertThat(png.bytes()).isEqualTo(PNG);
    assertThat(Binary.fromBase64("data:image/webp;base64,AQID").contentType()).isEqualTo("image/webp");
    assertThat(Binary.fromBase64("AQID").contentType()).isEqualTo("application/octet-stream");
    assertThat(Binary.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).hasValue("image/jpeg");
    assertThat(Binary.sniff("RIFF1234WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).hasValue("audio/wav");
    assertThat(Binary.sniff("ID3x".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).hasValue("audio/mpeg");
  }
}
