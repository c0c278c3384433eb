package dev.workersai.generator.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A jar's identity from its central directory alone, the index at its end that lists every entry
 * with its name, sizes, time and the CRC-32 of its bytes: a changed class or resource changes its
 * CRC-32, so the directory tells the same code from other code as a hash of the whole file does,
 * without reading the classes. That matters in a fresh JVM, whose SHA-256 runs interpreted: the
 * generator's 6 MB jar took a quarter of a second to hash; its directory, 0.3 MB, takes
 * milliseconds to checksum. Our jars are built with a fixed entry time, so a rebuild of the same
 * code keeps the identity.
 */
final class JarContents {
  private static final int END_SIGNATURE = 0x06054b50;
  private static final int ENTRY_SIGNATURE = 0x02014b50;
  private static final int END_SIZE = 22;
  private static final int MAX_COMMENT = 0xFFFF;

  private JarContents() {}

  /**
   * 16 hex digits: the CRC-32 and the CRC-32C of the central directory (two checksums with
   * different polynomials, native in the JDK, so fast before anything is compiled); empty when the
   * file is no zip this reads (a Zip64 archive, a damaged one), for the caller to hash the whole file.
   *
   * @throws NoSuchFileException when the file does not exist
   */
  static Optional<String> identity(Path jar) throws IOException {
    try (FileChannel channel = FileChannel.open(jar)) {
      long size = channel.size();
      int tailLength = (int) Math.min(size, END_SIZE + MAX_COMMENT);
      byte[] tail = read(channel, size - tailLength, tailLength);
      int end = tail.length - END_SIZE;
      while (end >= 0 && int32(tail, end) != END_SIGNATURE) {
        end--;
      }
      if (end < 0) {
        return Optional.empty();
      }
      long directorySize = int32(tail, end + 12) & 0xFFFFFFFFL;
      long directoryAt = int32(tail, end + 16) & 0xFFFFFFFFL;
      if (directoryAt == 0xFFFFFFFFL || directorySize == 0 || directoryAt + directorySize > size) {
        return Optional.empty();   // Zip64, or no directory this file holds
      }
      byte[] directory = read(channel, directoryAt, (int) directorySize);
      if (int32(directory, 0) != ENTRY_SIGNATURE) {
        return Optional.empty();
      }
      CRC32 crc32 = new CRC32();
      crc32.update(directory);
      CRC32C crc32c = new CRC32C();
      crc32c.update(directory);
      HexFormat hex = HexFormat.of();
      return Optional.of(hex.toHexDigits((int) crc32.getValue()) + hex.toHexDigits((int) crc32c.getValue()));
    }
  }

  private static byte[] read(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("ends before byte " + (position + length));
      }
    }
    return buffer.array();
  }

  private static int uint16(byte[] bytes, int at) {
    return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
  }

  private static int int32(byte[] bytes, int at) {
    return uint16(bytes, at) | uint16(bytes, at + 2) << 16;
  }
}
