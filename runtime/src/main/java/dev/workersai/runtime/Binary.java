package dev.workersai.runtime;

import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Helpers for the three ways Workers AI carries binary data inside JSON: arrays of unsigned bytes
 * ({@code "image": [137, 80, ...]}), base64 strings, and data URIs
 * ({@code "data:image/jpeg;base64,..."}), plus recognising an image or audio format from its first
 * bytes (models that answer with base64 do not say whether it is PNG or JPEG).
 */
public final class Binary {
  private Binary() {}

  /** The bytes as unsigned values 0..255, as the {@code uint8} array convention wants. */
  public static int[] toUint8(byte[] bytes) {
    int[] out = new int[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = bytes[i] & 0xFF;
    }
    return out;
  }

  /** Standard base64 (RFC 4648, with padding). */
  public static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** A {@code data:<mediaType>;base64,...} URI, for OpenAI-style {@code image_url} content parts. */
  public static String dataUri(String mediaType, byte[] bytes) {
    Objects.requireNonNull(mediaType, "mediaType");
    return "data:" + mediaType + ";base64," + base64(bytes);
  }

  /**
   * Decodes base64 leniently: a {@code data:...;base64,} prefix, whitespace and the URL-safe alphabet
   * are accepted.
   *
   * @throws IllegalArgumentException naming the problem when it is not base64
   */
  public static byte[] decodeBase64(String base64) {
    Objects.requireNonNull(base64, "base64");
    String s = base64;
    if (s.startsWith("data:")) {
      int comma = s.indexOf(',');
      if (comma < 0 || !s.substring(0, comma).endsWith(";base64")) {
        throw new IllegalArgumentException("not a base64 data URI: " + abbreviate(s));
      }
      s = s.substring(comma + 1);
    }
    s = s.replaceAll("\\s+", "");
    try {
      return s.indexOf('-') >= 0 || s.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(s) : Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not valid base64 (" + e.getMessage() + "): " + abbreviate(base64), e);
    }
  }

  /**
   * Decodes a base64 answer (such as flux's {@code result.image}) into a {@link BinaryOutput} whose
   * content type is the data URI's, else the one {@link #sniff} recognises, else
   * {@code application/octet-stream}.
   */
  public static BinaryOutput fromBase64(String base64) {
    byte[] bytes = decodeBase64(base64);
    String type = null;
    if (base64.startsWith("data:")) {
      type = base64.substring(5, base64.indexOf(';')).toLowerCase(Locale.ROOT);
    }
    if (type == null || type.isEmpty()) {
      type = sniff(bytes).orElse("application/octet-stream");
    }
    return new BinaryOutput(type, bytes);
  }

  /**
   * The media type recognised from the first bytes: PNG, JPEG, GIF, WebP, WAV, MP3, Ogg, FLAC;
   * empty when unknown.
   */
  public static Optional<String> sniff(byte[] b) {
    if (startsWith(b, 0x89, 'P', 'N', 'G')) {
      return Optional.of("image/png");
    }
    if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
      return Optional.of("image/jpeg");
    }
    if (startsWith(b, 'G', 'I', 'F', '8')) {
      return Optional.of("image/gif");
    }
    if (startsWith(b, 'R', 'I', 'F', 'F') && b.length >= 12) {
      String kind = new String(b, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
      if (kind.equals("WEBP")) {
        return Optional.of("image/webp");
      }
      if (kind.equals("WAVE")) {
        return Optional.of("audio/wav");
      }
    }
    if (startsWith(b, 'I', 'D', '3') || (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0)) {
      return Optional.of("audio/mpeg");
    }
    if (startsWith(b, 'O', 'g', 'g', 'S')) {
      return Optional.of("audio/ogg");
    }
    if (startsWith(b, 'f', 'L', 'a', 'C')) {
      return Optional.of("audio/flac");
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? "\"" + s + "\"" : "\"" + s.substring(0, 40) + "...\" (" + s.length() + " chars)";
  }
}
