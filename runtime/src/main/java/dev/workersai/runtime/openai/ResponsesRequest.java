package dev.workersai.runtime.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The body of {@code POST /ai/v1/responses} (OpenAI's Responses API, the documented way to call the
 * gpt-oss models); {@code model} is filled in by the call.
 *
 * @param model the model id
 * @param input a text, or a JSON array of input items as OpenAI's Responses API defines them
 * @param instructions a system message
 * @param reasoning reasoning effort and summary; gpt-oss cannot turn reasoning off
 * @param maxOutputTokens the most tokens to generate
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponsesRequest(
    String model,
    Object input,
    String instructions,
    Reasoning reasoning,
    @JsonProperty("max_output_tokens") Integer maxOutputTokens) {

  public ResponsesRequest {
    Objects.requireNonNull(input, "input");
    if (!(input instanceof String || input instanceof JsonNode node && node.isArray())) {
      throw new IllegalArgumentException("input: a text or a JSON array of input items, got "
          + input.getClass().getName());
    }
  }

  /** A request whose input is one text. */
  public static ResponsesRequest of(String input) {
    return new ResponsesRequest(null, input, null, null, null);
  }

  /** This request with {@code effort} ({@code low}, {@code medium} or {@code high}). */
  public ResponsesRequest withReasoningEffort(String effort) {
    return new ResponsesRequest(model, input, instructions, new Reasoning(effort, null), maxOutputTokens);
  }

  /** This request with {@code instructions}. */
  public ResponsesRequest withInstructions(String instructions) {
    return new ResponsesRequest(model, input, instructions, reasoning, maxOutputTokens);
  }

  ResponsesRequest forCall(String modelId) {
    return new ResponsesRequest(modelId, input, instructions, reasoning, maxOutputTokens);
  }

  /**
   * How hard the model reasons.
   *
   * @param effort {@code low}, {@code medium} or {@code high}
   * @param summary {@code auto}, {@code concise} or {@code detailed}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Reasoning(String effort, String summary) {}
}
