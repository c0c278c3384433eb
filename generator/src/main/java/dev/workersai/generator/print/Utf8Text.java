package dev.workersai.generator.print;

import java.util.Arrays;

/**
 * The printed file as UTF-8, built in place of a {@code StringBuilder}: the text then exists once as
 * bytes, where a builder, its {@code String} and that string's UTF-8 encoding held it three times.
 * {@link #utf8} is byte for byte {@code builder.toString().getBytes(UTF_8)} for the same appends and
 * inserts.
 *
 * <p>Each character is encoded on its own, a surrogate as the three bytes of its code unit; which
 * surrogates end up next to each other is only known once every insert is done, so {@link #utf8} joins
 * the pairs into four-byte sequences and writes a lone surrogate as {@code ?}, as the JDK's encoder
 * does. Generated sources rarely hold a character above U+FFFF, so that pass rarely runs.
 */
final class Utf8Text {
  private byte[] bytes = new byte[8192];
  private int length;
  private char lastChar;
  private boolean surrogates;

  /** Empties it, keeping its array. */
  void clear() {
    length = 0;
    lastChar = 0;
    surrogates = false;
  }

  /** Bytes written so far: the offsets {@link #insert} takes. */
  int length() {
    return length;
  }

  /** The size of the array kept between files. */
  int capacity() {
    return bytes.length;
  }

  /** The last character appended (inserts do not count). */
  char lastChar() {
    return lastChar;
  }

  void append(String s, int start, int end) {
    ensure(end - start);
    byte[] b = bytes;
    int n = length;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        b[n++] = (byte) c;
      } else {
        length = n;
        ensure(end - i + 2);
        encode(c);
        b = bytes;
        n = length;
      }
    }
    length = n;
    if (end > start) {
      lastChar = s.charAt(end - 1);
    }
  }

  void append(String s) {
    append(s, 0, s.length());
  }

  void append(char c) {
    ensure(3);
    if (c < 0x80) {
      bytes[length++] = (byte) c;
    } else {
      encode(c);
    }
    lastChar = c;
  }

  /** Puts ASCII {@code text} at byte offset {@code at}, moving what follows. */
  void insert(int at, String text) {
    int n = text.length();
    ensure(n);
    System.arraycopy(bytes, at, bytes, at + n, length - at);
    for (int i = 0; i < n; i++) {
      bytes[at + i] = (byte) text.charAt(i);
    }
    length += n;
  }

  /** A copy of the text in UTF-8, exactly as long as it is. */
  byte[] utf8() {
    return surrogates ? joinSurrogates() : Arrays.copyOf(bytes, length);
  }

  /** A character from U+0080 on: two or three bytes (a surrogate is three, see {@link #utf8}); room made by the caller. */
  private void encode(char c) {
    if (c < 0x800) {
      bytes[length++] = (byte) (0xC0 | c >> 6);
    } else {
      surrogates |= Character.isSurrogate(c);
      bytes[length++] = (byte) (0xE0 | c >> 12);
      bytes[length++] = (byte) (0x80 | (c >> 6 & 0x3F));
    }
    bytes[length++] = (byte) (0x80 | (c & 0x3F));
  }

  private byte[] joinSurrogates() {
    byte[] out = new byte[length];
    int n = 0;
    int i = 0;
    while (i < length) {
      char c = surrogateAt(i);
      if (c == 0) {
        out[n++] = bytes[i++];
      } else if (Character.isHighSurrogate(c) && Character.isLowSurrogate(surrogateAt(i + 3))) {
        int codePoint = Character.toCodePoint(c, surrogateAt(i + 3));
        out[n++] = (byte) (0xF0 | codePoint >> 18);
        out[n++] = (byte) (0x80 | (codePoint >> 12 & 0x3F));
        out[n++] = (byte) (0x80 | (codePoint >> 6 & 0x3F));
        out[n++] = (byte) (0x80 | (codePoint & 0x3F));
        i += 6;
      } else {
        out[n++] = '?';
        i += 3;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The surrogate whose three bytes start at {@code i}, or 0 ({@code ED A0..BF}: nothing else encodes so). */
  private char surrogateAt(int i) {
    if (i + 2 >= length || bytes[i] != (byte) 0xED || (bytes[i + 1] & 0xE0) != 0xA0) {
      return 0;
    }
    return (char) (0xD000 | (bytes[i + 1] & 0x3F) << 6 | (bytes[i + 2] & 0x3F));
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
