package dev.workersai.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a reader of catalog files gets a file's bytes: the disk ({@link #DISK}), or a caller that
 * wants each file's bytes as they are read, such as a generation that hashes the very bytes it
 * parses for its up-to-date record instead of reading every file a second time. Called from several
 * threads at once (files are parsed on every core).
 */
@FunctionalInterface
public interface FileSource {
  /** Reads each file as it is asked for. */
  FileSource DISK = Files::readAllBytes;

  /** The whole content of {@code file}; {@link java.nio.file.NoSuchFileException} when there is none. */
  byte[] read(Path file) throws IOException;
}
