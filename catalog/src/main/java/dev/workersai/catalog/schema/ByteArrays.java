package dev.workersai.catalog.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a byte array sent as JSON integers from an array of numbers that is data (an embedding).
 * The catalog marks neither: an {@code items} schema of numbers counts as bytes when it is bounded
 * to 0..255, or when the property is named for media ({@code image}, {@code audio}, {@code mask}),
 * the names the Workers AI catalog uses for such arrays.
 */
final class ByteArrays {
  private static final Set<String> MEDIA_NAMES = Set.of("image", "audio", "mask");

  private ByteArrays() {}

  static boolean isUint8Array(JsonNode items, String propertyName) {
    String type = items.path("type").asText();
    if (!type.equals("number") && !type.equals("integer")) {
      return false;
    }
    if (items.path("minimum").asDouble(-1) == 0 && items.path("maximum").asDouble(-1) == 255) {
      return true;
    }
    return MEDIA_NAMES.contains(propertyName.toLowerCase(Locale.ROOT));
  }
}
