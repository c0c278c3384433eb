package dev.workersai.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads from an input schema which non-JSON bodies a model takes (WIRE.md §1 "tell-tales"). */
final class InputShapes {
  private InputShapes() {}

  /** A {@code multipart} property shaped {@code {body, contentType}}: flux-2 models. */
  static boolean takesMultipart(JsonNode schema) {
    return isStreamedBody(schema.path("properties").path("multipart"));
  }

  /**
   * Raw bytes are accepted when the schema (or one of its branches) is a binary string, or when
   * it has an {@code audio}/{@code image} input given as bytes: a {@code {body, contentType}}
   * object (nova-3) or a uint8 array (resnet-50, llava).
   */
  static boolean takesRawBytes(JsonNode schema) {
    if (isBinaryString(schema) || hasBinaryProperty(schema)) {
      return true;
    }
    for (String keyword : new String[] {"oneOf", "anyOf"}) {
      for (JsonNode branch : schema.path(keyword)) {
        if (isBinaryString(branch) || hasBinaryProperty(branch)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasBinaryProperty(JsonNode schema) {
    for (String name : new String[] {"audio", "image"}) {
      JsonNode property = schema.path("properties").path(name);
      if (isStreamedBody(property) || "array".equals(property.path("type").asText())
          || isBinaryString(property)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBinaryString(JsonNode schema) {
    return "string".equals(schema.path("type").asText()) && "binary".equals(schema.path("format").asText());
  }

  private static boolean isStreamedBody(JsonNode schema) {
    JsonNode properties = schema.path("properties");
    return properties.has("body") && properties.has("contentType");
  }
}
