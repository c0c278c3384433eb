package dev.workersai.catalog.transport;

import com.fasterxml.jackson.databind.JsonNode;

/** What one top-level form of an output is on the wire. */
public enum OutputForm {
  /** A JSON result in the envelope. */
  JSON,
  /** Bytes of the branch's own content type. */
  BINARY,
  /** A {@code text/event-stream}. */
  STREAM,
  /** The async-queue acknowledgement {@code {"request_id": ...}}: only a batch submission gets it. */
  ACKNOWLEDGEMENT;

  static final String EVENT_STREAM = "text/event-stream";

  /**
   * The form of {@code branch}.
   *
   * @param branch a top-level form of an output schema
   * @param alone whether it is the schema's only form: a lone acknowledgement shape is the model's own answer
   * @param inputDeclaresStream whether the input has a {@code stream} property: then an undeclared binary
   *     form next to JSON is the model's stream
   */
  public static OutputForm of(JsonNode branch, boolean alone, boolean inputDeclaresStream) {
    if (!alone && AsyncQueue.isAcknowledgement(branch)) {
      return ACKNOWLEDGEMENT;
    }
    String contentType = branch.path("contentType").asText("");
    if (contentType.equals(EVENT_STREAM)) {
      return STREAM;
    }
    if (Schemas.isBinaryString(branch)) {
      return contentType.isEmpty() && inputDeclaresStream ? STREAM : BINARY;
    }
    return JSON;
  }

  /** The content type of a {@link #BINARY} form: its own, else {@code application/octet-stream}. */
  public static String binaryContentType(JsonNode branch) {
    String contentType = branch.path("contentType").asText("");
    return contentType.isEmpty() ? "application/octet-stream" : contentType;
  }
}
