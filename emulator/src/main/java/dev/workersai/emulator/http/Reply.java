package dev.workersai.emulator.http;

import java.util.List;
import java.util.Map;

/** A response before it is written, so the gateway can cache it and faults can cut it. */
sealed interface Reply {

  /** A whole body with a known length. */
  record Whole(int status, String contentType, byte[] body, Map<String, String> headers) implements Reply {}

  /** An SSE stream: the {@code data:} payload of each event; {@code [DONE]} comes last. */
  record Events(List<String> data, Map<String, String> headers) implements Reply {}
}
