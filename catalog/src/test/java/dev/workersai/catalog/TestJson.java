package dev.workersai.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON written in tests with single quotes, so schemas read without escaping. */
public final class TestJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestJson() {}

  /** {@code text} with every {@code '} read as {@code "}. */
  public static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
