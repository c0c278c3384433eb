package dev.workersai.generator.refresh;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

/**
 * The day a snapshot was taken, kept beside its model files in {@value #FILE_NAME} ({@code date=YYYY-MM-DD},
 * UTC). A refresh that writes the snapshot writes it too, so the date travels with the files it
 * describes (the plugin names it when it uses its bundled snapshot) and is never set by hand.
 */
public final class SnapshotDate {
  /** The file's name, in the folder that holds the model files. */
  public static final String FILE_NAME = "snapshot.properties";
  private static final String KEY = "date";

  private SnapshotDate() {}

  /** The file's content for {@code day}. */
  public static byte[] toBytes(LocalDate day) {
    return ("# The day (UTC) workers-ai refresh wrote this snapshot.\n" + KEY + "=" + day + "\n")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * Reads the date from the file's bytes.
   *
   * @param where the file, for the message
   * @return empty when the file has no {@code date}
   * @throws IllegalArgumentException naming {@code where} when the date is not {@code YYYY-MM-DD}
   */
  public static Optional<LocalDate> parse(byte[] bytes, String where) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(new String(bytes, StandardCharsets.ISO_8859_1)));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": not a properties file: " + e.getMessage(), e);
    }
    String value = properties.getProperty(KEY);
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value.strip()));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(where + ": " + KEY + " is not a YYYY-MM-DD date: " + value, e);
    }
  }
}
