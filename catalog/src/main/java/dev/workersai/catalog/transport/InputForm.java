package dev.workersai.catalog.transport;

import com.fasterxml.jackson.databind.JsonNode;

/** What one top-level form (a {@code oneOf}/{@code anyOf} branch, or the whole schema) of an input is on the wire. */
public enum InputForm {
  /** A JSON body. */
  JSON,
  /** The raw bytes as the body ({@code type: string, format: binary}). */
  RAW,
  /** A {@code multipart/form-data} body: {@code {multipart: {body, contentType}}}, whose fields the schema does not list. */
  MULTIPART,
  /** The async-queue batch form {@code {"requests": [...]}}: only sent with {@code ?queueRequest=true}. */
  BATCH;

  /**
   * The form of {@code branch}.
   *
   * @param branch a top-level form of an input schema
   * @param alone whether it is the schema's only form: a lone {@code {"requests": [...]}} is the model's own input
   */
  public static InputForm of(JsonNode branch, boolean alone) {
    if (!alone && AsyncQueue.isBatchSubmission(branch)) {
      return BATCH;
    }
    if (Schemas.isBinaryString(branch)) {
      return RAW;
    }
    JsonNode part = branch.path("properties").path("multipart").path("properties");
    if (part.size() == 2 && part.has("body") && part.has("contentType")) {
      return MULTIPART;
    }
    return JSON;
  }

  /**
   * Whether {@code input} (or a branch of it) has a {@code stream} property: then an undeclared binary
   * form of the output is the model's stream ({@link OutputForm#of}).
   */
  public static boolean declaresStream(JsonNode input) {
    return Schemas.declaresStream(input);
  }
}
