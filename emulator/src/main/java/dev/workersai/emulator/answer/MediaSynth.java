package dev.workersai.emulator.answer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * Real, small media files: images written with {@link ImageIO}, MP3 audio made of silent MPEG-1
 * Layer III frames, WAV audio made of silent 16-bit PCM. Colours and lengths depend on the input so
 * that different prompts give different bytes.
 */
final class MediaSynth {
  /** Side of the square image; small on purpose, the emulator is for tests. */
  static final int IMAGE_SIZE = 64;

  // MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no CRC, no padding, joint stereo off (mono).
  private static final byte[] MP3_HEADER = {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, (byte) 0xC4};
  /** 144 * bitrate / sample rate = 144 * 128000 / 44100, rounded down. */
  private static final int MP3_FRAME_BYTES = 417;
  private static final int WAV_SAMPLE_RATE = 16_000;
  /** 20 s of audio at 10 ms per character. */
  static final int WAV_MAX_CHARACTERS = 2_000;

  private MediaSynth() {}

  /** A {@value #IMAGE_SIZE}-pixel square gradient in {@code format} ({@code png} or {@code jpeg}). */
  static byte[] image(String subject, String format) {
    int hash = subject.hashCode();
    BufferedImage image = new BufferedImage(IMAGE_SIZE, IMAGE_SIZE, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < IMAGE_SIZE; y++) {
      for (int x = 0; x < IMAGE_SIZE; x++) {
        int red = (hash >>> 16) & 0xFF;
        int green = (x * 4 + (hash >>> 8)) & 0xFF;
        int blue = (y * 4 + hash) & 0xFF;
        image.setRGB(x, y, (red << 16) | (green << 8) | blue);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Silent MP3: one frame (26 ms) per character of {@code subject}, between 4 and 200 frames. */
  static byte[] mp3(String subject) {
    int frames = Math.max(4, Math.min(200, subject.length()));
    byte[] bytes = new byte[frames * MP3_FRAME_BYTES];
    for (int i = 0; i < frames; i++) {
      System.arraycopy(MP3_HEADER, 0, bytes, i * MP3_FRAME_BYTES, MP3_HEADER.length);
    }
    return bytes;
  }

  /**
   * Silent mono 16-bit WAV: 10 ms per character of {@code subject}, from 100 ms to 20 s (uncapped,
   * a 10 MB prompt would ask for gigabytes).
   */
  static byte[] wav(String subject) {
    int samples = WAV_SAMPLE_RATE / 100 * Math.max(10, Math.min(WAV_MAX_CHARACTERS, subject.length()));
    int dataBytes = samples * 2;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
    writeLe(out, 36 + dataBytes, 4);
    out.writeBytes("WAVEfmt ".getBytes(StandardCharsets.US_ASCII));
    writeLe(out, 16, 4); // fmt chunk size
    writeLe(out, 1, 2); // PCM
    writeLe(out, 1, 2); // mono
    writeLe(out, WAV_SAMPLE_RATE, 4);
    writeLe(out, WAV_SAMPLE_RATE * 2, 4); // byte rate
    writeLe(out, 2, 2); // block align
    writeLe(out, 16, 2); // bits per sample
    out.writeBytes("data".getBytes(StandardCharsets.US_ASCII));
    writeLe(out, dataBytes, 4);
    out.writeBytes(new byte[dataBytes]);
    return out.toByteArray();
  }

  private static void writeLe(ByteArrayOutputStream out, int value, int bytes) {
    for (int i = 0; i < bytes; i++) {
      out.write((value >>> (8 * i)) & 0xFF);
    }
  }
}
