package dev.workersai.catalog.schema;

/**
 * Bytes, in one of the conventions the catalog uses.
 *
 * @param encoding how the bytes travel
 */
public record BinaryType(Encoding encoding) implements SchemaType {
  /** By the encoding's ordinal: an enum's own hash differs from one JVM to the next. */
  @Override
  public int hashCode() {
    return encoding.ordinal();
  }

  /** How bytes travel on the wire. */
  public enum Encoding {
    /** A JSON array of integers 0..255. */
    UINT8_ARRAY,
    /** A JSON string holding base64 ({@code type: string, format: binary} inside a JSON body). */
    BASE64,
    /** A {@code {body, contentType}} object: the bytes are the request body, not JSON. */
    BODY
  }
}
