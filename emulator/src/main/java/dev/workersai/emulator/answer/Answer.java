package dev.workersai.emulator.answer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What the emulator answers to a valid run request, before any fault is applied. */
public sealed interface Answer {

  /** A JSON envelope whose {@code result} is {@code result}. */
  record Json(JsonNode result) implements Answer {}

  /** A raw body, such as a PNG image or MP3 audio. */
  record Binary(String contentType, byte[] bytes) implements Answer {}

  /** An SSE stream: each event is one {@code data:} line; {@code [DONE]} is added by the writer. */
  record Stream(List<JsonNode> events) implements Answer {}
}
