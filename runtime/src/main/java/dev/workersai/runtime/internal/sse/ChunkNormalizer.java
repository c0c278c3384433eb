package dev.workersai.runtime.internal.sse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workersai.runtime.StreamChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Turns one JSON object from a Workers AI answer into a {@link StreamChunk}, whichever of the two
 * shapes the model uses.
 *
 * <ul>
 *   <li>OpenAI-style: a non-empty {@code choices} array. Text, reasoning ({@code reasoning_content}
 *       or {@code reasoning}), tool calls and {@code finish_reason} come from {@code choices[0]} and
 *       its {@code delta} (streams) or {@code message} (whole answers). A top-level {@code response}
 *       in the same frame is ignored, because models that send both repeat the same text there.
 *       Workers AI returns one choice; further choices are left in {@code raw}.
 *   <li>Native: {@code response}, {@code tool_calls}, and when present {@code reasoning_content} /
 *       {@code reasoning} and {@code finish_reason} at the top level.
 * </ul>
 *
 * {@code usage} is read from the top level in both shapes. A non-text {@code response} (JSON mode
 * answers an object) is kept as its JSON text. Unknown fields are ignored and stay in {@code raw}.
 */
final class ChunkNormalizer {
  private ChunkNormalizer() {}

  /** Normalises a streamed frame, reading {@code choices[0].delta}. */
  static StreamChunk fromStreamFrame(JsonNode frame) {
    return normalise(frame, "delta");
  }

  /** Normalises a whole (non-streamed) result, reading {@code choices[0].message}. */
  static StreamChunk fromResult(JsonNode result) {
    return normalise(result, "message");
  }

  private static StreamChunk normalise(JsonNode node, String choicePart) {
    String response;
    String reasoning;
    List<JsonNode> toolCalls;
    String finishReason = null;
    JsonNode choices = node.path("choices");
    if (choices.isArray() && !choices.isEmpty()) {
      JsonNode choice = choices.get(0);
      JsonNode part = choice.path(choicePart);
      response = text(part.get("content"));
      reasoning = reasoning(part);
      toolCalls = elements(part.get("tool_calls"));
      finishReason = nonEmptyText(choice.get("finish_reason"));
    } else {
      response = text(node.get("response"));
      reasoning = reasoning(node);
      toolCalls = elements(node.get("tool_calls"));
    }
    if (finishReason == null) {
      finishReason = nonEmptyText(node.get("finish_reason"));
    }
    return new StreamChunk(
        response,
        reasoning,
        toolCalls,
        usage(node.get("usage")),
        Optional.ofNullable(finishReason),
        node);
  }

  private static String reasoning(JsonNode holder) {
    JsonNode reasoning = holder.get("reasoning_content");
    if (reasoning == null || reasoning.isNull()) {
      reasoning = holder.get("reasoning");
    }
    return text(reasoning);
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "";
    }
    return node.isTextual() ? node.textValue() : node.toString();
  }

  private static String nonEmptyText(JsonNode node) {
    String text = text(node);
    return text.isEmpty() ? null : text;
  }

  private static List<JsonNode> elements(JsonNode array) {
    if (array == null || !array.isArray() || array.isEmpty()) {
      return List.of();
    }
    List<JsonNode> list = new ArrayList<>(array.size());
    array.forEach(list::add);
    return list;
  }

  /** The token usage of a whole JSON answer ({@code result.usage}), if it reports one. */
  static Optional<StreamChunk.Usage> usageOf(JsonNode result) {
    return result == null ? Optional.empty() : usage(result.get("usage"));
  }

  private static Optional<StreamChunk.Usage> usage(JsonNode usage) {
    if (usage == null || !usage.isObject()) {
      return Optional.empty();
    }
    // The Responses API (/ai/v1/responses, gpt-oss) names them input_tokens and output_tokens.
    long prompt = usage.path("prompt_tokens").asLong(usage.path("input_tokens").asLong(0));
    long completion = usage.path("completion_tokens").asLong(usage.path("output_tokens").asLong(0));
    JsonNode total = usage.get("total_tokens");
    JsonNode neurons = usage.get("neurons");
    return Optional.of(
        new StreamChunk.Usage(
            prompt,
            completion,
            total != null && !total.isNull() ? total.asLong(prompt + completion) : prompt + completion,
            usage.path("prompt_tokens_details").path("cached_tokens").asLong(0),
            neurons != null && neurons.isNumber()
                ? OptionalDouble.of(neurons.doubleValue())
                : OptionalDouble.empty()));
  }
}
