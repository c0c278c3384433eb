package dev.workersai.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small {@code multipart/form-data} reader: enough to see which fields a request sent. Text
 * parts are kept as strings; file parts (those with a {@code filename}) as a byte count.
 */
final class Multipart {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");

  private Multipart() {}

  /** The fields of {@code body}, or empty when the header has no boundary or no part parses. */
  static Optional<Map<String, String>> fields(String contentTypeHeader, byte[] body) {
    Matcher boundaryMatch = BOUNDARY.matcher(contentTypeHeader);
    if (!boundaryMatch.find()) {
      return Optional.empty();
    }
    // ISO-8859-1 maps every byte to one char, so binary parts survive the split unharmed.
    String text = new String(body, StandardCharsets.ISO_8859_1);
    String delimiter = "--" + boundaryMatch.group(1);
    Map<String, String> fields = new LinkedHashMap<>();
    for (String part : text.split(Pattern.quote(delimiter))) {
      int headerEnd = part.indexOf("\r\n\r\n");
      if (headerEnd < 0) {
        continue;
      }
      String headers = part.substring(0, headerEnd);
      Matcher name = NAME.matcher(headers);
      if (!name.find()) {
        continue;
      }
      String content = part.substring(headerEnd + 4);
      if (content.endsWith("\r\n")) {
        content = content.substring(0, content.length() - 2);
      }
      boolean file = headers.contains("filename=");
      fields.put(name.group(1), file
          ? content.length() + " bytes"
          : new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }
    return fields.isEmpty() ? Optional.empty() : Optional.of(fields);
  }
}
