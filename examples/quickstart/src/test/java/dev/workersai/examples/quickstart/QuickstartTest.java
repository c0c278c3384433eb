package dev.workersai.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the quickstart against the emulator on the bundled snapshot, as the README's command does. */
class QuickstartTest {

  @Test
  void makesThreeTypedCallsAndSavesAnImage(@TempDir Path dir) throws Exception {
    Path snapshot = Path.of(System.getProperty("quickstart.schemas"));
    Path imageFile = dir.resolve("out/image.png");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    Quickstart.Summary summary;
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      summary = Quickstart.runOffline(snapshot, out, imageFile);
    }

    String output = printed.toString(StandardCharsets.UTF_8);
    assertThat(summary.chunks()).isGreaterThan(1);
    assertThat(summary.answer()).isNotBlank();
    assertThat(output).contains(summary.answer());
    assertThat(summary.vectors()).isEqualTo(2);
    assertThat(summary.dimensions()).isEqualTo(768);
    assertThat(output).contains("2 vectors of 768 dimensions");
    assertThat(summary.imageType()).isEqualTo("image/png");
    BufferedImage image = ImageIO.read(Files.newInputStream(imageFile));
    assertThat(image).as("a decodable PNG").isNotNull();
    assertThat(image.getWidth()).isPositive();
    assertThat(output)
        .contains("using the local emulator at http://127.0.0.1:")
        .contains("CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN");
  }
}
